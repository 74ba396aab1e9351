"""/aandoeningen/: every condition from A to Z, with a letter navigation."""

import string

import pytest

from carepages.conditions.factories import ConditionPageFactory
from carepages.core.testing import heading, links, read, region, text


@pytest.fixture
def conditions(site_structure):
    titles = ["Rugpijn", "Astma", "Eczeem", "Artrose", "Ziekte van Crohn"]
    pages = [ConditionPageFactory(parent=site_structure.conditions, title=title) for title in titles]
    draft = ConditionPageFactory(parent=site_structure.conditions, title="Bultjes")
    draft.unpublish()
    return pages


def test_every_letter_is_shown_and_only_used_letters_are_links(client, conditions):
    page = read(client.get("/aandoeningen/"))
    nav = page.find("nav", attrs={"aria-label": "Aandoeningen van A tot Z"})
    assert [text(li)[0] for li in nav.find_all("li")] == list(string.ascii_uppercase)
    assert text(nav.find_all("li")[1]) == "B (geen aandoeningen)"
    assert links(nav) == [(letter, f"#letter-{letter}") for letter in "AERZ"]


def test_conditions_are_grouped_under_their_letter_alphabetically(client, conditions):
    page = read(client.get("/aandoeningen/"))
    assert links(region(page, "A")) == [
        ("Artrose", "/aandoeningen/artrose/"),
        ("Astma", "/aandoeningen/astma/"),
    ]
    assert links(region(page, "Z")) == [("Ziekte van Crohn", "/aandoeningen/ziekte-van-crohn/")]
    # A letter link lands on its group.
    assert heading(page, "R")["id"] == "letter-R"


def test_unpublished_conditions_are_not_listed(client, conditions):
    page = read(client.get("/aandoeningen/"))
    assert "Bultjes" not in text(page.find("main"))
    nav = page.find("nav", attrs={"aria-label": "Aandoeningen van A tot Z"})
    assert "B" not in [label for label, _ in links(nav)]


def test_an_empty_index_says_so(client, site_structure):
    page = read(client.get("/aandoeningen/"))
    assert "Er zijn nog geen aandoeningen gepubliceerd." in text(page.find("main"))
