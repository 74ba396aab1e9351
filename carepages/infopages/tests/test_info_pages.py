"""Treatments (/behandelingen/) and examinations (/onderzoeken/): index and page."""

import datetime
import json
import re

import pytest

from carepages.core.testing import blocks, heading, links, read, text
from carepages.infopages.factories import InfoPageFactory
from carepages.infopages.models import Kind


@pytest.fixture
def pages(site_structure):
    treatment = InfoPageFactory(
        parent=site_structure.info[Kind.TREATMENT],
        title="Kinesitherapie",
        intro="Oefeningen onder begeleiding.",
        last_reviewed=datetime.date(2024, 3, 1),
        sections=[
            ("section", {"heading": "Hoe verloopt het?", "body": "<p>In <strong>tien</strong> sessies.</p>"})
        ],
    )
    examination = InfoPageFactory(parent=site_structure.info[Kind.EXAMINATION], title="MRI-scan")
    return treatment, examination


def test_treatment_index_lists_treatments_only(client, pages):
    page = read(client.get("/behandelingen/"))
    assert heading(page, "Behandelingen", "h1")
    assert links(page.find("main")) == [("Kinesitherapie", "/behandelingen/kinesitherapie/")]


def test_examination_index_lists_examinations_only(client, pages):
    page = read(client.get("/onderzoeken/"))
    assert links(page.find("main")) == [("MRI-scan", "/onderzoeken/mri-scan/")]


#: What ends every content page: the feedback form (carepages/feedback), in reading order.
FEEDBACK_BLOCKS = [
    "Jouw mening",
    "Ja",
    "Nee",
    "Schrijf geen persoonlijke gegevens: geen naam, e-mailadres, telefoonnummer of rijksregisternummer. "
    "We kunnen niet antwoorden. Heb je een vraag over je behandeling? Neem contact op met de dienst.",
    "Wat kunnen we beter doen? (niet verplicht, maximaal 1.000 tekens)",
    "Laat dit veld leeg",
]


def test_treatment_page_reads_like_a_condition_page(client, pages):
    page = read(client.get("/behandelingen/kinesitherapie/"))
    main = page.find("main")
    assert blocks(main)[3:] == [
        "Behandeling",
        "Kinesitherapie",
        "Oefeningen onder begeleiding.",
        "Hoe verloopt het?",
        "In tien sessies.",
        "Laatst bijgewerkt op 01/03/2024",
        *FEEDBACK_BLOCKS,
    ]
    assert [text(s) for s in main.find_all("strong")] == ["tien"]
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert (data["@type"], data["lastReviewed"]) == ("MedicalWebPage", "2024-03-01")


def test_examination_page_is_labelled_as_such(client, pages):
    page = read(client.get("/onderzoeken/mri-scan/"))
    assert "Onderzoek" in blocks(page.find("main"))


def test_empty_index_says_so(client, site_structure):
    page = read(client.get("/behandelingen/"))
    assert "Er zijn nog geen pagina's gepubliceerd." in text(page.find("main"))


def sitemap_paths(client) -> set[str]:
    return {
        loc.split("localhost", 1)[1]
        for loc in re.findall(r"<loc>([^<]+)</loc>", client.get("/sitemap.xml").text)
    }


def test_an_empty_index_stays_out_of_sitemap_and_search_engines_until_it_has_a_page(client, site_structure):
    assert "/info/" not in sitemap_paths(client)
    robots = read(client.get("/info/")).find("meta", attrs={"name": "robots"})
    assert robots and robots["content"] == "noindex"

    InfoPageFactory(parent=site_structure.info[Kind.INFO], title="Parkeren", slug="parkeren")
    assert {"/info/", "/info/parkeren/"} <= sitemap_paths(client)
    assert read(client.get("/info/")).find("meta", attrs={"name": "robots"}) is None
