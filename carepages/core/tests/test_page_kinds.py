"""The page-kind registry: every consumer reads it, so a new page type needs only its own app.

The brochures of `example_brochures` (installed by the test settings only) are such a new
type: nothing outside that app names them, yet search, the API and the sitemap show them.
"""

import dataclasses
import xml.etree.ElementTree as ET

import pytest
from wagtail.models import Page

from carepages.core import kinds
from carepages.core.testing import links, read
from carepages.core.tests.example_brochures.models import BrochurePage
from carepages.feedback.models import Feedback

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture
def brochure(site_structure):
    index = site_structure.home.add_child(instance=Page(title="Brochures", slug="brochures"))
    page = index.add_child(
        instance=BrochurePage(
            title="Thuis na een keizersnede",
            slug="thuis-na-een-keizersnede",
            summary="Wat je de eerste weken thuis mag verwachten.",
            audience="jonge ouders",
        )
    )
    page.save_revision().publish()
    return page


def test_the_site_kinds_keep_their_names_and_order():
    assert [kind.soort for kind in kinds.all()][:6] == [
        "aandoening",
        "behandeling",
        "onderzoek",
        "dienst",
        "locatie",
        "info",
    ]
    site_types = [api_type for api_type in kinds.api_types() if api_type != "brochure"]
    assert site_types == ["condition", "service", "location", "doctor", "page"]
    assert [kind.key for kind in kinds.of_api_type("page")] == ["treatment", "examination", "info"]
    assert [kind.index_slug for kind in kinds.all()][:6] == [
        "aandoeningen",
        "behandelingen",
        "onderzoeken",
        "diensten",
        "locaties",
        "info",
    ]


def test_a_kind_cannot_take_the_url_of_another():
    twin = kinds.PageKind(
        key="twin",
        api_type="twin",
        label="Tweeling",
        plural="Tweelingen",
        soort="tweeling",
        index_slug="aandoeningen",
        format_key="twins",
        model="example_brochures.BrochurePage",
        order=99,
    )
    with pytest.raises(ValueError, match="condition"):
        kinds.register(twin)


def test_the_search_page_finds_and_filters_a_new_kind(client, brochure):
    soup = read(client.get("/zoeken/", {"q": "keizersnede"}))
    found = dict(links(soup))
    assert found["Thuis na een keizersnede"] == "/brochures/thuis-na-een-keizersnede/"
    assert found["Brochures (1)"] == "/zoeken/?q=keizersnede&soort=brochure"
    assert "Brochure" in soup.get_text()

    filtered = dict(links(read(client.get("/zoeken/", {"q": "ouders", "soort": "brochure"}))))
    assert filtered["Thuis na een keizersnede"] == "/brochures/thuis-na-een-keizersnede/"


def test_the_api_search_names_the_new_type(client, brochure):
    response = client.get("/api/v1/search/", {"q": "keizersnede", "type": "brochure"})
    assert response.status_code == 200
    (result,) = response.json()["results"]
    assert (result["type"], result["slug"], result["url"]) == (
        "brochure",
        "thuis-na-een-keizersnede",
        "/brochures/thuis-na-een-keizersnede/",
    )
    # The other types do not take it in.
    others = client.get("/api/v1/search/", {"q": "keizersnede", "type": "condition,page"}).json()
    assert others["count"] == 0


def test_the_sitemap_and_search_drop_the_new_kind_when_unpublished(client, brochure):
    def sitemap_paths():
        root = ET.fromstring(client.get("/sitemap.xml").content)
        return {loc.text.split("localhost", 1)[1] for loc in root.findall("sm:url/sm:loc", SITEMAP_NS)}

    assert "/brochures/thuis-na-een-keizersnede/" in sitemap_paths()
    brochure.unpublish()
    assert "/brochures/thuis-na-een-keizersnede/" not in sitemap_paths()
    assert "Thuis na een keizersnede" not in dict(links(read(client.get("/zoeken/", {"q": "keizersnede"}))))


def test_a_kind_that_asks_for_feedback_takes_answers_for_its_pages(client, brochure):
    # The feedback form names no page class: the registry says which kinds carry it.
    answer = {"pagina": str(brochure.pk), "nuttig": "ja", "opmerking": ""}
    own_site = {"HTTP_ORIGIN": "http://testserver"}
    assert client.post("/feedback/", answer, **own_site).status_code == 400  # brochures ask nothing

    asking = dataclasses.replace(
        kinds.get("brochure"), key="asking", soort="nuttig", index_slug="-", asks_feedback=True
    )
    with kinds.registered(asking):
        assert client.post("/feedback/", answer, **own_site).status_code == 302
    assert [(row.page_id, row.useful) for row in Feedback.objects.all()] == [(brochure.pk, True)]
