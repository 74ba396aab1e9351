"""From a condition to care: "Afspraak maken" on each service card and page, per campus with ?locatie=."""

import pytest

from carepages.conditions.factories import ConditionPageFactory
from carepages.core.testing import blocks, heading, links, read, region, text
from carepages.locations.factories import LocationPageFactory
from carepages.services.factories import ServicePageFactory
from carepages.services.models import ServiceLocation

BOOKING = "https://afspraken.example.org/cardiologie"


@pytest.fixture
def care(site_structure):
    north = LocationPageFactory(parent=site_structure.locations, title="Campus Noord")
    south = LocationPageFactory(parent=site_structure.locations, title="Campus Zuid")
    cardio = ServicePageFactory(
        parent=site_structure.services,
        title="Cardiologie",
        appointment_phone="03 280 11 11",
        appointment_url=BOOKING,
        locations=[north, south],
    )
    ServiceLocation.objects.filter(page=cardio, location=south).update(phone="03 280 22 22", route="Route 45")
    derma = ServicePageFactory(parent=site_structure.services, title="Dermatologie", locations=[north])
    ConditionPageFactory(parent=site_structure.conditions, title="Hartfalen", services=[cardio, derma])
    return cardio, derma


def card_of(listing, title):
    return heading(listing, title, "h3").find_parent("li")


def test_each_card_offers_an_appointment_by_phone_and_online(client, care):
    listing = region(read(client.get("/aandoeningen/hartfalen/")), "Diensten")
    assert "1 - 2 van 2" in blocks(listing)
    cardio = card_of(listing, "Cardiologie")
    assert "Afspraak maken" in blocks(cardio)
    assert ("Bel 03 280 11 11", "tel:032801111") in links(cardio)
    assert ("Online afspraak maken bij Cardiologie", BOOKING) in links(cardio)
    # A service whose number nobody entered offers no empty button.
    dermatology = card_of(listing, "Dermatologie")
    assert "Afspraak maken" not in text(dermatology)
    assert [href for _, href in links(dermatology) if href.startswith("tel:")] == []


def test_with_a_campus_chosen_the_card_shows_that_campus_number_and_route(client, care):
    listing = region(read(client.get("/aandoeningen/hartfalen/?locatie=campus-zuid")), "Diensten")
    assert "1 - 1 van 1" in blocks(listing)
    cardio = card_of(listing, "Cardiologie")
    assert "Op Campus Zuid: Route 45" in blocks(cardio)
    assert "Afspraak maken op Campus Zuid" in blocks(cardio)
    assert ("Bel 03 280 22 22", "tel:032802222") in links(cardio)
    assert "03 280 11 11" not in text(cardio)


def test_a_campus_without_its_own_number_falls_back_to_the_service(client, care):
    listing = region(read(client.get("/aandoeningen/hartfalen/?locatie=campus-noord")), "Diensten")
    cardio = card_of(listing, "Cardiologie")
    assert ("Bel 03 280 11 11", "tel:032801111") in links(cardio)
    assert not any(line.startswith("Op Campus Noord:") for line in blocks(cardio))


def test_the_service_page_offers_the_appointment_and_each_campus_number(client, care):
    page = read(client.get("/diensten/cardiologie/"))
    main = page.find("main")
    assert ("Bel 03 280 11 11", "tel:032801111") in links(main)
    assert ("Online afspraak maken bij Cardiologie", BOOKING) in links(main)
    campuses = region(page, "Aanwezig op de volgende locaties")
    assert "Route 45 · Afspraak op deze locatie: 03 280 22 22" in blocks(campuses)
    assert links(campuses)[:2] == [
        ("Campus Noord", "/locaties/campus-noord/"),
        ("Campus Zuid", "/locaties/campus-zuid/"),
    ]


def test_the_booking_link_must_be_https(care):
    from django.core.exceptions import ValidationError

    cardio, _ = care
    cardio.appointment_url = "http://afspraken.example.org/"
    with pytest.raises(ValidationError) as error:
        cardio.full_clean()
    assert "appointment_url" in error.value.message_dict
