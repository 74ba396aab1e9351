"""/diensten/ (filterable by campus) and a service's own page."""

import pytest

from carepages.conditions.factories import ConditionPageFactory
from carepages.core.testing import blocks, heading, links, read, region, text
from carepages.locations.factories import LocationPageFactory
from carepages.services.factories import ServicePageFactory


@pytest.fixture
def services(site_structure):
    north = LocationPageFactory(parent=site_structure.locations, title="Campus Noord")
    south = LocationPageFactory(parent=site_structure.locations, title="Campus Zuid")
    cardio = ServicePageFactory(parent=site_structure.services, title="Cardiologie", locations=[south, north])
    derma = ServicePageFactory(parent=site_structure.services, title="Dermatologie", locations=[north])
    ConditionPageFactory(parent=site_structure.conditions, title="Hartfalen", services=[cardio])
    ConditionPageFactory(parent=site_structure.conditions, title="Aritmie", services=[cardio])
    return cardio, derma


def test_service_index_lists_every_service_with_its_campuses(client, services):
    page = read(client.get("/diensten/"))
    listing = region(page, "Alle diensten")
    assert "1 - 2 van 2" in blocks(listing)
    assert [text(h) for h in listing.find_all("h3")] == ["Cardiologie", "Dermatologie"]
    assert ("Campus Zuid", "/locaties/campus-zuid/") in links(listing)


def test_service_index_filters_by_campus_without_javascript(client, services):
    page = read(client.get("/diensten/?locatie=campus-zuid"))
    listing = region(page, "Alle diensten")
    assert "1 - 1 van 1" in blocks(listing)
    assert [text(h) for h in listing.find_all("h3")] == ["Cardiologie"]
    assert ("Filter wissen", "?#diensten") in links(listing)


def test_service_index_with_an_unknown_campus_explains_and_shows_all(client, services):
    page = read(client.get("/diensten/?locatie=nergens"))
    listing = region(page, "Alle diensten")
    notice = listing.find(attrs={"role": "status"})
    assert "De locatie ‘nergens’ bestaat niet" in text(notice)
    assert "1 - 2 van 2" in blocks(listing)


def test_service_page_lists_its_campuses_in_order_and_its_conditions(client, services):
    page = read(client.get("/diensten/cardiologie/"))
    assert heading(page, "Cardiologie", "h1")
    assert links(region(page, "Aanwezig op de volgende locaties")) == [
        ("Campus Zuid", "/locaties/campus-zuid/"),
        ("Campus Noord", "/locaties/campus-noord/"),
    ]
    assert links(region(page, "Aandoeningen")) == [
        ("Aritmie", "/aandoeningen/aritmie/"),
        ("Hartfalen", "/aandoeningen/hartfalen/"),
    ]


def test_service_without_conditions_says_so(client, services):
    page = read(client.get("/diensten/dermatologie/"))
    assert "Er zijn nog geen aandoeningen aan deze dienst gekoppeld." in text(region(page, "Aandoeningen"))
