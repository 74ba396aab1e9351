"""/locaties/ (every campus with its services) and a campus page."""

import json

import pytest

from carepages.core.testing import heading, links, read, region, text
from carepages.locations.factories import LocationPageFactory
from carepages.services.factories import ServicePageFactory


@pytest.fixture
def campuses(site_structure):
    north = LocationPageFactory(
        parent=site_structure.locations,
        title="Campus Noord",
        address="Lindendreef 1\n2020 Antwerpen",
        phone="03 280 00 00",
    )
    south = LocationPageFactory(parent=site_structure.locations, title="Campus Zuid")
    empty = LocationPageFactory(parent=site_structure.locations, title="Campus Leeg")
    ServicePageFactory(parent=site_structure.services, title="Radiologie", locations=[north, south])
    ServicePageFactory(parent=site_structure.services, title="Dermatologie", locations=[north])
    return north, south, empty


def test_location_index_lists_every_campus_with_its_services(client, campuses):
    page = read(client.get("/locaties/"))
    main = page.find("main")
    assert [text(h) for h in main.find_all("h2")] == ["Campus Leeg", "Campus Noord", "Campus Zuid"]
    north_card = heading(main, "Campus Noord").find_parent("li")
    assert links(north_card) == [
        ("Campus Noord", "/locaties/campus-noord/"),
        ("Dermatologie", "/diensten/dermatologie/"),
        ("Radiologie", "/diensten/radiologie/"),
    ]


def test_campus_page_lists_its_services_and_contact(client, campuses):
    page = read(client.get("/locaties/campus-noord/"))
    assert heading(page, "Campus Noord", "h1")
    assert links(region(page, "Diensten op deze locatie")) == [
        ("Dermatologie", "/diensten/dermatologie/"),
        ("Radiologie", "/diensten/radiologie/"),
    ]
    contact = region(page, "Adres en contact")
    assert "Lindendreef 1" in text(contact.find("address"))
    assert ("03 280 00 00", "tel:032800000") in links(contact)


def test_campus_without_services_says_so(client, campuses):
    page = read(client.get("/locaties/campus-leeg/"))
    assert "Er zijn nog geen diensten aan deze locatie gekoppeld." in text(
        region(page, "Diensten op deze locatie")
    )


def test_campus_page_describes_a_hospital_with_its_departments(client, campuses):
    page = read(client.get("/locaties/campus-noord/"))
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["@type"] == "Hospital"
    assert data["name"] == "Campus Noord"
    assert data["url"] == campuses[0].full_url and data["url"].endswith("/locaties/campus-noord/")
    assert data["address"] == "Lindendreef 1 2020 Antwerpen"
    assert data["telephone"] == "03 280 00 00"
    assert [(d["@type"], d["name"]) for d in data["department"]] == [
        ("MedicalClinic", "Dermatologie"),
        ("MedicalClinic", "Radiologie"),
    ]
