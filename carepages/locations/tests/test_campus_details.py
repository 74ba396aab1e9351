"""A campus page as a patient reads it: address, phone, hours, exceptions, route, map, services."""

import datetime
import json
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from carepages.core.testing import blocks, heading, links, read, region, text
from carepages.locations.factories import LocationPageFactory
from carepages.locations.hours import day_ranges
from carepages.services.factories import ServicePageFactory
from carepages.services.models import ServiceLocation

HOURS = [
    (
        "hours",
        {
            "label": "Onthaal",
            "days": ["mo", "tu", "we", "th", "fr"],
            "opens": datetime.time(8),
            "closes": datetime.time(18),
        },
    ),
    (
        "hours",
        {"label": "Onthaal", "days": ["sa"], "opens": datetime.time(9), "closes": datetime.time(12, 30)},
    ),
    (
        "hours",
        {
            "label": "Bezoekuren",
            "days": ["mo", "tu", "we", "th", "fr", "sa", "su"],
            "opens": datetime.time(14),
            "closes": datetime.time(20),
        },
    ),
]


def exception(note, start, end=None, closed=True, opens=None, closes=None):
    return (
        "exception",
        {"note": note, "start": start, "end": end, "closed": closed, "opens": opens, "closes": closes},
    )


@pytest.fixture
def campus(site_structure, today):
    campus = LocationPageFactory(
        parent=site_structure.locations,
        title="Campus Noord",
        street="Lindendreef 1",
        postal_code="2020",
        city="Antwerpen",
        address="oude vrije tekst",
        phone="03 280 00 00",
        email="onthaal@example.org",
        latitude=Decimal("51.180000"),
        longitude=Decimal("4.410000"),
        opening_hours=HOURS,
        hours_exceptions=[
            exception("Nieuwjaar", datetime.date(2026, 1, 1)),  # before TODAY: gone from the page
            exception(
                "Paasmaandag",
                datetime.date(2026, 4, 6),
                closed=False,
                opens=datetime.time(10),
                closes=datetime.time(12),
            ),
            exception("Kerstmis", datetime.date(2026, 12, 25), datetime.date(2026, 12, 26)),
        ],
        directions="<p>Tram 7, halte Middelheim. Parking P1 aan de ingang.</p>",
    )
    radiology = ServicePageFactory(parent=site_structure.services, title="Radiologie", locations=[campus])
    ServiceLocation.objects.filter(page=radiology).update(phone="03 280 45 45", route="Route 45")
    ServicePageFactory(parent=site_structure.services, title="Dermatologie", locations=[campus])
    return campus


def test_a_patient_finds_address_phone_email_and_a_map_link(client, campus):
    page = read(client.get("/locaties/campus-noord/"))
    contact = region(page, "Adres en contact")
    # The structured address wins over the free text of version 1.
    assert text(contact.find("address")) == "Lindendreef 1 2020 Antwerpen"
    assert "oude vrije tekst" not in text(page)
    assert links(contact) == [
        ("03 280 00 00", "tel:032800000"),
        ("onthaal@example.org", "mailto:onthaal@example.org"),
        (
            "Bekijk op de kaart (OpenStreetMap)",
            "https://www.openstreetmap.org/?mlat=51.180000&mlon=4.410000#map=17/51.180000/4.410000",
        ),
    ]
    # A link only: no embedded map, no request to another site while the page loads.
    assert not page.find(["iframe", "img", "script"], src=True)


def test_hours_are_grouped_in_dutch_with_upcoming_exceptions(client, campus):
    hours = region(read(client.get("/locaties/campus-noord/")), "Openings- en bezoekuren")
    assert blocks(hours) == [
        "Openings- en bezoekuren",
        "Onthaal",
        "ma–vr 08:00–18:00",
        "za 09:00–12:30",
        "Bezoekuren",
        "elke dag 14:00–20:00",
        "Uitzonderingen",
        "Paasmaandag: 06/04/2026 10:00–12:00",
        "Kerstmis: 25/12/2026 tot en met 26/12/2026 gesloten",
    ]


