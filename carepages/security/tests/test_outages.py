"""Database outages, for real: a private PostgreSQL that is stopped, or held by a lock.

A real app server (granian with the publish-cache front, as `make serve` runs it)
answers while its database is down or frozen: the API and the search suggestions
with the API's JSON 503, the search page with the Dutch 503 page, /healthz with a
503 that names the failing part and no secret. A query stuck behind a lock is
cancelled by the statement timeout, so the answer is a 503, not a hang (the test
client gives up after 10 s; the timeout here is 2 s).
"""

import json
import subprocess
import sys

import psycopg
import pytest
from bs4 import BeautifulSoup

from carepages.testing.servers import REPO, AppInstance, Editor, PrivatePostgres, django_env, manage

SEED = """
from carepages.conditions.factories import ConditionPageFactory
from carepages.content_io.site_structure import ensure_site_structure
from carepages.site_settings.models import HospitalSettings

site = ensure_site_structure()
ConditionPageFactory(parent=site.conditions, title="Rugpijn")
hospital = HospitalSettings.load()
hospital.name, hospital.phone, hospital.emergency_phone = "AZ Proefstad", "03 123 45 67", "112"
hospital.save()
"""

# `?uncached=1` is a parameter the publish-cache front does not know: Django answers, as a
# list not yet kept in memory would be (the kept one is served on: see the last test).
JSON_ENDPOINTS = ["/api/v1/conditions/?uncached=1", "/api/v1/search/?q=rugpijn", "/zoeken/suggesties/?q=rug"]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    postgres = PrivatePostgres().init()
    instance = None
    try:
        # Editors and the server share the identity file, as processes on one machine share var/.
        identity_file = str(tmp_path_factory.mktemp("var") / "hospital-identity.json")
        env = django_env(postgres.url(), HOSPITAL_IDENTITY_FILE=identity_file)
        manage(env, "migrate", "--noinput", "-v", "0")
        editor = Editor(env)
        editor.run(SEED)
        editor.close()
        cache = tmp_path_factory.mktemp("publish-cache")
        instance = AppInstance(
            django_env(
                postgres.url(),
                PUBLISH_CACHE_DIR=str(cache),
                DATABASE_STATEMENT_TIMEOUT="2",
                HOSPITAL_IDENTITY_FILE=identity_file,
            )
        ).start()
        yield postgres, instance
    finally:
        if instance:
            instance.stop()
        postgres.destroy()


@pytest.fixture
def stopped(server):
    postgres, instance = server
    postgres.stop()
    try:
        yield instance
    finally:
        postgres.start()


@pytest.fixture
def locked(server):
    """Another session holds the page table: every query on pages waits, as on a frozen database."""
    postgres, instance = server
    with psycopg.connect(postgres.url()) as holder:
        holder.execute("LOCK TABLE wagtailcore_page IN ACCESS EXCLUSIVE MODE")
        yield instance
        holder.rollback()


def assert_json_unavailable(instance, path: str) -> None:
    status, headers, body = instance.get(path)
    assert status == 503, (path, body[:300])
    assert headers["Content-Type"] == "application/json"
    assert json.loads(body)["error"] == "unavailable"
    assert headers["Retry-After"] == "30"
    assert "no-store" in headers["Cache-Control"]


def test_while_running_every_endpoint_answers(server):
    _, instance = server
    for path in JSON_ENDPOINTS:
        assert instance.get(path)[0] == 200, path
    status, _, body = instance.get("/healthz")
    assert status == 200
    assert json.loads(body)["checks"]["database"]["status"] == "ok"


@pytest.mark.parametrize("path", JSON_ENDPOINTS)
def test_a_stopped_database_gives_json_503_on_the_api_and_suggestions(stopped, path):
    assert_json_unavailable(stopped, path)


def test_the_api_outage_answer_can_be_read_by_other_origins(stopped):
    _, headers, _ = stopped.get("/api/v1/conditions/")
    assert headers["Access-Control-Allow-Origin"] == "*"


def test_an_api_answer_kept_in_memory_is_served_on_while_the_database_is_down(server):
    postgres, instance = server
    answers = [instance.get("/api/v1/conditions/") for _ in range(2)]
    status, headers, body = answers[-1]
    assert (status, headers["X-Publish-Cache"]) == (200, "hit")
    postgres.stop()
    try:
        status, headers, again = instance.get("/api/v1/conditions/")
        assert (status, headers["X-Publish-Cache"], again) == (200, "hit", body)
        assert headers["Access-Control-Allow-Origin"] == "*"
    finally:
        postgres.start()


