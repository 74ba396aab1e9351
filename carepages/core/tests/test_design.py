"""The page frame every public page shares (docs/design.md): header, icons, jump links, weight.

Read as a patient or a screen reader would, through roles, labels and text;
the layout itself (phone bar height, 200 % zoom, axe) is checked in test_browser.py.
"""

import gzip
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.template import Context, Template, TemplateSyntaxError

from carepages.conditions.factories import ConditionPageFactory
from carepages.core.testing import read, text
from carepages.infopages.factories import InfoPageFactory
from carepages.infopages.models import Kind

#: The budget for a condition page without images, as sent compressed (issue 11).
BUDGET_BYTES = 30 * 1024


def sections(*headings: str) -> list[tuple[str, dict]]:
    return [("section", {"heading": title, "body": f"<p>Over {title.lower()}.</p>"}) for title in headings]


def test_an_icon_is_inline_svg_hidden_from_screen_readers():
    html = Template('{% load icons %}<a href="tel:112">{% icon "phone" %}112</a>').render(Context())
    assert html.startswith('<a href="tel:112"><svg class="icon" viewBox="0 0 24 24" aria-hidden="true"')
    assert html.endswith("</svg>112</a>")


def test_an_unknown_icon_names_the_known_ones():
    with pytest.raises(TemplateSyntaxError, match="no icon 'telefoon'; known: calendar, chevron, clock"):
        Template('{% load icons %}{% icon "telefoon" %}').render(Context())


@pytest.mark.parametrize("url", ["/", "/aandoeningen/rugpijn/", "/locaties/zas-cadix/", "/bestaat-niet/"])
def test_every_page_has_the_search_field_and_a_menu_that_needs_no_script(client, demo_content, url):
    header = read(client.get(url), status=404 if "bestaat" in url else 200).find("header")
    form = header.find("form", attrs={"role": "search"})
    assert form["action"] == "/zoeken/"
    field = form.find("input", attrs={"name": "q", "type": "search"})
    assert text(header.find("label", attrs={"for": field["id"]})) == "Zoek een aandoening, dienst of locatie"
    # On a phone, "Zoeken" and "Menu" are <details> toggles: they open without JavaScript.
    assert [text(summary) for summary in header.select("details > summary")] == ["Zoeken", "Menu"]
    menu = header.find("nav", attrs={"aria-label": "Hoofdmenu"})
    assert menu.find_parent("details")
    # The page tree's order, as on the home page (the demo has no doctors yet: no "Artsen").
    assert [text(a) for a in menu.find_all("a")] == [
        "Aandoeningen",
        "Diensten",
        "Locaties",
        "Behandelingen",
        "Onderzoeken",
    ]
    assert not header.find("script")


def test_the_seed_page_has_jump_links_to_its_section_headings(client, demo_content):
    page = read(client.get("/aandoeningen/rugpijn/"))
    toc = page.find("nav", attrs={"aria-labelledby": "op-deze-pagina"})
    assert text(page.find(id="op-deze-pagina")) == "Op deze pagina"
    jumps = [(text(a), a["href"]) for a in toc.find_all("a")]
    assert jumps == [
        ("Rugpijn, wat nu?", "#rugpijn-wat-nu"),
        ("Wat is de oorzaak?", "#wat-is-de-oorzaak"),
        ("Hoe kan ik zelf rugpijn voorkomen?", "#hoe-kan-ik-zelf-rugpijn-voorkomen"),
        ("Diensten", "#diensten"),
    ]
    for name, href in jumps:
        assert text(page.find(id=href[1:])) == name  # each link lands on its heading


def test_repeated_headings_get_their_own_anchor(client, site_structure):
    ConditionPageFactory(
        parent=site_structure.conditions,
        title="Hoofdpijn",
        sections=sections("Behandeling", "Behandeling", "Diensten"),
    )
    page = read(client.get("/aandoeningen/hoofdpijn/"))
    toc = page.find("nav", attrs={"aria-labelledby": "op-deze-pagina"})
    assert [a["href"] for a in toc.find_all("a")] == [
        "#behandeling",
        "#behandeling-2",
        "#diensten-2",
        "#diensten",
    ]
    assert len(page.find_all(id="diensten")) == 1  # the services block keeps its own anchor
    assert text(page.find("h3", id="behandeling-2")) == "Behandeling"


