"""The hospital's identity (site setting "Ziekenhuis"): name, logo, phone numbers and accent colour."""

import json

import pytest
from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.urls import reverse
from wagtail.images.models import Image

from carepages.core.testing import crawl, read, text
from carepages.site_settings.contrast import contrast_with_white
from carepages.site_settings.models import HospitalSettings

SVG_LOGO = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40"/></svg>'
)


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("redacteur", "redactie@example.be", "geheim-wachtwoord")
    client.force_login(user)
    return client


def edit_identity(client, **fields):
    hospital = HospitalSettings.load()
    data = {"name": hospital.name, "phone": hospital.phone, "emergency_phone": hospital.emergency_phone}
    data |= {"accent_color": hospital.accent_color, "logo": ""} | fields
    url = reverse("wagtailsettings:edit", args=["site_settings", "hospitalsettings", hospital.pk])
    return client.post(url, data)


def jsonld(page) -> dict:
    (script,) = page.find_all("script", type="application/ld+json")
    return json.loads(script.string)


def test_the_name_is_in_the_header_the_title_the_publisher_and_the_printed_leaflet(editor, demo_content):
    assert edit_identity(editor, name="AZ Sint-Voorbeeld", phone="03 123 45 67").status_code == 302
    editor.logout()
    page = read(editor.get("/aandoeningen/rugpijn/"))
    assert text(page.find("header").find("a", href="/")) == "AZ Sint-Voorbeeld patiënteninformatie"
    assert text(page.title) == "Rugpijn | AZ Sint-Voorbeeld"
    assert jsonld(page)["publisher"] == {"@type": "Organization", "name": "AZ Sint-Voorbeeld"}
    printed = [text(p) for p in page.select(".print-only p, p.print-only")]
    assert printed[0] == "AZ Sint-Voorbeeld · patiënteninformatie"
    assert printed[1].startswith("AZ Sint-Voorbeeld · 03 123 45 67 · http")
    assert printed[2].startswith("V.U.: Voorbeeldtekst")  # the footer's "Verantwoordelijke uitgever"
    info = read(editor.get("/behandelingen/rugrevalidatie/"))
    assert jsonld(info)["publisher"]["name"] == "AZ Sint-Voorbeeld"


def test_the_phone_numbers_are_tel_links_in_the_header(client, demo_content):
    header = read(client.get("/")).find("header")
    assert [(text(a), a["href"]) for a in header.find_all("a", href=lambda h: h.startswith("tel:"))] == [
        ("03 000 00 00", "tel:030000000"),
        ("112", "tel:112"),
    ]


def test_the_logo_replaces_the_name_and_carries_it_as_alt_text(editor, site_structure):
    logo = Image.objects.create(title="Logo", file=ContentFile(SVG_LOGO, name="logo.svg"))
    assert edit_identity(editor, name="AZ Sint-Voorbeeld", logo=logo.pk).status_code == 302
    editor.logout()
    brand = read(editor.get("/")).find("header").find("a", href="/")
    (img,) = brand.find_all("img")
    assert img["alt"] == "AZ Sint-Voorbeeld"
    assert img["src"].endswith(".svg")  # kept as SVG: sharp at every size
    assert text(brand) == "patiënteninformatie"  # the name is read from the logo's alt text


def test_the_identity_is_edited_in_dutch_in_the_admin(editor, site_structure):
    hospital = HospitalSettings.load()
    url = reverse("wagtailsettings:edit", args=["site_settings", "hospitalsettings", hospital.pk])
    labels = [text(label) for label in read(editor.get(url)).find_all("label")]
    for label in ["Naam van het ziekenhuis", "Logo", "Algemeen telefoonnummer", "Noodnummer", "Accentkleur"]:
        assert any(found.startswith(label) for found in labels), (label, labels)


def test_the_admin_refuses_an_accent_colour_without_enough_contrast(editor, site_structure):
    response = edit_identity(editor, accent_color="#ff9900")
    assert response.status_code == 200
    errors = text(read(response))
    assert (
        "Deze kleur heeft een contrast van 2,14:1 met wit; voor tekst en links is minstens 4,5:1 nodig"
        in errors
    )
    assert HospitalSettings.load().accent_color == "#00507a"

    assert edit_identity(editor, accent_color="#767676").status_code == 302  # 4.54:1, just enough
    assert HospitalSettings.load().accent_color == "#767676"


@pytest.mark.parametrize(
    ("colour", "ratio"),
    [("#000000", 21.0), ("#ffffff", 1.0), ("#767676", 4.54), ("#777777", 4.48), ("#0000ff", 8.59)],
)
def test_contrast_ratio_per_wcag_relative_luminance(colour, ratio):
    assert round(contrast_with_white(colour), 2) == pytest.approx(ratio, abs=0.01)


def test_the_accent_colour_reaches_the_page_as_a_versioned_stylesheet(editor, demo_content):
    assert edit_identity(editor, accent_color="#8a1538").status_code == 302
    editor.logout()
    page = read(editor.get("/"))
    stylesheets = [link["href"] for link in page.find_all("link", rel="stylesheet")]
    assert "/huisstijl/8a1538.css" in stylesheets
    assert not page.find_all(style=True) and not page.find_all("style")

    response = editor.get("/huisstijl/8a1538.css")
    assert response["Content-Type"] == "text/css; charset=utf-8"
    assert "max-age=31536000" in response["Cache-Control"] and "immutable" in response["Cache-Control"]
    assert "--brand: #8a1538;" in response.content.decode()

    # A page cached before the change asks for the old colour: it is sent to the current one.
    old = editor.get("/huisstijl/00507a.css")
    assert (old.status_code, old["Location"]) == (302, "/huisstijl/8a1538.css")


def test_nothing_public_says_carepages(client, demo_content):
    """The code name stays out of what patients and search engines read: the crawled site, robots, sitemap."""
    urls = [url for url, status in crawl(client).items() if status == 200] + ["/bestaat-niet/"]
    assert len(urls) > 20
    for url in urls:
        response = client.get(url)
        page = read(response, status=404 if url == "/bestaat-niet/" else 200)
        for asset in page.find_all(["link", "script"], src=True) + page.find_all("link", href=True):
            asset.attrs.pop("src", None)
            asset.attrs.pop("href", None)  # file names of static assets are no text a patient reads
        assert "carepages" not in str(page).lower(), url
    for url in ["/robots.txt", "/sitemap.xml"]:
        assert "carepages" not in client.get(url).content.decode().lower(), url


def test_the_static_error_pages_name_no_brand_and_speak_like_the_rest():
    for template in ["500.html", "503.html"]:
        html = render_to_string(template)
        assert "carepages" not in html.replace("css/carepages.css", "").lower(), template
        assert "kun je" not in html, template
    assert "kan je gewoon lezen" in render_to_string("503.html")
