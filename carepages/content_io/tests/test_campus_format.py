"""Format version 2's campus, appointment and hospital keys: import, errors, round trip, version 1."""

import copy
import datetime
import json
from decimal import Decimal
from pathlib import Path

import jsonschema
import pytest

from carepages.content_io.exporter import export_document
from carepages.content_io.importer import ContentImportError, import_document
from carepages.core.testing import hospital_file
from carepages.locations.models import LocationPage
from carepages.services.models import ServiceLocation, ServicePage
from carepages.site_settings.models import HospitalSettings

SCHEMA = json.loads(
    (Path(__file__).resolve().parents[3] / "docs" / "content-format.schema.json").read_text(encoding="utf-8")
)
HOURS = [
    {"label": "Onthaal", "days": ["mo", "tu", "we", "th", "fr"], "opens": "08:00", "closes": "18:00"},
    {"label": "Bezoekuren", "days": ["su", "sa"], "opens": "14:00", "closes": "20:00"},
]


def version_2() -> dict:
    doc = hospital_file()
    doc["version"] = 2
    doc["hospital"] = {"name": "AZ Voorbeeld", "phone": "03 111 11 11", "emergency_phone": "112"}
    north = doc["locations"][0]
    north |= {
        "street": "Lange straat 1",
        "postal_code": "2000",
        "city": "Antwerpen",
        "email": "onthaal@example.org",
        "geo": {"lat": 51.2194, "lon": 4.4025},
        "opening_hours": copy.deepcopy(HOURS),
        "route": '<p>Tram 7 <script>alert(1)</script><a href="javascript:x">P1</a></p>',
    }
    doc["services"][0] |= {
        "appointment": {"phone": "03 222 22 22", "url": "https://afspraken.example.org/ortho"},
        "contacts": [{"location": "campus-noord", "phone": "03 222 22 23", "route": "Route 45"}],
    }
    return doc


def problems_of(doc) -> list[str]:
    with pytest.raises(ContentImportError) as caught:
        import_document(doc, dry_run=True)
    return [str(problem) for problem in caught.value.problems]


def test_a_version_2_file_sets_campus_service_and_hospital(client, site_structure):
    import_document(version_2())

    north = LocationPage.objects.get(slug="campus-noord")
    assert (north.street, north.postal_code, north.city) == ("Lange straat 1", "2000", "Antwerpen")
    assert (north.latitude, north.longitude) == (Decimal("51.219400"), Decimal("4.402500"))
    assert north.directions == "<p>Tram 7 <a>P1</a></p>"
    assert [row.value["days"] for row in north.opening_hours] == [
        ["mo", "tu", "we", "th", "fr"],
        ["sa", "su"],
    ]
    assert north.opening_hours[1].value["opens"] == datetime.time(14)
    ortho = ServicePage.objects.get(slug="orthopedie")
    assert (ortho.appointment_phone, ortho.appointment_url) == (
        "03 222 22 22",
        "https://afspraken.example.org/ortho",
    )
    link = ServiceLocation.objects.get(page=ortho, location=north)
    assert (link.phone, link.route) == ("03 222 22 23", "Route 45")
    hospital = HospitalSettings.load()
    assert (hospital.name, hospital.phone, hospital.emergency_phone) == (
        "AZ Voorbeeld",
        "03 111 11 11",
        "112",
    )

    page = client.get("/locaties/campus-noord/").content.decode()
    assert "ma–vr 08:00–18:00" in page and "za, zo 14:00–20:00" in page
    assert "alert(1)" not in page and "javascript:" not in page


def test_export_import_export_round_trips_and_a_second_import_changes_nothing(site_structure):
    import_document(version_2())
    exported = export_document()
    jsonschema.validate(exported, SCHEMA)
    north = next(entry for entry in exported["locations"] if entry["slug"] == "campus-noord")
    assert north["geo"] == {"lat": 51.2194, "lon": 4.4025}
    assert north["opening_hours"][1] == {
        "label": "Bezoekuren",
        "days": ["sa", "su"],
        "opens": "14:00",
        "closes": "20:00",
    }
    assert "geo" not in next(entry for entry in exported["locations"] if entry["slug"] == "campus-zuid")
    assert exported["hospital"] == {"name": "AZ Voorbeeld", "phone": "03 111 11 11", "emergency_phone": "112"}

    report = import_document(copy.deepcopy(exported))

    assert not report.changed
    assert export_document() == exported


