"""The 500 and 503 pages wear the site's look without asking the database anything.

They show the hospital's name and numbers as last read or saved (in memory, and in the
file under var/ that another process or a restart reads), a neutral identity when none
is known, and a bare page if even that fails: the 500 handler never fails itself. A
stopped PostgreSQL behind a real server: carepages/security/tests/test_outages.py.
"""

import json
import sys

import pytest
from bs4 import BeautifulSoup
from django.db import OperationalError
from django.test import RequestFactory

from carepages.core.errors import server_error
from carepages.core.testing import text
from carepages.site_settings import identity
from carepages.site_settings.models import HospitalSettings


@pytest.fixture(autouse=True)
def nothing_remembered(settings):
    settings.HOSPITAL_IDENTITY_FILE = ""
    identity.forget()
    yield
    identity.forget()


@pytest.fixture
def hospital(db):
    hospital = HospitalSettings.load()
    hospital.name, hospital.phone, hospital.emergency_phone = "AZ Proefstad", "03 123 45 67", "112"
    hospital.accent_color = "#7a1f00"
    hospital.save()
    return hospital


def error_page(django_db_blocker, error: Exception | None, **kwargs) -> tuple[int, BeautifulSoup]:
    """The handler as Django calls it, inside the request's `except`, with every query refused."""
    request = RequestFactory().get("/zoeken/", {"q": "rugpijn"})
    with django_db_blocker.block():
        try:
            raise error or ValueError("a bug")
        except Exception:
            assert sys.exc_info()[1] is not None
            response = server_error(request, **kwargs)
    return response.status_code, BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize(
    ("error", "status", "title"),
    [
        (OperationalError("the database is down"), 503, "Tijdelijk niet beschikbaar"),
        (None, 500, "Er ging iets mis"),
    ],
)
def test_the_error_pages_show_the_hospital_without_a_query(hospital, django_db_blocker, error, status, title):
    answer, page = error_page(django_db_blocker, error)
    assert answer == status
    assert text(page.find("h1")) == title
    assert text(page.title) == f"{title} | AZ Proefstad"
    header = page.find("header", class_="site-header")
    assert text(header.find(class_="site-header__name")) == "AZ Proefstad"
    assert header.find("a", href="/")
    assert text(header.find("a", href="tel:031234567")) == "03 123 45 67"
    assert text(header.find(class_="site-header__emergency")) == "Dringende hulp: 112"
    stylesheets = [link["href"] for link in page.find_all("link", rel="stylesheet")]
    assert stylesheets[0].startswith("/static/css/") and stylesheets[1] == "/huisstijl/7a1f00.css"
    assert page.find("form", action="/zoeken/", role="search").find("input", attrs={"name": "q"})
    assert page.find("a", href="/", string="Naar de startpagina")
    assert page.find("footer", class_="site-footer").find("a", href="tel:031234567")
    assert "kun je" not in page.get_text()


def test_a_restarted_server_knows_the_identity_from_the_file(hospital, settings, tmp_path, django_db_blocker):
    settings.HOSPITAL_IDENTITY_FILE = str(tmp_path / "var" / "hospital-identity.json")
    identity.forget()  # a process that starts with this file
    HospitalSettings.load()  # reads the setting once, as any page does
    identity.forget()  # a new process: nothing in memory
    _, page = error_page(django_db_blocker, OperationalError("down"))
    assert text(page.find(class_="site-header__name")) == "AZ Proefstad"
    assert json.loads((tmp_path / "var" / "hospital-identity.json").read_text())["name"] == "AZ Proefstad"


def test_an_editors_change_reaches_the_error_pages(hospital, django_db_blocker):
    hospital.name = "AZ Nieuwe Naam"
    hospital.save()
    _, page = error_page(django_db_blocker, None)
    assert text(page.find(class_="site-header__name")) == "AZ Nieuwe Naam"


def test_without_a_known_identity_the_pages_are_neutral(db, django_db_blocker, settings, tmp_path):
    broken = tmp_path / "hospital-identity.json"
    broken.write_text("{half a file")
    settings.HOSPITAL_IDENTITY_FILE = str(broken)
    status, page = error_page(django_db_blocker, OperationalError("down"))
    assert status == 503
    assert page.find(class_="site-header__name") is None
    assert text(page.find(class_="site-header__brand")) == "patiënteninformatie"
    assert text(page.title) == "Tijdelijk niet beschikbaar"
    assert page.find(class_="site-header__emergency").find("a", href="tel:112")
    assert len(page.find_all("link", rel="stylesheet")) == 1  # no colour known: the default one


def test_the_500_handler_never_fails_itself(hospital, django_db_blocker):
    status, page = error_page(django_db_blocker, None, template_name="bestaat-niet.html")
    assert status == 500
    assert text(page.find("h1")) == "Er ging iets mis"
    assert page.find("a", href="/")