def test_route_and_the_services_with_their_own_number_and_route(client, campus):
    page = read(client.get("/locaties/campus-noord/"))
    assert (
        text(region(page, "Route en parking"))
        == "Route en parking Tram 7, halte Middelheim. Parking P1 aan de ingang."
    )
    services = region(page, "Diensten op deze locatie")
    assert blocks(services) == [
        "Diensten op deze locatie",
        "Dermatologie",
        "Radiologie",
        "Route 45 · Telefoon: 03 280 45 45",
    ]
    assert ("03 280 45 45", "tel:032804545") in links(services)


def test_a_campus_with_only_a_name_shows_no_empty_headings(client, site_structure):
    LocationPageFactory(parent=site_structure.locations, title="Campus Leeg")
    page = read(client.get("/locaties/campus-leeg/"))
    headings = [text(h) for h in page.find("main").find_all(["h2", "h3"])]
    assert headings == ["Diensten op deze locatie"]
    assert "Adres" not in text(page.find("main"))


def test_the_json_ld_describes_a_hospital_with_address_geo_and_hours(client, campus):
    page = read(client.get("/locaties/campus-noord/"))
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["@type"] == "Hospital"
    assert data["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "Lindendreef 1",
        "postalCode": "2020",
        "addressLocality": "Antwerpen",
        "addressCountry": "BE",
    }
    assert data["geo"] == {"@type": "GeoCoordinates", "latitude": 51.18, "longitude": 4.41}
    assert data["telephone"] == "03 280 00 00"
    assert data["email"] == "onthaal@example.org"
    specs = data["openingHoursSpecification"]
    assert specs[0] == {
        "@type": "OpeningHoursSpecification",
        "name": "Onthaal",
        "dayOfWeek": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
        "opens": "08:00",
        "closes": "18:00",
    }
    christmas = next(spec for spec in specs if spec["name"] == "Kerstmis")
    assert christmas | {} == {
        "@type": "OpeningHoursSpecification",
        "name": "Kerstmis",
        "validFrom": "2026-12-25",
        "validThrough": "2026-12-26",
        "opens": "00:00",
        "closes": "00:00",
    }


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        (["mo", "tu", "we", "th", "fr"], "ma–vr"),
        (["mo", "tu", "we", "fr"], "ma–wo, vr"),
        (["sa", "su"], "za, zo"),
        (["su", "mo"], "ma, zo"),
        (["mo", "tu", "we", "th", "fr", "sa", "su"], "elke dag"),
    ],
)
def test_days_read_as_dutch_ranges(days, expected):
    assert day_ranges(days) == expected


def test_the_admin_refuses_hours_that_close_before_they_open_and_half_a_position(site_structure):
    block = LocationPageFactory._meta.model._meta.get_field("opening_hours").stream_block
    with pytest.raises(ValidationError):
        block.clean(
            block.to_python(
                [
                    {
                        "type": "hours",
                        "value": {"label": "Onthaal", "days": ["mo"], "opens": "18:00", "closes": "08:00"},
                    }
                ]
            )
        )
    campus = LocationPageFactory.build(title="Campus X", latitude=Decimal("91"), longitude=None)
    with pytest.raises(ValidationError) as error:
        campus.full_clean(exclude=["path", "depth", "content_type"])
    assert {"latitude", "longitude"} <= set(error.value.message_dict)


def test_the_campus_list_shows_each_address_and_phone(client, campus):
    card = heading(read(client.get("/locaties/")), "Campus Noord").find_parent("li")
    assert "Lindendreef 1, 2020 Antwerpen" in blocks(card)
    # The phone as text: the card links to the campus and its services; the campus page has tel:.
    assert "Telefoon: 03 280 00 00" in blocks(card)
