"""The public read API (docs/api.md) as an app, kiosk or GP portal uses it."""

import datetime

import pytest
from django.utils.http import http_date

from carepages.conditions.models import ConditionPage
from carepages.content_io.importer import import_document
from carepages.core.testing import hospital_file
from carepages.locations.models import LocationPage


def hospital() -> dict:
    """The test hospital, with 25 more conditions to page through and simpler entries to read back."""
    document = hospital_file()
    document["version"] = 2
    noord, _ = document["locations"]
    noord["address"] = "Lange straat 1"
    noord.update(
        street="Lange straat 1",
        postal_code="2000",
        city="Antwerpen",
        email="onthaal@example.org",
        geo={"lat": 51.2194, "lon": 4.4025},
        opening_hours=[{"label": "Bezoekuren", "days": ["sa", "su"], "opens": "14:00", "closes": "20:00"}],
        route="<p>Tram 7, halte Lange straat.</p>",
    )
    orthopedie, neurologie = document["services"]
    orthopedie.update(
        intro="Botten.",
        locations=["campus-zuid"],
        appointment={"phone": "03 222 22 22", "url": "https://afspraken.example.org/ortho"},
        contacts=[{"location": "campus-zuid", "phone": "03 222 22 23", "route": "Route 45"}],
    )
    neurologie["locations"] = ["campus-noord", "campus-zuid"]
    document["pages"] = [{"slug": "mri", "title": "MRI", "kind": "examination"}]
    numbered = [
        {
            "slug": f"aandoening-{n:02d}",
            "title": f"Aandoening {n:02d}",
            "intro": "Definitie.",
            "services": ["orthopedie"],
        }
        for n in range(25)
    ]
    hernia = {
        **document["conditions"][0],
        "also_known_as": ["discushernia"],
        "sections": [{"heading": "Wat is de oorzaak?", "body": "<p>Slijtage.</p>"}],
        "services": ["neurologie", "orthopedie"],
        "related": ["mri", "aandoening-01"],
    }
    for condition in numbered:
        condition["services"] = ["orthopedie"]
    document["conditions"] = [*numbered, hernia]
    return document


@pytest.fixture
def content(site_structure):
    import_document(hospital())


def test_condition_detail_nests_services_with_their_campuses(client, content):
    response = client.get("/api/v1/conditions/hernia/")
    assert response.status_code == 200
    data = response.json()
    assert data["title"] == "Hernia"
    assert data["url"] == "http://testserver/aandoeningen/hernia/"
    assert data["path"] == "/aandoeningen/hernia/"
    assert data["last_updated"] == "2024-07-02"
    assert data["also_known_as"] == ["discushernia"]
    assert data["sections"] == [{"heading": "Wat is de oorzaak?", "body": "<p>Slijtage.</p>"}]
    assert [s["slug"] for s in data["services"]] == ["neurologie", "orthopedie"]
    assert [loc["slug"] for loc in data["services"][0]["locations"]] == ["campus-noord", "campus-zuid"]
    assert data["services"][0]["locations"][0]["url"] == "http://testserver/locaties/campus-noord/"
    assert [(r["type"], r["slug"]) for r in data["related"]] == [
        ("examination", "mri"),
        ("condition", "aandoening-01"),
    ]


def test_lists_are_paginated_with_count_and_next(client, content):
    first = client.get("/api/v1/conditions/?limit=10").json()
    assert first["count"] == 26 and len(first["results"]) == 10
    assert first["results"][0]["slug"] == "aandoening-00"
    assert first["previous"] is None
    assert first["next"] == "http://testserver/api/v1/conditions/?limit=10&offset=10"

    last = client.get("/api/v1/conditions/?limit=10&offset=20").json()
    assert [c["slug"] for c in last["results"]][-1] == "hernia"
    assert last["next"] is None
    assert last["previous"] == "http://testserver/api/v1/conditions/?limit=10&offset=10"


