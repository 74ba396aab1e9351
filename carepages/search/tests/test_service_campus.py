"""A service named with its campus ("longziekten palfijn") finds the service, not only the campus."""

from carepages.locations.factories import LocationPageFactory
from carepages.search.engine import search
from carepages.services.factories import ServicePageFactory


def _slugs(query):
    return [hit.slug for hit in search(query).results]


def test_a_service_with_its_campus_or_town_comes_before_the_campus(site_structure):
    palfijn = LocationPageFactory(
        parent=site_structure.locations,
        title="ZAS Palfijn",
        slug="zas-palfijn",
        address="Lantaarnlei 20, Merksem",
    )
    other = LocationPageFactory(parent=site_structure.locations, title="ZAS Cadix", slug="zas-cadix")
    ServicePageFactory(
        parent=site_structure.services, title="Longziekten", slug="longziekten", locations=[palfijn]
    )
    ServicePageFactory(parent=site_structure.services, title="Urologie", slug="urologie", locations=[other])

    assert _slugs("longziekten palfijn")[:2] == ["longziekten", "zas-palfijn"]
    assert _slugs("longziekten merksem")[:1] == ["longziekten"]
    assert "urologie" not in _slugs("palfijn")


def test_a_renamed_campus_is_renamed_in_its_services_search_text(site_structure):
    campus = LocationPageFactory(parent=site_structure.locations, title="Campus Noord", slug="campus-noord")
    ServicePageFactory(
        parent=site_structure.services, title="Cardiologie", slug="cardiologie", locations=[campus]
    )
    assert _slugs("cardiologie noord")[:1] == ["cardiologie"]

    campus.title = "Campus Zuid"
    campus.save_revision().publish()
    assert _slugs("cardiologie zuid")[:1] == ["cardiologie"]
    assert "cardiologie" not in _slugs("noord")
