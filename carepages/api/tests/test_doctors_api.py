"""/api/v1/doctors/ and the doctors who reviewed a condition, as an app or a GP portal reads them."""

import datetime

import pytest
from django.utils import timezone

from carepages.conditions.models import ConditionPage, ConditionReviewer
from carepages.content_io.importer import import_document
from carepages.core.testing import hospital_file
from carepages.doctors.models import DoctorPage


def with_doctors() -> dict:
    """The test hospital in version 2, with two invented doctors (tests only)."""
    document = hospital_file()
    document["version"] = 2
    orthopedie, neurologie = (s["slug"] for s in document["services"])
    noord, zuid = (loc["slug"] for loc in document["locations"])
    document["doctors"] = [
        {
            "slug": "dr-an-voorbeeld",
            "name": "An Voorbeeld",
            "title": "dr.",
            "role": "diensthoofd",
            "services": [neurologie],
            "locations": [zuid, noord],
            "languages": ["nl", "fr"],
        },
        {"slug": "bert-proef", "name": "Bert Proef", "services": [orthopedie], "locations": [noord]},
    ]
    return document


@pytest.fixture
def doctors(site_structure):
    import_document(with_doctors())


def test_doctors_list_is_paginated_a_to_z_with_services_campuses_and_languages(client, doctors):
    data = client.get("/api/v1/doctors/?limit=1").json()
    assert data["count"] == 2 and data["next"].endswith("limit=1&offset=1")
    (an,) = data["results"]
    assert (an["slug"], an["title"], an["honorific"], an["role"]) == (
        "dr-an-voorbeeld",
        "An Voorbeeld",
        "dr.",
        "diensthoofd",
    )
    assert an["path"] == "/artsen/dr-an-voorbeeld/"
    assert [s["slug"] for s in an["services"]] == ["neurologie"]
    assert [loc["slug"] for loc in an["locations"]] == ["campus-zuid", "campus-noord"]
    assert an["languages"] == ["nl", "fr"]


def test_doctors_filter_by_service_and_by_campus(client, doctors):
    slugs = lambda url: [d["slug"] for d in client.get(url).json()["results"]]  # noqa: E731
    assert slugs("/api/v1/doctors/?service=orthopedie") == ["bert-proef"]
    assert slugs("/api/v1/doctors/?location=campus-zuid") == ["dr-an-voorbeeld"]
    assert slugs("/api/v1/doctors/?location=campus-noord") == ["dr-an-voorbeeld", "bert-proef"]
    assert slugs("/api/v1/doctors/?service=orthopedie&location=campus-zuid") == []


@pytest.mark.parametrize(
    ("query", "parameter"), [("service=nergens", "service"), ("location=nergens", "location")]
)
def test_an_unknown_service_or_campus_answers_404_naming_it(client, doctors, query, parameter):
    response = client.get(f"/api/v1/doctors/?{query}")
    assert response.status_code == 404
    assert response.json()["parameter"] == parameter


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("service=<script>", "service"),
        ("location=a%00b", "location"),
        ("limit=0", "limit"),
    ],
)
def test_a_bad_filter_answers_400_naming_it(client, doctors, query, parameter):
    response = client.get(f"/api/v1/doctors/?{query}")
    assert response.status_code == 400
    assert response.json()["parameter"] == parameter
    assert parameter in response.json()["detail"]


def test_doctor_detail_and_404(client, doctors, today):
    doctor = DoctorPage.objects.get(slug="dr-an-voorbeeld")
    doctor.consultation = "<p>Dinsdagvoormiddag.</p>"
    doctor.save_revision().publish()
    data = client.get("/api/v1/doctors/dr-an-voorbeeld/").json()
    assert data["consultation"] == "<p>Dinsdagvoormiddag.</p>"
    assert data["last_updated"] == timezone.localdate().isoformat()
    response = client.get("/api/v1/doctors/bestaat-niet/")
    assert response.status_code == 404 and response.json()["error"] == "not_found"
    doctor.unpublish()
    assert client.get("/api/v1/doctors/dr-an-voorbeeld/").status_code == 404
    assert [d["slug"] for d in client.get("/api/v1/doctors/").json()["results"]] == ["bert-proef"]


def test_condition_detail_names_reviewers_and_the_page_of_a_doctor(client, doctors):
    hernia = ConditionPage.objects.get(slug="hernia")
    hernia.reviewed_on = datetime.date(2025, 3, 1)
    hernia.reviewers = [
        ConditionReviewer(doctor=DoctorPage.objects.get(slug="dr-an-voorbeeld"), sort_order=0),
        ConditionReviewer(name="Dirk Dewolf", role="huisarts", sort_order=1),
    ]
    hernia.save_revision().publish()
    data = client.get("/api/v1/conditions/hernia/").json()
    assert data["last_reviewed"] == "2025-03-01"
    assert data["reviewed_by"] == [
        {"name": "dr. An Voorbeeld", "role": "diensthoofd", "doctor": "dr-an-voorbeeld"},
        {"name": "Dirk Dewolf", "role": "huisarts", "doctor": None},
    ]


def test_search_api_finds_doctors_by_type(client, doctors):
    data = client.get("/api/v1/search/?q=voorbeeld&type=doctor").json()
    assert [(r["type"], r["slug"], r["url"]) for r in data["results"]] == [
        ("doctor", "dr-an-voorbeeld", "/artsen/dr-an-voorbeeld/")
    ]
