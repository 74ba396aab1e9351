"""Pages turned into API data, with a fixed number of queries per response.

The pages' own queries (the models' `live_*` methods, `links_by_service`, `with_links`) decide
what is shown; this module only shapes it as docs/api.md describes.
"""

from urllib.parse import urlencode

from django.http import HttpRequest
from wagtail.models import Page
from wagtail.rich_text import expand_db_html

from carepages.conditions.models import ConditionPage
from carepages.core import kinds
from carepages.core.models import published_on
from carepages.doctors.models import DoctorPage, with_links
from carepages.locations import hours
from carepages.locations.models import LocationPage
from carepages.services.models import ServicePage, links_by_service, locations_by_service


def link(request: HttpRequest, page: Page) -> dict:
    path = page.get_url(request=request) or page.url_path
    return {"slug": page.slug, "title": page.title, "url": request.build_absolute_uri(path), "path": path}


def page_list(request: HttpRequest, pages, limit: int, offset: int, summarise) -> dict:
    """One window of `pages`, shaped by `summarise(request, pages)`, with links to the windows beside it."""
    count = pages.count()
    window = list(pages[offset : offset + limit])
    return {
        "count": count,
        "next": _page_url(request, limit, offset + limit) if offset + limit < count else None,
        "previous": _page_url(request, limit, max(offset - limit, 0)) if offset > 0 else None,
        "results": summarise(request, window),
    }


def _page_url(request: HttpRequest, limit: int, offset: int) -> str:
    params = request.GET.copy()
    params["limit"], params["offset"] = str(limit), str(offset)
    return request.build_absolute_uri(f"{request.path}?{urlencode(sorted(params.items()))}")


def condition_summaries(request, pages: list[ConditionPage]) -> list[dict]:
    return [
        link(request, page)
        | {"intro": page.intro, "also_known_as": page.alternate_names, "last_updated": page.last_updated}
        for page in pages
    ]


def service_summaries(request, pages: list[ServicePage]) -> list[dict]:
    locations = locations_by_service(pages)
    return [
        link(request, page)
        | {"intro": page.intro, "locations": [link(request, loc) for loc in locations[page.pk]]}
        for page in pages
    ]


def location_summaries(request, pages: list[LocationPage]) -> list[dict]:
    return [link(request, page) | {"address": page.address, "phone": page.phone} for page in pages]


def condition_detail(request, page: ConditionPage) -> dict:
    services = page.live_services()
    campus_links = links_by_service(services)
    related = []
    for target in page.live_related():
        kind = kinds.of(target)
        related.append(link(request, target) | {"type": kind.key if kind else "info"})
    return (
        condition_summaries(request, [page])[0]
        | {
            "sections": page.section_data(),
            "services": [
                link(request, s)
                | {"locations": [link(request, row.location) for row in campus_links[s.pk]]}
                | appointment_data(s, campus_links[s.pk])
                for s in services
            ],
            "related": related,
            "lay_terms": page.lay_terms,
        }
        | review_data(page)
    )


def review_data(page) -> dict:
    """The review keys of a reviewed page (docs/api.md): dates, reviewers, sources."""
    return {
        "last_reviewed": page.reviewed_on,
        "next_review": page.next_review,
        "reviewed_by": [reviewer.as_data() for reviewer in page.listed_reviewers],
        "sources": [source.as_data() for source in page.listed_sources],
    }


def appointment_data(service: ServicePage, campus_links: list) -> dict:
    """How to make an appointment: the service's phone and booking link, and its own per campus."""
    return {
        "appointment": {"phone": service.appointment_phone, "url": service.appointment_url},
        "contacts": [
            {"location": row.location.slug, "phone": row.phone, "route": row.route}
            for row in campus_links
            if row.has_contact
        ],
    }


def service_detail(request, page: ServicePage) -> dict:
    return (
        service_summaries(request, [page])[0]
        | {
            "conditions": [link(request, c) for c in page.live_conditions()],
            "last_updated": published_on(page),
        }
        | appointment_data(page, page.live_location_links())
    )


def location_detail(request, page: LocationPage) -> dict:
    geo = {"lat": float(page.latitude), "lon": float(page.longitude)} if page.has_geo else None
    return location_summaries(request, [page])[0] | {
        "street": page.street,
        "postal_code": page.postal_code,
        "city": page.city,
        "email": page.email,
        "geo": geo,
        "opening_hours": hours.rows_data(page.opening_hours.raw_data),
        "opening_hours_exceptions": hours.exceptions_data(page.hours_exceptions.raw_data),
        "route": page.route_html,
        "services": [
            link(request, row.page) | {"phone": row.phone, "route": row.route}
            for row in page.live_service_links()
        ],
        "last_updated": published_on(page),
    }


def doctor_summaries(request, pages: list[DoctorPage]) -> list[dict]:
    # Two queries for the services and campuses of every doctor in the window.
    by_id = {page.pk: page for page in with_links(DoctorPage.objects.filter(pk__in=[p.pk for p in pages]))}
    return [_doctor(request, by_id[page.pk]) for page in pages]


def _doctor(request, page: DoctorPage) -> dict:
    return link(request, page) | {
        "honorific": page.honorific,
        "role": page.role,
        "services": [link(request, item.service) for item in page.service_links.all()],
        "locations": [link(request, item.location) for item in page.location_links.all()],
        "languages": list(page.languages or []),
    }


def doctor_detail(request, page: DoctorPage) -> dict:
    return doctor_summaries(request, [page])[0] | {
        "consultation": expand_db_html(page.consultation or ""),
        "last_updated": published_on(page),
    }
