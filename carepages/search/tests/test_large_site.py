"""Ranking on a large site: hundreds of pages that share the query's common words.

Built as an index in memory (the same SearchIndex and analysis a server process uses,
without writing a thousand pages): what matters here is how the engine weighs them.
"""

from carepages.language import analysis
from carepages.search.engine import rank
from carepages.search.index import MAX_SCORED_POSTINGS, SearchIndex, make_doc
from carepages.vocabulary.lexicon import Lexicon


def _index(pages, lexicon=None) -> SearchIndex:
    index = SearchIndex(lexicon)
    for page_id, (title, body) in enumerate(pages, start=1):
        slug = analysis.fold(title).replace(" ", "-")
        index.add(
            make_doc((page_id, "condition", "condition", "Aandoening", slug, title, "", "", body, "/", None))
        )
    return index


def _first(index: SearchIndex, query: str) -> str:
    ranked, _rest, _clauses = rank(index, query)
    return ranked[0][1].title


def test_the_page_named_by_the_rare_word_wins_also_where_the_common_word_is_in_its_body():
    # Far more pages say "pijn" in their title than a query scores for that word alone; many
    # of them mention the heel. The one page about the heel has "pijn" only in its text.
    mentions = [(f"Pijn van de enkel {n}", "Soms straalt het uit naar de hiel.") for n in range(300)]
    common = [(f"Pijn van de knie {n}", "Rust helpt.") for n in range(MAX_SCORED_POSTINGS)]
    index = _index([*mentions, *common, ("Hielspoor", "Pijn onder de hiel, vooral bij het opstaan.")])
    assert _first(index, "ik heb altijd pijn aan mijn hiel") == "Hielspoor"


def test_a_lay_word_the_stemmer_cuts_to_another_word_finds_what_it_means():
    # "valling" (a cold) stems to "val" (a fall): hundreds of pages about a fall must not bury
    # the page that says what the patient means.
    falls = [(f"Letsel van de arm na een val {n}", "Na een val.") for n in range(300)]
    lexicon = Lexicon.from_rows([("valling", "verkoudheid")])
    index = _index([*falls, ("Verkoudheid", "Een verkoudheid gaat vanzelf over.")], lexicon)
    assert _first(index, "valling") == "Verkoudheid"
    assert _first(index, "een valling") == "Verkoudheid"


def test_a_page_that_uses_the_lay_word_itself_still_comes_first():
    falls = [(f"Letsel na een val {n}", "Na een val.") for n in range(300)]
    lexicon = Lexicon.from_rows([("valling", "verkoudheid")])
    index = _index(
        [*falls, ("Verkoudheid", "Een gewone verkoudheid."), ("Valling", "Een valling gaat vanzelf over.")],
        lexicon,
    )
    assert _first(index, "valling") == "Valling"