def test_services_filter_by_location_and_locations_list_their_services(client, content):
    services = client.get("/api/v1/services/?location=campus-noord").json()
    assert [s["slug"] for s in services["results"]] == ["neurologie"]
    assert client.get("/api/v1/services/").json()["count"] == 2

    campus = client.get("/api/v1/locations/campus-zuid/").json()
    assert [s["slug"] for s in campus["services"]] == ["neurologie", "orthopedie"]
    assert client.get("/api/v1/locations/campus-noord/").json()["address"] == "Lange straat 1"

    service = client.get("/api/v1/services/neurologie/").json()
    assert [c["slug"] for c in service["conditions"]] == ["hernia"]


def test_unpublished_pages_are_not_served(client, content):
    ConditionPage.objects.get(slug="hernia").unpublish()
    assert client.get("/api/v1/conditions/hernia/").status_code == 404
    assert client.get("/api/v1/conditions/").json()["count"] == 25


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/api/v1/conditions/?limit=0", "limit"),
        ("/api/v1/conditions/?limit=101", "limit"),
        ("/api/v1/conditions/?limit=tien", "limit"),
        ("/api/v1/locations/?offset=-1", "offset"),
        ("/api/v1/services/?location=<script>", "location"),
        ("/api/v1/search/?q=rug&type=condition,arts", "type"),
        ("/api/v1/search/?q=rug&limit=51", "limit"),
        ("/api/v1/search/", "q"),
        ("/api/v1/search/?q=", "q"),
        ("/api/v1/search/?q=%20%20", "q"),
    ],
)
def test_bad_parameters_answer_400_naming_the_parameter(client, content, url, parameter):
    response = client.get(url)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["parameter"] == parameter
    assert parameter in response.json()["detail"]


def test_filtering_on_an_unknown_campus_answers_404_naming_location(client, content):
    response = client.get("/api/v1/services/?location=nergens")
    assert response.status_code == 404
    assert response.json()["parameter"] == "location"


@pytest.mark.parametrize("kind", ["conditions", "services", "locations"])
def test_unknown_slug_answers_404_json(client, content, kind):
    response = client.get(f"/api/v1/{kind}/bestaat-niet/")
    assert response.status_code == 404
    assert response.json()["error"] == "not_found"


def test_search_returns_the_contract_shape(client, content):
    response = client.get("/api/v1/search/?q=hernia&type=condition,page&limit=5")
    assert response.status_code == 200
    data = response.json()
    assert set(data) == {"query", "count", "results"}
    assert data["query"] == "hernia"
    assert data["results"][0] == {
        "type": "condition",
        "slug": "hernia",
        "title": "Hernia",
        "url": "/aandoeningen/hernia/",
        "snippet": data["results"][0]["snippet"],
    }
    assert "uitpuilende" in data["results"][0]["snippet"]
    campuses = client.get("/api/v1/search/?q=campus&type=location").json()
    assert {r["type"] for r in campuses["results"]} == {"location"}


