"""/artsen/ (filterable by service and campus), a doctor's page, and doctors on their services' pages."""

import json

import pytest
from django.core.exceptions import ValidationError
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from carepages.core.testing import blocks, heading, links, read, region, text
from carepages.doctors.factories import DoctorPageFactory
from carepages.doctors.listing import PER_PAGE


def card_titles(listing) -> list[str]:
    return [text(h) for h in listing.find_all("h3")]


def jsonld(page) -> dict:
    (data,) = [json.loads(s.string) for s in page.find_all("script", type="application/ld+json")]
    return data


def test_index_lists_doctors_as_cards_with_their_services_campuses_and_languages(client, staff):
    page = read(client.get("/artsen/"))
    assert heading(page, "Artsen", "h1")
    listing = region(page, "Alle artsen")
    assert "1 - 3 van 3" in blocks(listing)
    assert card_titles(listing) == ["dr. An Voorbeeld", "prof. dr. Bert Proef", "dr. Carla Test"]
    assert ("dr. An Voorbeeld", "/artsen/dr-an-voorbeeld/") in links(listing)
    assert "Talen: Nederlands, Frans, Engels" in blocks(listing)
    assert "Locatie: Campus Zuid, Campus Noord" in blocks(listing)


def test_index_filters_by_service_and_by_campus_without_javascript(client, staff):
    listing = region(read(client.get("/artsen/?dienst=dermatologie")), "Alle artsen")
    assert card_titles(listing) == ["prof. dr. Bert Proef", "dr. Carla Test"]
    assert "1 - 2 van 2" in blocks(listing)
    assert ("Filter wissen", "?#artsen") in links(listing)
    form = listing.find("form")
    assert form["method"] == "get"
    assert [s["name"] for s in form.find_all("select")] == ["dienst", "locatie"]

    listing = region(read(client.get("/artsen/?locatie=campus-zuid")), "Alle artsen")
    assert card_titles(listing) == ["dr. An Voorbeeld"]

    listing = region(read(client.get("/artsen/?dienst=dermatologie&locatie=campus-zuid")), "Alle artsen")
    assert card_titles(listing) == []
    assert "Er zijn geen artsen die aan deze filter voldoen." in blocks(listing)


@pytest.mark.parametrize(
    "query", ["?dienst=nergens", "?locatie=%00%3Cscript%3E", "?pagina=abc", "?pagina=99"]
)
def test_index_explains_a_bad_filter_or_page_and_shows_the_doctors(client, staff, query):
    listing = region(read(client.get("/artsen/" + query)), "Alle artsen")
    assert listing.find(attrs={"role": "status"}), "a notice explains what was ignored"
    assert "1 - 3 van 3" in blocks(listing)
    assert "<script>" not in str(listing)


def test_unknown_service_message_names_it(client, staff):
    notice = region(read(client.get("/artsen/?dienst=nergens")), "Alle artsen").find(attrs={"role": "status"})
    assert "De dienst ‘nergens’ bestaat niet" in text(notice)


def test_index_pages_through_many_doctors_and_keeps_the_filter(client, staff, site_structure):
    for number in range(PER_PAGE):
        DoctorPageFactory(
            parent=site_structure.doctors, title=f"Zorg {number:02d}", services=[staff["derma"]]
        )
    page = read(client.get("/artsen/?dienst=dermatologie&pagina=2"))
    listing = region(page, "Alle artsen")
    assert f"13 - 14 van {PER_PAGE + 2}" in blocks(listing)
    pager = listing.find("nav")
    assert ("1", "?dienst=dermatologie&pagina=1#artsen") in links(pager)


def test_index_without_doctors_says_so_politely(client, site_structure):
    page = read(client.get("/artsen/"))
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert "/artsen/" not in client.get("/sitemap.xml").content.decode()
    listing = region(page, "Alle artsen")
    assert "0 van 0" in blocks(listing)
    assert any(line.startswith("Er staan nog geen artsen op deze lijst.") for line in blocks(listing))
    assert listing.find("form") is None


def test_doctor_page_shows_name_role_services_campuses_languages_and_consultation(client, staff):
    doctor = staff["an"]
    doctor.consultation = "<p>Raadpleging op dinsdagvoormiddag.</p>"
    doctor.save_revision().publish()
    page = read(client.get("/artsen/dr-an-voorbeeld/"))
    assert heading(page, "dr. An Voorbeeld", "h1")
    assert "diensthoofd" in blocks(page.find("main"))
    assert links(region(page, "Diensten")) == [("Cardiologie", "/diensten/cardiologie/")]
    assert links(region(page, "Locaties")) == [
        ("Campus Zuid", "/locaties/campus-zuid/"),
        ("Campus Noord", "/locaties/campus-noord/"),
    ]
    assert blocks(region(page, "Talen"))[1:] == ["Nederlands, Frans, Engels"]
    assert blocks(region(page, "Raadpleging en afspraken"))[1:] == ["Raadpleging op dinsdagvoormiddag."]
    assert text(page.find("title")).startswith("dr. An Voorbeeld |")


