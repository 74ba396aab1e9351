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


def test_a_campus_named_beside_what_the_patient_looks_for_restricts_the_results(site_structure):
    """ "kinderarts augustinus" found the campus first: its name is the rarest word of the query and
    in the campus's title, while many pages speak of a "kinderarts". The campus's name restricts:
    the service at that campus comes first, the campus after it, a service elsewhere later."""
    augustinus = LocationPageFactory(
        parent=site_structure.locations, title="ZAS Augustinus", slug="zas-augustinus", address="Wilrijk"
    )
    cadix = LocationPageFactory(parent=site_structure.locations, title="ZAS Cadix", slug="zas-cadix")
    ServicePageFactory(
        parent=site_structure.services,
        title="Kindergeneeskunde",
        slug="kindergeneeskunde",
        intro="De kinderarts verzorgt baby's en kinderen.",
        locations=[augustinus],
    )
    ServicePageFactory(
        parent=site_structure.services,
        title="Kinderchirurgie",
        slug="kinderchirurgie",
        intro="De kinderarts verwijst naar de chirurg.",
        locations=[cadix],
    )
    ServicePageFactory(
        parent=site_structure.services, title="Cardiologie", slug="cardiologie", locations=[augustinus]
    )
    for n in range(6):
        ServicePageFactory(
            parent=site_structure.services,
            title=f"Dienst {n}",
            slug=f"dienst-{n}",
            intro="Ook de kinderarts werkt hier.",
            locations=[cadix],
        )

    found = _slugs("kinderarts augustinus")
    assert found[0] == "kindergeneeskunde"
    assert found.index("zas-augustinus") < found.index("kinderchirurgie")
    # Alone, a campus's name finds the campus.
    assert _slugs("augustinus")[:1] == ["zas-augustinus"]
    assert _slugs("zas augustinus")[:1] == ["zas-augustinus"]
