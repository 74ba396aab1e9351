"""The lay vocabulary in the search: patients' words find the pages that use the medical ones."""

from carepages.search.engine import search
from carepages.search.following import IndexCache
from carepages.vocabulary.models import LayTerm


def slugs(query):
    return [hit.slug for hit in search(query).results]


def test_belgian_words_from_the_shipped_vocabulary_find_the_page(pages):
    assert slugs("valling")[:1] == ["verkoudheid"]
    assert slugs("een valling")[:1] == ["verkoudheid"]
    assert slugs("zona")[:1] == ["gordelroos"]  # meets the editor's other name "herpes zoster" too
    assert slugs("shingles")[:1] == ["gordelroos"]


def test_a_lay_term_is_not_corrected_into_another_word(pages):
    response = search("valling")
    assert response.suggestion is None


def test_a_term_an_editor_adds_works_at_the_next_search_in_every_process(pages):
    other_process = IndexCache()
    assert slugs("schnupfen") == []
    assert other_process.current().lexicon.find(["schnupfen"]) == []

    term = LayTerm.objects.create(term="schnupfen", means="verkoudheid")
    assert slugs("schnupfen")[:1] == ["verkoudheid"]
    assert other_process.current().lexicon.find(["schnupfen"]) == [(0, 1, ["verkoudheid"])]

    term.delete()
    assert slugs("schnupfen") == []
    assert other_process.current().lexicon.find(["schnupfen"]) == []


def test_a_real_word_is_never_corrected_into_a_filler_word(pages):
    # "hier" and "doet" are in the pages; "hiel" and "voet" are what the patient meant.
    hiel = search("hiel")
    assert hiel.suggestion is None
    assert [hit.slug for hit in hiel.results][:1] == ["hielspoor"]
    voet = search("voet")
    assert voet.suggestion is None
    assert "verkoudheid" not in [hit.slug for hit in voet.results]  # only says "doet"


def test_a_sentence_is_ranked_by_its_rarest_meaningful_word(pages):
    # "Chronische pijn" has "pijn", "mijn", "altijd", "goed" many times; "hiel" makes the answer.
    assert slugs("ik heb altijd pijn aan mijn hiel bij het opstaan")[:1] == ["hielspoor"]


def test_a_question_of_filler_words_around_one_word_finds_it(pages):
    assert slugs("wat moet ik doen tegen een verkoudheid")[:1] == ["verkoudheid"]


def test_spelling_by_ear_meets_the_page_word(pages):
    assert slugs("sjemo")[:1] == ["chemotherapie"]


def test_a_compound_of_the_pages_own_words_is_split(pages):
    assert slugs("huisstofmijtallergie")[:1] == ["allergische-rinitis"]


def test_suggestions_use_the_vocabulary(client, pages):
    data = client.get("/zoeken/suggesties/", {"q": "valling"}).json()
    assert data["suggestions"][0]["title"] == "Verkoudheid"


def test_suggestions_complete_a_lay_term_while_it_is_typed(client, pages):
    data = client.get("/zoeken/suggesties/", {"q": "vallin"}).json()
    assert [s["title"] for s in data["suggestions"]][:1] == ["Verkoudheid"]