def test_revalidation_answers_304(client, content):
    response = client.get("/api/v1/conditions/hernia/")
    assert response["Cache-Control"] == "public, max-age=300"
    etag, modified = response["ETag"], response["Last-Modified"]

    assert client.get("/api/v1/conditions/hernia/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get("/api/v1/conditions/hernia/", HTTP_IF_MODIFIED_SINCE=modified).status_code == 304

    page = ConditionPage.objects.get(slug="hernia")
    page.title = "Hernia (rug)"
    page.save_revision().publish()
    changed = client.get("/api/v1/conditions/hernia/", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed.json()["title"] == "Hernia (rug)"
    assert client.get("/api/v1/conditions/hernia/", HTTP_IF_MODIFIED_SINCE=http_date(0)).status_code == 200


def test_any_origin_may_read(client, content):
    response = client.get("/api/v1/conditions/", HTTP_ORIGIN="https://huisarts.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    preflight = client.options(
        "/api/v1/conditions/",
        HTTP_ORIGIN="https://huisarts.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert preflight.status_code == 204
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert client.post("/api/v1/conditions/").status_code == 405


def test_openapi_document_describes_every_endpoint(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["openapi"].startswith("3.")
    assert set(schema["paths"]) == {
        "/api/v1/conditions/",
        "/api/v1/conditions/{slug}/",
        "/api/v1/services/",
        "/api/v1/services/{slug}/",
        "/api/v1/locations/",
        "/api/v1/locations/{slug}/",
        "/api/v1/doctors/",
        "/api/v1/doctors/{slug}/",
        "/api/v1/search/",
    }
    detail = schema["paths"]["/api/v1/conditions/{slug}/"]["get"]["responses"]
    assert set(detail) == {"200", "400", "404"}


def test_docs_page_loads_its_assets_from_this_site(client, db):
    response = client.get("/api/v1/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "cdn" not in html.lower() and "https://" not in html
    assert '<script src="/static/ninja/swagger-ui-bundle.js">' in html
    assert "script-src 'self';" in response["Content-Security-Policy"]
    asset = client.get("/static/ninja/swagger-ui-bundle.js")
    assert asset.status_code == 200


def test_a_campus_carries_its_address_geo_hours_route_and_the_services_numbers_there(client, content):
    campus = client.get("/api/v1/locations/campus-noord/").json()
    assert (campus["street"], campus["postal_code"], campus["city"]) == (
        "Lange straat 1",
        "2000",
        "Antwerpen",
    )
    assert campus["email"] == "onthaal@example.org"
    assert campus["geo"] == {"lat": 51.2194, "lon": 4.4025}
    assert campus["opening_hours"] == [
        {"label": "Bezoekuren", "days": ["sa", "su"], "opens": "14:00", "closes": "20:00"}
    ]
    assert campus["opening_hours_exceptions"] == []
    assert campus["route"] == "<p>Tram 7, halte Lange straat.</p>"

    south = client.get("/api/v1/locations/campus-zuid/").json()
    assert south["geo"] is None and south["opening_hours"] == [] and south["route"] == ""
    orthopedie = next(s for s in south["services"] if s["slug"] == "orthopedie")
    assert (orthopedie["phone"], orthopedie["route"]) == ("03 222 22 23", "Route 45")


def test_a_service_and_a_condition_say_how_to_make_an_appointment(client, content):
    appointment = {"phone": "03 222 22 22", "url": "https://afspraken.example.org/ortho"}
    contacts = [{"location": "campus-zuid", "phone": "03 222 22 23", "route": "Route 45"}]
    service = client.get("/api/v1/services/orthopedie/").json()
    assert (service["appointment"], service["contacts"]) == (appointment, contacts)

    hernia = client.get("/api/v1/conditions/hernia/").json()
    by_slug = {s["slug"]: s for s in hernia["services"]}
    assert (by_slug["orthopedie"]["appointment"], by_slug["orthopedie"]["contacts"]) == (
        appointment,
        contacts,
    )
    assert by_slug["neurologie"]["appointment"] == {"phone": "", "url": ""}
    assert by_slug["neurologie"]["contacts"] == []


def test_holiday_exceptions_are_served_soonest_first(client, content):
    campus = LocationPage.objects.get(slug="campus-noord")
    campus.hours_exceptions = [
        (
            "exception",
            {
                "note": "Kerstmis",
                "start": datetime.date(2026, 12, 25),
                "end": datetime.date(2026, 12, 26),
                "closed": True,
                "opens": None,
                "closes": None,
            },
        ),
        (
            "exception",
            {
                "note": "Paasmaandag",
                "start": datetime.date(2026, 4, 6),
                "end": None,
                "closed": False,
                "opens": datetime.time(10),
                "closes": datetime.time(12),
            },
        ),
    ]
    campus.save_revision().publish()
    data = client.get("/api/v1/locations/campus-noord/").json()
    assert data["opening_hours_exceptions"] == [
        {
            "note": "Paasmaandag",
            "start": "2026-04-06",
            "end": None,
            "closed": False,
            "opens": "10:00",
            "closes": "12:00",
        },
        {
            "note": "Kerstmis",
            "start": "2026-12-25",
            "end": "2026-12-26",
            "closed": True,
            "opens": None,
            "closes": None,
        },
    ]
