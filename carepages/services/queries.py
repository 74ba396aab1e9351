"""Queries that fetch services with their campuses in a fixed number of steps."""

from collections import defaultdict

from carepages.core.visibility import public_links

from .models import ServiceLocation, ServicePage


def links_by_service(services: list[ServicePage]) -> dict[int, list[ServiceLocation]]:
    """Link rows to live campuses per service id (location, phone and route there), in each
    service's own order, one per campus: one query."""
    links = public_links(
        ServiceLocation.objects.filter(page__in=[s.pk for s in services]), "location"
    ).order_by("page_id", "sort_order", "pk")
    result: dict[int, list] = defaultdict(list)
    for link in links:
        if all(link.location_id != other.location_id for other in result[link.page_id]):
            result[link.page_id].append(link)
    return result


def locations_by_service(services: list[ServicePage]) -> dict[int, list]:
    """Live campuses per service id, in each service's own order: one query."""
    return {
        page_id: [link.location for link in links] for page_id, links in links_by_service(services).items()
    }