def test_old_deep_links_to_a_section_still_land_on_it(client, site_structure):
    """Links shared before the readable anchors point at `#sectie-<block id>`: the section keeps that id."""
    condition = ConditionPageFactory(
        parent=site_structure.conditions,
        title="Hoofdpijn",
        sections=sections("Wat is de oorzaak?", "Behandeling", "Behandeling"),
    )
    page = read(client.get("/aandoeningen/hoofdpijn/"))
    readable = ["wat-is-de-oorzaak", "behandeling", "behandeling-2"]
    for block, heading_id in zip(condition.sections, readable, strict=True):
        section = page.find(id=f"sectie-{block.id}")
        assert section.name == "section"
        assert section.find("h3")["id"] == heading_id  # the readable anchor stays on the heading
        assert text(section.find("h3")) == block.value["heading"]
    ids = [element["id"] for element in page.find_all(id=True)]
    assert len(ids) == len(set(ids))


def test_short_pages_have_no_jump_links(client, site_structure):
    InfoPageFactory(
        parent=site_structure.info[Kind.TREATMENT], title="Gips", sections=sections("Wat is het?", "Nazorg")
    )
    page = read(client.get("/behandelingen/gips/"))
    assert not page.find("nav", attrs={"aria-labelledby": "op-deze-pagina"})
    assert [h["id"] for h in page.select("main h3")] == ["wat-is-het", "nazorg"]


def test_an_info_page_with_three_sections_has_jump_links(client, site_structure):
    InfoPageFactory(
        parent=site_structure.info[Kind.EXAMINATION],
        title="Echografie",
        sections=sections("Wat is het?", "Voorbereiding", "Na het onderzoek"),
    )
    toc = read(client.get("/onderzoeken/echografie/")).find(
        "nav", attrs={"aria-labelledby": "op-deze-pagina"}
    )
    assert [text(a) for a in toc.find_all("a")] == ["Wat is het?", "Voorbereiding", "Na het onderzoek"]


def test_a_condition_page_without_images_stays_under_30_kb_compressed(client, demo_content):
    """The page and everything it loads (stylesheets, icon), gzipped as the server sends them."""
    response = client.get("/aandoeningen/rugpijn/")
    page = read(response)
    assert not page.find("img")
    sizes = {"page": len(gzip.compress(response.content))}
    for link in page.find_all("link", rel=["stylesheet", "icon"]):
        href = link["href"]
        if href.startswith("/static/"):
            body = Path(finders.find(href.removeprefix("/static/"))).read_bytes()
        else:
            body = client.get(href).content  # the accent colour (/huisstijl/<colour>.css)
        sizes[href] = len(gzip.compress(body))
    assert not page.find_all("script", src=True)  # no script on a condition page to add
    assert sum(sizes.values()) <= BUDGET_BYTES, sizes


def _menu(client) -> list[str]:
    header = read(client.get("/diensten/")).find("header")
    return [text(a) for a in header.find("nav", attrs={"aria-label": "Hoofdmenu"}).find_all("a")]


def test_the_menu_comes_from_the_page_tree_and_shows_artsen_once_there_are_doctors(client, small_hospital):
    from carepages.doctors.factories import DoctorPageFactory

    site = small_hospital.site
    assert "Artsen" not in _menu(client)  # an empty list is no place to send a patient

    DoctorPageFactory(parent=site.doctors, title="An Voorbeeld", slug="an-voorbeeld")
    site.locations.show_in_menus = False  # an editor hides an item in the admin
    site.locations.save_revision().publish()
    site.services.move(site.conditions, pos="left")  # and moves another one first

    assert _menu(client) == ["Diensten", "Aandoeningen", "Artsen"]
