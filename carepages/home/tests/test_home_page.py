"""The home page and the friendly 404."""

import pytest
from wagtail.models import PageViewRestriction

from carepages.conditions.factories import ConditionPageFactory
from carepages.core.testing import heading, links, read, region, text
from carepages.doctors.factories import DoctorPageFactory
from carepages.infopages.factories import InfoPageFactory
from carepages.locations.factories import LocationPageFactory
from carepages.services.factories import ServicePageFactory


@pytest.fixture
def home(client, site_structure):
    ConditionPageFactory(parent=site_structure.conditions, title="Rugpijn")
    return read(client.get("/"))


def test_home_has_a_labelled_search_box_that_goes_to_search(home):
    form = home.find("form", attrs={"role": "search"})
    assert form["action"] == "/zoeken/" and form.get("method", "get") == "get"
    field = form.find("input", attrs={"name": "q"})
    assert text(form.find("label", attrs={"for": field["id"]})).startswith("Zoek een aandoening")


def test_the_search_hint_is_a_lay_word_that_finds_its_page(client, demo_content):
    """Issue 11: the hint said 'rugpijn' (the title itself); 'lumbago' shows that other words work too."""
    field = read(client.get("/")).find("input", id="q-home")
    assert field["placeholder"] == "bv. lumbago"
    results = read(client.get("/zoeken/", {"q": "lumbago"})).select(".search-result__title a")
    assert [(text(a), a["href"]) for a in results][:1] == [("Rugpijn", "/aandoeningen/rugpijn/")]


def test_home_has_the_a_to_z_entry(home):
    az = region(home, "Aandoeningen van A tot Z")
    assert links(az) == [("R", "/aandoeningen/#letter-R")]
    assert len(az.find_all("li")) == 26


def test_home_has_the_main_routes(client, site_structure):
    """Every section with a page of its own (an empty one is left out: the next test)."""
    ConditionPageFactory(parent=site_structure.conditions, title="Rugpijn")
    ServicePageFactory(parent=site_structure.services, title="Cardiologie")
    LocationPageFactory(parent=site_structure.locations, title="Campus Noord")
    InfoPageFactory(parent=site_structure.info["treatment"], title="Rugrevalidatie")
    InfoPageFactory(parent=site_structure.info["examination"], title="Rugpijn onderzoeken")
    DoctorPageFactory(parent=site_structure.doctors, title="An Voorbeeld", slug="an-voorbeeld")
    home = read(client.get("/"))
    routes = links(region(home, "Snel naar"))
    assert routes == [
        ("Aandoeningen", "/aandoeningen/"),
        ("Diensten", "/diensten/"),
        ("Locaties", "/locaties/"),
        ("Behandelingen", "/behandelingen/"),
        ("Onderzoeken", "/onderzoeken/"),
        ("Artsen", "/artsen/"),
    ]


def test_home_leaves_out_a_section_without_public_pages(client, site_structure):
    """As the header menu does: "Artsen" before the first doctor leads to an empty list."""
    ConditionPageFactory(parent=site_structure.conditions, title="Rugpijn")
    doctor = DoctorPageFactory(parent=site_structure.doctors, title="An Voorbeeld", slug="an-voorbeeld")
    PageViewRestriction.objects.create(page=doctor, restriction_type=PageViewRestriction.LOGIN)
    routes = links(region(read(client.get("/")), "Snel naar"))
    assert routes == [("Aandoeningen", "/aandoeningen/")]  # a private doctor does not count

    PageViewRestriction.objects.all().delete()
    routes = links(region(read(client.get("/")), "Snel naar"))
    assert routes == [("Aandoeningen", "/aandoeningen/"), ("Artsen", "/artsen/")]


def test_one_h1_and_the_landmarks_on_every_page(home):
    assert len(home.find_all("h1")) == 1
    assert len(home.find_all("main")) == 1
    assert home.find("header") and home.find("footer")
    skip = home.find("a", href="#inhoud")
    assert text(skip) == "Naar de inhoud" and home.find("main")["id"] == "inhoud"
    assert home.find("nav", attrs={"aria-label": "Hoofdmenu"})
    assert home.html["lang"] == "nl-BE"


def test_unknown_page_gets_a_friendly_dutch_404(client, site_structure):
    page = read(client.get("/bestaat-niet/"), status=404)
    assert heading(page, "Deze pagina bestaat niet (meer)", "h1")
    assert page.find("form", attrs={"role": "search"})
    assert ("alle aandoeningen van A tot Z", "/aandoeningen/") in links(page.find("main"))
    assert page.find("footer")


def test_unknown_condition_gets_the_404_too(client, site_structure):
    read(client.get("/aandoeningen/bestaat-niet/"), status=404)
