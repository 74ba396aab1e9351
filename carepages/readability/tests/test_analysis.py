"""The analysis on sentences whose answer a Dutch reader knows."""

import pytest

from carepages.readability.analysis import (
    LONG_SENTENCE_WORDS,
    analyse,
    find_passive,
    flesch_douma,
    is_rare,
    level_for,
    split_sentences,
    syllables,
)


def test_abbreviations_do_not_end_a_sentence():
    text = (
        "Neem bv. een pijnstiller. Dr. Peeters helpt o.a. bij rugpijn, nekpijn enz. en soms bij hoofdpijn. "
        "Je krijgt koorts, hoofdpijn enz. Daarna rust je. Het kost 2,5 euro! Klaar?"
    )
    assert split_sentences(text) == [
        "Neem bv. een pijnstiller.",
        "Dr. Peeters helpt o.a. bij rugpijn, nekpijn enz. en soms bij hoofdpijn.",
        "Je krijgt koorts, hoofdpijn enz.",  # before a capital, the list's "enz." ends the sentence
        "Daarna rust je.",
        "Het kost 2,5 euro!",
        "Klaar?",
    ]


def test_a_block_without_full_stop_is_one_sentence():
    assert split_sentences("Wat is de oorzaak") == ["Wat is de oorzaak"]


@pytest.mark.parametrize(
    ("word", "count"),
    [("pijn", 1), ("rugpijn", 2), ("ziekenhuis", 3), ("behandeling", 4), ("patiënten", 4), ("e-mail", 2)],
)
def test_syllables_by_the_dutch_hyphenation_patterns(word, count):
    assert syllables(word) == count


@pytest.mark.parametrize("word", ["lumbago", "dyspneu", "radiculopathie", "ejectiefractie"])
def test_rare_words_are_possible_jargon(word):
    assert is_rare(word)


@pytest.mark.parametrize(
    "word",
    ["pijn", "ontsteking", "huisarts", "rugspieren", "ontstekingsremmers", "kinesitherapeut", "COVID-19"],
)
def test_everyday_words_and_their_compounds_are_not(word):
    assert not is_rare(word)


def test_jargon_explained_on_the_page_is_not_listed():
    report = analyse(
        [
            "Lumbago (spit) is pijn onder in de rug.",
            "Kortademigheid, ook wel dyspneu, komt vaak voor.",
            "Bij hartfalen daalt de ejectiefractie.",
            "De arts spreekt van radiculopathie. Radiculopathie: dat is pijn door druk op een zenuw.",
            "Je gaat naar ZAS Middelheim of naar Sint-Augustinus.",
        ],
        headings=["Rugpijn"],
        known=["Rugpijn"],
    )
    assert report.jargon == ("ejectiefractie",)


def test_the_title_and_other_names_count_as_explained():
    report = analyse(
        ["Lumbago gaat meestal vanzelf over."], headings=["Rugpijn"], known=["Rugpijn", "lumbago"]
    )
    assert report.jargon == ()


def test_a_long_sentence_is_listed_with_its_length():
    long = (
        "Wanneer de klachten langer dan zes weken aanhouden of wanneer er sprake is van krachtverlies "
        "in het been, koorts of problemen met plassen, raadpleeg je best een arts."
    )
    report = analyse(["Rugpijn gaat vaak vanzelf over.", long])
    assert [(s.text, s.words) for s in report.long_sentences] == [(long, 28)]
    assert report.long_sentences[0].reason == f"28 woorden, meer dan {LONG_SENTENCE_WORDS}"


@pytest.mark.parametrize(
    ("sentence", "construction"),
    [
        ("De operatie wordt onder narcose uitgevoerd.", "wordt … uitgevoerd"),
        ("Er worden medicijnen voorgeschreven.", "worden … voorgeschreven"),
        ("Als de rug te zwaar belast wordt, krijg je pijn.", "wordt … belast"),
        ("De wonde is goed verzorgd.", "is … verzorgd"),
        ("De patiënt werd gisteren onderzocht.", "werd … onderzocht"),
        ("De pijn is verdwenen.", None),
        ("Je bent gezond.", None),
        ("Het beleid is conservatief en bestaat uit rust.", None),
        ("Je wordt snel moe.", None),
        ("Je krijgt een prik.", None),
    ],
)
def test_passive_hints(sentence, construction):
    passive = find_passive(sentence)
    assert (passive.construction if passive else None) == construction


def test_flesch_douma_and_the_levels():
    assert flesch_douma(10, 1.5) == pytest.approx(206.835 - 9.3 - 115.5)
    assert [level_for(score) for score in (110, 100, 80, 65, 40, 5, -20)] == [
        "A2", "A2", "B1", "B1", "B2", "B2", "C1+",
    ]  # fmt: skip


def test_short_plain_sentences_score_easier_than_long_learned_ones():
    plain = analyse(["Je hart pompt minder goed. Je bent snel moe. Je enkels zijn dik."])
    learned = analyse(
        [
            "Hartfalen is een klinisch syndroom waarbij structurele of functionele cardiale afwijkingen "
            "resulteren in verhoogde intracardiale drukken en een ontoereikend hartminuutvolume."
        ]
    )
    assert plain.score > learned.score
    assert (plain.level, plain.above_b1) in {("A2", False), ("B1", False)}
    assert (learned.level, learned.above_b1) == ("C1+", True)


def test_no_text_is_no_error():
    report = analyse([], headings=["Rugpijn"])
    assert (report.words, report.sentences, report.long_sentences, report.jargon) == (0, 0, (), ())
