"""Queries that fetch services with their campuses in a fixed number of steps."""

from collections import defaultdict

from .models import ServiceLocation, ServicePage


def locations_by_service(services: list[ServicePage]) -> dict[int, list]:
    """Live campuses per service id, in each service's own order: one query."""
    links = (
        ServiceLocation.objects.filter(page__in=[s.pk for s in services], location__live=True)
        .select_related("location")
        .order_by("page_id", "sort_order", "pk")
    )
    result: dict[int, list] = defaultdict(list)
    for link in links:
        if link.location not in result[link.page_id]:
            result[link.page_id].append(link.location)
    return result
