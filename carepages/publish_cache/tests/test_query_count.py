"""An uncached condition page costs a fixed number of SQL queries, however many services it lists."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from carepages.conditions.factories import ConditionPageFactory
from carepages.infopages.factories import InfoPageFactory
from carepages.locations.factories import LocationPageFactory
from carepages.services.factories import ServicePageFactory

# The page, its tree and privacy, its services with their campuses, "Zie ook", the hospital's
# identity and footer settings, the lay terms, and its reviewers and sources: each one query,
# however many there are; and the header menu, read from the page tree so editors can hide and
# reorder its items (a cached page costs none of these).
MAX_QUERIES = 18


def _condition(site_structure, name: str, services: int, campuses: int, related: int):
    locations = [
        LocationPageFactory(parent=site_structure.locations, title=f"{name} campus {c}")
        for c in range(campuses)
    ]
    service_pages = [
        ServicePageFactory(parent=site_structure.services, title=f"{name} dienst {s}", locations=locations)
        for s in range(services)
    ]
    see_also = [
        InfoPageFactory(parent=site_structure.info["treatment"], title=f"{name} behandeling {r}")
        for r in range(related)
    ]
    return ConditionPageFactory(
        parent=site_structure.conditions, title=f"{name} aandoening", services=service_pages, related=see_also
    )


def _queries_for(client, page) -> int:
    client.get(page.url)  # warm the per-process caches (site root paths, templates)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(page.url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_condition_page_queries_do_not_grow_with_services_and_campuses(client, site_structure):
    small = _condition(site_structure, "klein", services=1, campuses=1, related=1)
    large = _condition(site_structure, "groot", services=12, campuses=5, related=4)

    small_count = _queries_for(client, small)
    large_count = _queries_for(client, large)

    assert large_count == small_count
    assert large_count <= MAX_QUERIES
