"""A campus page's "Artsen": the public doctors who see patients there, by name, as cards.

Up to MAX_DOCTOR_CARDS cards; with more, a link to /artsen/?locatie=<slug> lists them all.
The block costs one query however many doctors there are (campus budget below).
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from carepages.core.testing import links, read, region, text
from carepages.doctors.factories import DoctorPageFactory
from carepages.locations.factories import LocationPageFactory
from carepages.locations.models import MAX_DOCTOR_CARDS
from carepages.services.factories import ServicePageFactory

# The page, its tree and privacy, its services, the hospital's identity and footer settings,
# the header menu, and (since the "Artsen" block) its doctors: 13 before that block, 14 now.
CAMPUS_MAX_QUERIES = 14


@pytest.fixture
def north(site_structure):
    return LocationPageFactory(parent=site_structure.locations, title="Campus Noord")


def doctor(site_structure, name: str, locations, **fields):
    slug = name.lower().replace(" ", "-")
    parent = site_structure.doctors
    return DoctorPageFactory(parent=parent, title=name, slug=slug, locations=locations, **fields)


def test_a_campus_lists_its_public_live_doctors_by_name(client, site_structure, north):
    south = LocationPageFactory(parent=site_structure.locations, title="Campus Zuid")
    doctor(site_structure, "Zoë Peeters", [north], role="diensthoofd", languages=["nl", "fr"])
    doctor(site_structure, "An Voorbeeld", [south, north])
    doctor(site_structure, "Bart Elders", [south])
    draft = doctor(site_structure, "Carl Concept", [north])
    draft.unpublish()
    private = doctor(site_structure, "Dirk Besloten", [north])
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    doctors = region(read(client.get("/locaties/campus-noord/")), "Artsen")
    assert [text(h) for h in doctors.find_all("h3")] == ["dr. An Voorbeeld", "dr. Zoë Peeters"]
    card = doctors.find("a", string="dr. Zoë Peeters").find_parent("li")
    assert card["class"] == ["card"]
    assert [text(p) for p in card.find_all("p")] == ["diensthoofd", "Talen: Nederlands, Frans"]
    assert not doctors.find("a", href="/artsen/?locatie=campus-noord")  # two: all on the page


def test_a_campus_without_doctors_has_no_artsen_block(client, north):
    page = read(client.get("/locaties/campus-noord/"))
    assert "Artsen" not in [text(h) for h in page.find_all("h2")]


def test_a_campus_with_many_doctors_links_to_the_full_list(client, site_structure, north):
    for number in range(MAX_DOCTOR_CARDS + 2):
        doctor(site_structure, f"Arts {number:02d}", [north])
    doctors = region(read(client.get("/locaties/campus-noord/")), "Artsen")
    assert len(doctors.find_all("li", class_="card")) == MAX_DOCTOR_CARDS
    assert (f"Alle {MAX_DOCTOR_CARDS + 2} artsen op Campus Noord", "/artsen/?locatie=campus-noord") in links(
        doctors
    )
    full_list = read(client.get("/artsen/?locatie=campus-noord"))
    assert len(full_list.find("main").find_all("li", class_="card")) == MAX_DOCTOR_CARDS + 2


def _queries(client, url: str) -> int:
    client.get(url)  # warm the per-process caches (site root paths, templates)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_campus_page_costs_the_same_queries_with_one_or_many_doctors(client, site_structure, north):
    service = ServicePageFactory(parent=site_structure.services, title="Cardiologie", locations=[north])
    doctor(site_structure, "An Voorbeeld", [north], services=[service])
    one = _queries(client, north.url)
    for number in range(MAX_DOCTOR_CARDS + 3):
        doctor(site_structure, f"Arts {number:02d}", [north], services=[service], languages=["nl"])
    assert _queries(client, north.url) == one <= CAMPUS_MAX_QUERIES