def test_a_stopped_database_gives_the_dutch_503_page_on_search(stopped):
    status, headers, body = stopped.get("/zoeken/?q=rugpijn")
    assert status == 503
    assert headers["Content-Type"].startswith("text/html")
    assert "Tijdelijk niet beschikbaar" in body


def test_the_503_page_wears_the_hospitals_name_numbers_and_stylesheet_without_the_database(stopped):
    """The server never read the setting itself: the name comes from what the editor saved (var/)."""
    status, _, body = stopped.get("/zoeken/?q=rugpijn")
    assert status == 503
    page = BeautifulSoup(body, "html.parser")
    assert page.title.get_text() == "Tijdelijk niet beschikbaar | AZ Proefstad"
    assert page.find(class_="site-header__name").get_text() == "AZ Proefstad"
    assert page.find("a", href="tel:031234567").get_text() == "03 123 45 67"
    assert page.find(class_="site-header__emergency").find("a", href="tel:112")
    stylesheets = [link["href"] for link in page.find_all("link", rel="stylesheet")]
    assert stylesheets[0].endswith(".css") and "/huisstijl/00507a.css" in stylesheets
    assert page.find("a", href="/", string="Naar de startpagina")
    assert page.find("form", action="/zoeken/").find("input", attrs={"name": "q"})
    assert "kan je gewoon lezen" in page.get_text()
    status, headers, css = stopped.get("/huisstijl/00507a.css")
    assert (status, headers["Content-Type"]) == (200, "text/css; charset=utf-8")
    assert "--brand: #00507a" in css


def test_healthz_names_the_failing_database_and_no_secret(server, stopped):
    postgres, _ = server
    status, headers, body = stopped.get("/healthz")
    assert status == 503
    assert "no-store" in headers["Cache-Control"]
    answer = json.loads(body)
    assert answer["status"] == "fail"
    assert answer["checks"]["database"]["status"] == "fail"
    assert answer["checks"]["publish_cache"]["status"] == "ok"
    for secret in (str(postgres.port), "postgres", "127.0.0.1", "Traceback"):
        assert secret not in body


def test_healthz_recovers_when_the_database_is_back(server):
    postgres, instance = server
    postgres.stop()
    assert instance.get("/healthz")[0] == 503
    postgres.start()
    assert instance.get("/healthz")[0] == 200


def test_a_frozen_database_gives_a_503_instead_of_a_hang(locked):
    assert_json_unavailable(locked, "/api/v1/conditions/?uncached=1")
    status, _, body = locked.get("/aandoeningen/?uncached=1")
    assert status == 503
    assert "Tijdelijk niet beschikbaar" in body


@pytest.mark.django_db
def test_healthz_reports_a_lost_publish_cache_folder(client, settings, tmp_path):
    settings.PUBLISH_CACHE_DIR = str(tmp_path / "deleted")
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["publish_cache"] == {"status": "fail", "error": "folder missing"}
    assert response.json()["checks"]["database"]["status"] == "ok"


PRODUCTION_PROBE = """
import json, django
django.setup()
from django.test import Client
client = Client()
health = client.get("/healthz")
search = client.get("/zoeken/?q=rug")
print(json.dumps([health.status_code, health.json(), search.status_code, search.get("Location")]))
"""


def test_monitoring_reaches_healthz_over_plain_http_in_production(tmp_path):
    """The production settings redirect everything to HTTPS except /healthz (SECURE_REDIRECT_EXEMPT)."""
    (tmp_path / "cache").mkdir()
    env = django_env(
        f"sqlite:///{tmp_path / 'db.sqlite3'}",
        settings="carepages.settings.production",
        SECRET_KEY="test-only-" + "x" * 50,
        ALLOWED_HOSTS="testserver",
        PUBLISH_CACHE_DIR=str(tmp_path / "cache"),
    )
    probe = [sys.executable, "-c", PRODUCTION_PROBE]
    result = subprocess.run(probe, cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    health_status, health, search_status, search_location = json.loads(result.stdout.splitlines()[-1])
    assert health_status == 200
    assert health["checks"]["database"]["status"] == "ok"
    assert health["checks"]["publish_cache"]["status"] == "ok"
    assert (search_status, search_location) == (301, "https://testserver/zoeken/?q=rug")
