"""Lay queries find the page a patient means, first, on SQLite and PostgreSQL alike."""

import pytest

from carepages.search.engine import search


@pytest.mark.parametrize(
    ("query", "slug"),
    [
        ("schouderpijn", "schouderpijn"),
        ("pijn in de schouder", "schouderpijn"),  # compound written apart
        ("schouder pijn", "schouderpijn"),
        ("dikke darm kanker", "dikkedarmkanker"),  # compound of three written apart
        ("oogontsteking", "oogontsteking"),  # the page says "Ontsteking van het oog"
        ("artorse", "artrose"),  # typo: transposed letters
        ("astam", "astma"),
        ("spatader", "spataders"),  # another word form
        ("hooikoorts", "allergische-rinitis"),  # the editor's also-known-as name
        ("lumbago", "rugpijn"),
        ("covid 19", "covid-19"),
        ("covid19", "covid-19"),
        ("coeliakie", "coeliakie"),  # the title has ë
        ("reval", "fysische-geneeskunde-en-revalidatie"),  # a prefix, while typing
        ("kinder", "kindergeneeskunde"),
        ("merksem", "zas-palfijn"),  # a campus by its town
    ],
)
def test_lay_query_finds_the_meant_page_first(hospital_db, query, slug):
    results = search(query).results
    assert results, f"nothing found for {query!r}"
    assert results[0].slug == slug, [hit.title for hit in results]


def test_a_condition_named_by_the_query_comes_before_pages_that_mention_it(hospital_db):
    results = search("rugpijn").results
    assert [hit.slug for hit in results[:2]] == ["rugpijn", "rugrevalidatie"]
    assert results[0].label == "Aandoening"
    assert results[1].label == "Behandeling"


def test_title_weighs_more_than_body(hospital_db):
    # "artrose" is the title of one page and a word in the body of another.
    slugs = [hit.slug for hit in search("artrose").results]
    assert slugs[:2] == ["artrose", "schouderpijn"]


def test_results_of_all_kinds_come_together_with_their_labels(hospital_db):
    results = search("dikke darm").results
    assert {(hit.slug, hit.label, hit.type) for hit in results} >= {
        ("dikkedarmkanker", "Aandoening", "condition"),
        ("coloscopie", "Onderzoek", "page"),
    }


def test_kind_filter(hospital_db):
    response = search("dikke darm", kinds=["page"])
    assert [hit.slug for hit in response.results] == ["coloscopie"]
    assert response.facets["examination"] == 1 and response.facets["condition"] >= 1
    with pytest.raises(ValueError, match="unknown kind 'hospital'"):
        search("dikke darm", kinds=["hospital"])


def test_snippet_is_plain_text_and_the_highlight_marks_matched_words(hospital_db):
    hit = search("pijn schouder").results[0]
    assert hit.snippet == "Pijn in of rond het schoudergewricht. Meer weten Soms door artrose."
    assert str(hit.highlighted) == (
        "<mark>Pijn</mark> in of rond het <mark>schoudergewricht</mark>. Meer weten Soms door artrose."
    )


def test_highlight_escapes_page_text(site_structure):
    from carepages.conditions.factories import ConditionPageFactory

    ConditionPageFactory(
        parent=site_structure.conditions, title="Jeuk", intro="Jeuk <script>alert(1)</script> & meer"
    )
    hit = search("jeuk").results[0]
    assert "<script>" in hit.snippet  # plain text for the API, as the editor wrote it
    assert "<script>" not in hit.highlighted
    assert "&lt;script&gt;" in hit.highlighted


def test_did_you_mean_offers_the_nearest_known_words(hospital_db):
    assert search("spatadres").suggestion == "spataders"
    assert search("pijn in de schoudr").suggestion == "pijn in de schouder"
    assert search("schouderpijn").suggestion is None


def test_nothing_found_for_unknown_words(hospital_db):
    response = search("xylofoon")
    assert response.count == 0 and response.results == []


def test_limit_and_offset_page_through_the_same_ranking(hospital_db):
    everything = [hit.slug for hit in search("pijn", limit=100).results]
    assert len(everything) >= 3
    assert [hit.slug for hit in search("pijn", limit=2, offset=1).results] == everything[1:3]
    assert search("pijn").count == len(everything)
