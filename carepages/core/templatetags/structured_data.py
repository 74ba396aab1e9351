"""schema.org data for search engines and health portals (JSON-LD).

`publisher` is the hospital's name from its identity setting, passed in by the template.
"""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def page_jsonld(context, page, publisher: str = "", about: str = "") -> dict:
    """A MedicalWebPage with its review, reviewers and sources.

    `about` names the schema.org type the page is about ("MedicalCondition"): the
    page's title, other names and intro then describe that thing; without it the
    intro describes the page itself.
    """
    request = context.get("request")
    data = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": page.title,
        "url": page.get_full_url(request),
        "inLanguage": "nl-BE",
    }
    if about:
        data["about"] = _thing(about, page)
    elif page.intro:
        data["description"] = page.intro
    return data | publisher_data(publisher) | review_data(page)


def _thing(schema_type: str, page) -> dict:
    thing = {"@type": schema_type, "name": page.title}
    other_names = getattr(page, "alternate_names", [])
    if other_names:
        thing["alternateName"] = other_names
    if page.intro:
        thing["description"] = page.intro
    return thing


def publisher_data(publisher: str) -> dict:
    return {"publisher": {"@type": "Organization", "name": publisher}} if publisher else {}


def review_data(page) -> dict:
    """lastReviewed, reviewedBy and citation of a reviewed page (core.models.ReviewedMixin).

    A page never reviewed through the review cycle was last checked when its content
    was last updated: that date stands in, as it did before the cycle existed.
    """
    data = {}
    reviewed = page.reviewed_on or page.last_updated
    if reviewed:
        data["lastReviewed"] = reviewed.isoformat()
    reviewers = [_person(reviewer) for reviewer in page.listed_reviewers]
    if reviewers:
        data["reviewedBy"] = reviewers
    citations = [_creative_work(source) for source in page.listed_sources]
    if citations:
        data["citation"] = citations
    return data


def _person(reviewer) -> dict:
    person = {"@type": "Person", "name": reviewer.name}
    if reviewer.role:
        person["jobTitle"] = reviewer.role
    return person


def _creative_work(source) -> dict:
    work = {"@type": "CreativeWork", "name": source.title}
    if source.publisher:
        work["publisher"] = {"@type": "Organization", "name": source.publisher}
    if source.year:
        work["datePublished"] = str(source.year)
    if source.url:
        work["url"] = source.url
    return work


@register.simple_tag(takes_context=True)
def location_jsonld(context, page, services) -> dict:
    """A campus as a Hospital, with the services present there as departments."""
    request = context.get("request")
    data = {
        "@context": "https://schema.org",
        "@type": "Hospital",
        "name": page.title,
        "url": page.get_full_url(request),
    }
    if page.address:
        data["address"] = " ".join(page.address.split())
    if page.phone:
        data["telephone"] = page.phone
    departments = [
        {"@type": "MedicalClinic", "name": service.title, "url": service.get_full_url(request)}
        for service in services
    ]
    if departments:
        data["department"] = departments
    return data