def test_a_version_1_file_leaves_the_version_2_facts_as_they_are(site_structure):
    import_document(version_2())
    version_1 = hospital_file()
    version_1["services"][0]["intro"] = "Nieuwe inleiding."

    import_document(version_1)

    ortho = ServicePage.objects.get(slug="orthopedie")
    assert ortho.intro == "Nieuwe inleiding." and ortho.appointment_phone == "03 222 22 22"
    link = ServiceLocation.objects.get(page=ortho, location__slug="campus-noord")
    assert (link.phone, link.route) == ("03 222 22 23", "Route 45")
    assert LocationPage.objects.get(slug="campus-noord").city == "Antwerpen"
    assert HospitalSettings.load().name == "AZ Voorbeeld"


def test_version_2_keys_in_a_version_1_file_say_they_need_version_2(db):
    doc = version_2()
    doc["version"] = 1
    problems = problems_of(doc)
    assert 'document, hospital: unknown key in a version 1 file (it needs "version": 2)' in problems
    assert (
        'locations ‘campus-noord’, opening_hours: unknown key in a version 1 file (it needs "version": 2)'
        in problems
    )


def test_every_bad_value_is_named_by_kind_slug_and_field(site_structure):
    doc = version_2()
    north, south = doc["locations"]
    north["opening_hours"] = [
        HOURS[0],
        {"label": "Bezoekuren", "days": ["mo", "xx"], "opens": "25:00", "closes": "20:00"},
        {"label": "Avond", "days": ["mo"], "opens": "20:00", "closes": "08:00", "extra": 1},
    ]
    north["geo"] = {"lat": 95, "lon": 4.4}
    north["email"] = "geen adres"
    south["geo"] = {"lat": 51.2}
    doc["services"][0]["appointment"] = {"phone": "03", "url": "http://afspraken.example.org"}
    doc["services"][0]["contacts"] = [
        {"location": "campus-oost", "phone": "1"},
        {"location": "campus-zuid", "route": "Route 1\nRoute 2"},
    ]
    doc["services"][1]["contacts"] = [{"location": "campus-noord", "route": "Route 9"}]
    doc["hospital"] = {"name": "", "fax": "x"}

    assert set(problems_of(doc)) == {
        "locations ‘campus-noord’, opening_hours[2].days: bad day ‘xx’ (one of mo tu we th fr sa su)",
        "locations ‘campus-noord’, opening_hours[3].extra: unknown key",
        "locations ‘campus-noord’, geo.lat: 95 is outside -90..90 degrees (WGS84)",
        "locations ‘campus-noord’, email: ‘geen adres’ is not an e-mail address",
        "locations ‘campus-zuid’, geo.lon: missing lon",
        "services ‘orthopedie’, appointment.url: ‘http://afspraken.example.org’ is not an https:// address",
        "services ‘orthopedie’, contacts[2].route: cannot span lines (line break at character 8)",
        "services ‘neurologie’, contacts[1].location: "
        "‘campus-noord’ is not in this service's locations (add it there)",
        "document, hospital.fax: unknown key",
        "document, hospital.name: missing name",
    }


def test_a_bad_time_and_hours_that_close_before_they_open(site_structure):
    doc = version_2()
    doc["locations"][0]["opening_hours"] = [
        {"label": "Bezoekuren", "days": ["mo"], "opens": "08:00", "closes": "25:00"},
        {"label": "Avond", "days": ["mo"], "opens": "20:00", "closes": "08:00"},
    ]
    doc["services"][0]["contacts"] = [{"location": "campus-oost", "phone": "1"}]
    assert problems_of(doc) == [
        "locations ‘campus-noord’, opening_hours[1].closes: bad time ‘25:00’ (HH:MM)",
        "locations ‘campus-noord’, opening_hours[2].closes: ‘08:00’ is not after opens ‘20:00’",
        "services ‘orthopedie’, contacts[1].location: "
        "unknown reference ‘campus-oost’ (no location with this slug)",
    ]
