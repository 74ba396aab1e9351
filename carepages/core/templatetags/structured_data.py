"""schema.org data for search engines and health portals (JSON-LD).

`publisher` is the hospital's name from its identity setting, passed in by the template.
"""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def condition_jsonld(context, page, publisher: str = "") -> dict:
    """A MedicalWebPage about a MedicalCondition, with its review date."""
    request = context.get("request")
    condition = {"@type": "MedicalCondition", "name": page.title}
    if page.alternate_names:
        condition["alternateName"] = page.alternate_names
    if page.intro:
        condition["description"] = page.intro
    data = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": page.title,
        "url": page.get_full_url(request),
        "inLanguage": "nl-BE",
        "about": condition,
    }
    if page.last_updated:
        data["lastReviewed"] = page.last_updated.isoformat()
    if publisher:
        data["publisher"] = {"@type": "Organization", "name": publisher}
    return data


@register.simple_tag(takes_context=True)
def info_jsonld(context, page, publisher: str = "") -> dict:
    request = context.get("request")
    data = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": page.title,
        "url": page.get_full_url(request),
        "inLanguage": "nl-BE",
    }
    if page.intro:
        data["description"] = page.intro
    if page.last_updated:
        data["lastReviewed"] = page.last_updated.isoformat()
    if publisher:
        data["publisher"] = {"@type": "Organization", "name": publisher}
    return data


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
