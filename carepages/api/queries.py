"""Pages turned into API data, with a fixed number of queries per response."""

from collections import defaultdict
from urllib.parse import urlencode

from django.http import HttpRequest
from django.utils import timezone
from wagtail.models import Page

from carepages.conditions.models import ConditionPage, ConditionRelatedPage
from carepages.core import kinds
from carepages.locations.models import LocationPage
from carepages.services.models import ServiceLocation, ServicePage


def link(request: HttpRequest, page: Page) -> dict:
    path = page.get_url(request=request) or page.url_path
    return {"slug": page.slug, "title": page.title, "url": request.build_absolute_uri(path), "path": path}


def page_list(request: HttpRequest, pages, limit: int, offset: int) -> dict:
    count = pages.count()
    window = list(pages[offset : offset + limit])
    summarise = SUMMARIES[pages.model]
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


def _locations_of(services: list[int]) -> dict[int, list[Page]]:
    by_service = defaultdict(list)
    rows = (
        ServiceLocation.objects.filter(page_id__in=services, location__live=True)
        .select_related("location")
        .order_by("page_id", "sort_order", "pk")
    )
    for row in rows:
        by_service[row.page_id].append(row.location)
    return by_service


def condition_summaries(request, pages: list[ConditionPage]) -> list[dict]:
    return [
        link(request, page)
        | {"intro": page.intro, "also_known_as": page.alternate_names, "last_updated": page.last_updated}
        for page in pages
    ]


def service_summaries(request, pages: list[ServicePage]) -> list[dict]:
    locations = _locations_of([page.pk for page in pages])
    return [
        link(request, page)
        | {"intro": page.intro, "locations": [link(request, loc) for loc in locations[page.pk]]}
        for page in pages
    ]


def location_summaries(request, pages: list[LocationPage]) -> list[dict]:
    return [link(request, page) | {"address": page.address, "phone": page.phone} for page in pages]


SUMMARIES = {
    ConditionPage: condition_summaries,
    ServicePage: service_summaries,
    LocationPage: location_summaries,
}


def condition_detail(request, page: ConditionPage) -> dict:
    services = page.live_services()
    locations = _locations_of([service.pk for service in services])
    related = []
    links = ConditionRelatedPage.objects.filter(page=page, related_page__live=True).select_related(
        "related_page"
    )
    for row in links.order_by("sort_order", "pk"):
        target = row.related_page.specific_deferred
        kind = kinds.of(target)
        related.append(link(request, target) | {"type": kind.key if kind else "info"})
    return condition_summaries(request, [page])[0] | {
        "sections": page.section_data(),
        "services": [
            link(request, s) | {"locations": [link(request, loc) for loc in locations[s.pk]]}
            for s in services
        ],
        "related": related,
        "lay_terms": page.lay_terms,
    }


def service_detail(request, page: ServicePage) -> dict:
    conditions = ConditionPage.objects.live().filter(service_links__service=page).distinct().order_by("title")
    return service_summaries(request, [page])[0] | {
        "conditions": [link(request, c) for c in conditions],
        "last_updated": _published(page),
    }


def location_detail(request, page) -> dict:
    services = ServicePage.objects.live().filter(location_links__location=page).distinct().order_by("title")
    return location_summaries(request, [page])[0] | {
        "services": [link(request, s) for s in services],
        "last_updated": _published(page),
    }


def _published(page):
    published = page.last_published_at or page.first_published_at
    return timezone.localdate(published) if published else None
