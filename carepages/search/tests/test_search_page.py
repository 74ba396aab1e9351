"""/zoeken/ and /zoeken/suggesties/ as a patient (or an attacker) uses them."""

import pytest

from carepages.core.testing import read

HOSTILE = [
    "",
    "   ",
    "\x00",
    "rug\x00pijn",
    "%",
    "*",
    "%%%***",
    "'",
    '"',
    "' OR 1=1 --",
    "rugpijn'; DROP TABLE wagtailcore_page; --",
    'rugpijn" AND "1"="1',
    "a" * 5000,
    "rugpijn " * 700,
    "😷🤒💊",
    "rug 😷 pijn",
    "<script>alert(1)</script>",
    "\\",
    "\u202e\u200b",
    "NEAR(rug pijn)",
    "rug AND NOT pijn",
    "-rug +pijn ~",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_get_a_normal_page(client, hospital_db, query):
    response = client.get("/zoeken/", {"q": query})
    assert response.status_code == 200
    assert b"<script>alert(1)</script>" not in response.content


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_get_normal_suggestions(client, hospital_db, query):
    response = client.get("/zoeken/suggesties/", {"q": query})
    assert response.status_code == 200
    assert isinstance(response.json()["suggestions"], list)


def test_results_are_labelled_with_a_highlighted_snippet(client, hospital_db):
    soup = read(client.get("/zoeken/", {"q": "pijn in de schouder"}))
    first = soup.select_one(".search-result")
    assert first.select_one(".search-result__label").get_text() == "Aandoening"
    assert first.select_one("a")["href"] == "/aandoeningen/schouderpijn/"
    assert [m.get_text() for m in first.select("mark")][:2] == ["Pijn", "schoudergewricht"]


def test_kind_filter_links_work_without_javascript(client, hospital_db):
    soup = read(client.get("/zoeken/", {"q": "dikke darm"}))
    links = {a.get_text(): a["href"] for a in soup.select(".search-filters a")}
    assert links["Onderzoeken (1)"] == "/zoeken/?q=dikke+darm&soort=onderzoek"

    soup = read(client.get(links["Onderzoeken (1)"]))
    assert [a.get_text() for a in soup.select(".search-result a")] == ["Coloscopie"]
    assert soup.select_one(".search-filters [aria-current]").get_text() == "Onderzoeken (1)"
    # The search box keeps the filter when the patient searches again.
    assert soup.select_one("form input[name=soort]")["value"] == "onderzoek"


def test_pagination(client, hospital_db):
    first = read(client.get("/zoeken/", {"q": "pijn"}))
    count = len(first.select(".search-result"))
    assert count >= 3
    response = client.get("/zoeken/", {"q": "pijn", "pagina": "2"})
    assert response.status_code == 404
    assert "maar 1 pagina" in read(response, 404).select_one("[role=alert]").get_text()


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"q": "rugpijn", "pagina": "twee"}, "geen paginanummer"),
        ({"q": "rugpijn", "pagina": "0"}, "begint bij 1"),
        ({"q": "rugpijn", "pagina": "-1"}, "begint bij 1"),
        ({"q": "rugpijn", "soort": "ziekenhuis"}, "geen soort"),
    ],
)
def test_bad_parameters_get_a_clear_message(client, hospital_db, params, message):
    response = client.get("/zoeken/", params)
    assert response.status_code == 400
    assert message in read(response, 400).select_one("[role=alert]").get_text()


def test_did_you_mean_links_to_the_corrected_search(client, hospital_db):
    soup = read(client.get("/zoeken/", {"q": "spatadres"}))
    link = soup.select_one(".search-suggestion a")
    assert link.get_text() == "spataders"
    assert link["href"] == "/zoeken/?q=spataders"


def test_nothing_found_says_what_to_try(client, hospital_db):
    soup = read(client.get("/zoeken/", {"q": "xylofoon"}))
    assert "Niets gevonden" in soup.select_one(".search-empty").get_text()


def test_long_query_is_shortened_with_a_notice(client, hospital_db):
    soup = read(client.get("/zoeken/", {"q": "rugpijn " + "x" * 300}))
    assert "erg lang" in soup.select_one(".notice").get_text()


def test_suggestions_for_what_is_typed(client, hospital_db):
    data = client.get("/zoeken/suggesties/", {"q": "reval"}).json()
    assert data["suggestions"][0] == {
        "title": "Fysische geneeskunde en revalidatie",
        "label": "Dienst",
        "url": "/diensten/fysische-geneeskunde-en-revalidatie/",
    }


def test_search_box_is_enhanced_only_by_an_external_script(client, hospital_db):
    response = client.get("/zoeken/", {"q": "rugpijn"})
    soup = read(response)
    box = soup.select_one("input[name=q]")
    assert box["data-autocomplete"] == "/zoeken/suggesties/"
    scripts = soup.select("script")
    assert scripts and all(script.get("src") for script in scripts)  # no inline script (CSP)
    assert not soup.select("[style]")