def test_doctor_page_offers_afspraak_maken_for_each_service_that_has_one(client, staff):
    """As on large hospitals' doctor pages: the way to an appointment, through the service."""
    cardio = staff["an"].live_services()[0]
    cardio.appointment_phone, cardio.appointment_url = "03 280 12 34", "https://afspraken.example.org/cardio"
    cardio.save_revision().publish()
    services = region(read(client.get("/artsen/dr-an-voorbeeld/")), "Diensten")
    card = services.find("a", string="Cardiologie").find_parent("li")
    assert "Afspraak maken" in blocks(card)
    assert links(card)[1:] == [
        ("Bel 03 280 12 34", "tel:032801234"),
        ("Online afspraak maken bij Cardiologie", "https://afspraken.example.org/cardio"),
    ]


def test_doctor_page_jsonld_is_a_physician(client, staff):
    data = jsonld(read(client.get("/artsen/prof-bert-proef/")))
    assert data["@type"] == "Physician"
    assert data["name"] == "Bert Proef"
    assert data["honorificPrefix"] == "prof. dr."
    assert data["url"] == "http://localhost/artsen/prof-bert-proef/"
    assert [d["name"] for d in data["department"]] == ["Dermatologie", "Cardiologie"]
    assert [w["name"] for w in data["workLocation"]] == ["Campus Noord"]
    assert jsonld(read(client.get("/artsen/dr-an-voorbeeld/")))["knowsLanguage"] == ["nl", "fr", "en"]


def test_doctor_photo_has_alt_text_and_a_srcset(client, staff):
    image = Image.objects.create(title="Portret", file=get_test_image_file(size=(800, 800)))
    doctor = staff["an"]
    doctor.photo = image
    doctor.photo_alt = ""
    with pytest.raises(ValidationError) as refused:
        doctor.full_clean()
    assert "Geef een alternatieve tekst voor de foto." in str(refused.value)
    doctor.photo_alt = "Portret van dr. An Voorbeeld"
    doctor.save_revision().publish()
    img = read(client.get("/artsen/dr-an-voorbeeld/")).find("main").find("img")
    assert img["alt"] == "Portret van dr. An Voorbeeld"
    assert len(img["srcset"].split(",")) == 2


def test_service_page_lists_its_doctors_as_cards(client, staff):
    page = read(client.get("/diensten/cardiologie/"))
    doctors = region(page, "Artsen")
    assert card_titles(doctors) == ["dr. An Voorbeeld", "prof. dr. Bert Proef"]
    assert ("prof. dr. Bert Proef", "/artsen/prof-bert-proef/") in links(doctors)


def test_a_service_without_doctors_has_no_doctors_section(client, site_structure):
    from carepages.services.factories import ServicePageFactory

    ServicePageFactory(parent=site_structure.services, title="Geriatrie")
    page = read(client.get("/diensten/geriatrie/"))
    assert "Artsen" not in [text(h) for h in page.find_all("h2")]


def test_an_unpublished_doctor_is_nowhere_public(client, staff):
    staff["bert"].unpublish()
    assert client.get("/artsen/prof-bert-proef/").status_code == 404
    assert "prof. dr. Bert Proef" not in card_titles(region(read(client.get("/artsen/")), "Alle artsen"))
    assert "prof. dr. Bert Proef" not in card_titles(
        region(read(client.get("/diensten/cardiologie/")), "Artsen")
    )


@pytest.mark.parametrize(
    ("query", "url"),
    [
        ("voorbeeld", "/artsen/dr-an-voorbeeld/"),
        ("diensthoofd", "/artsen/dr-an-voorbeeld/"),
        ("dermatologie", "/artsen/prof-bert-proef/"),
    ],
)
def test_search_finds_a_doctor_by_name_role_and_service(client, staff, query, url):
    results = read(client.get("/zoeken/", {"q": query})).find("main")
    assert url in [href for _, href in links(results)], query


def test_search_filters_on_doctors(client, staff):
    results = read(client.get("/zoeken/", {"q": "dermatologie", "soort": "arts"})).find("main")
    hrefs = [href for _, href in links(results)]
    assert "/artsen/prof-bert-proef/" in hrefs
    assert "/diensten/dermatologie/" not in hrefs


def test_sitemap_lists_doctors(client, staff):
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "http://localhost/artsen/</loc>" in sitemap
    assert "/artsen/dr-an-voorbeeld/" in sitemap
    assert read(client.get("/artsen/")).find("meta", attrs={"name": "robots"}) is None


def test_home_page_routes_lead_to_the_doctors(client, staff):
    # Once there are doctors: before, "Artsen" is left out (home/tests: an empty section).
    assert any(href == "/artsen/" for _, href in links(read(client.get("/")).find("main")))


def test_cards_leave_out_unpublished_campuses(client, staff):
    staff["south"].unpublish()
    for url, name in [("/artsen/", "Alle artsen"), ("/diensten/cardiologie/", "Artsen")]:
        listing = region(read(client.get(url)), name)
        assert "Campus Zuid" not in text(listing), url


def test_search_follows_a_renamed_service_to_its_doctors(client, staff):
    derma = staff["derma"]
    derma.title = "Huidziekten"
    derma.save_revision().publish()
    results = read(client.get("/zoeken/", {"q": "huidziekten", "soort": "arts"})).find("main")
    assert "/artsen/dr-carla-test/" in [href for _, href in links(results)]
