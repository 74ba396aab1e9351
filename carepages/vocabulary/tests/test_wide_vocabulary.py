"""The shipped vocabulary on another hospital's pages: Belgian words, loanwords, and words it leaves out.

The pages here are written the way any hospital writes them, in general medical Dutch, and are not
the demo's: the vocabulary must work on content it was not written for.
"""

import pytest
from wagtail.rich_text import RichText

from carepages.conditions.factories import ConditionPageFactory
from carepages.infopages.factories import InfoPageFactory
from carepages.language import analysis
from carepages.search.engine import search
from carepages.services.factories import ServicePageFactory
from carepages.vocabulary.data import read_rows
from carepages.vocabulary.lexicon import Lexicon, split_means, term_key

CONDITIONS = {
    "waterpokken": ("Waterpokken", "Een besmettelijke kinderziekte met jeukende blaasjes en koorts."),
    "hoge-bloeddruk": ("Hoge bloeddruk", "Hypertensie: de druk in je bloedvaten is te hoog."),
    "aambeien": ("Aambeien", "Gezwollen bloedvaten aan de anus die kunnen bloeden of jeuken."),
    "nierstenen": ("Nierstenen", "Harde kristallen in de nier die hevige pijn geven."),
    "osteoporose": ("Osteoporose", "Botontkalking: je botten worden brozer en breken sneller."),
    "hematoom": ("Hematoom", "Een bloeduitstorting onder de huid na een stoot of val."),
    "buikpijn": ("Buikpijn", "Pijn in de buik heeft veel oorzaken: van darmkrampen tot een ontsteking."),
    "blaasontsteking": ("Blaasontsteking", "Een infectie van de blaas: vaak en branderig plassen."),
}
EXAMINATIONS = {
    "mri-scan": ("MRI-scan", "Beelden van het lichaam met een sterke magneet, zonder straling."),
    "ct-scan": ("CT-scan", "Doorsneden van het lichaam met röntgenstralen."),
    "bloedafname": ("Bloedafname", "We nemen een beetje bloed uit een ader in je arm voor onderzoek."),
}
TREATMENTS = {
    "heupprothese": ("Heupprothese", "Een versleten heupgewricht vervangen door een kunstgewricht."),
}
SERVICES = {
    "spoedgevallen": ("Spoedgevallen", "Dag en nacht open voor dringende zorg."),
    "verloskunde": ("Verloskunde", "Begeleiding van zwangerschap, bevalling en kraamtijd."),
}


def sections(text):
    return [("section", {"heading": "Meer weten", "body": RichText(f"<p>{text}</p>")})]


@pytest.fixture
def hospital(site_structure):
    for slug, (title, intro) in CONDITIONS.items():
        ConditionPageFactory(parent=site_structure.conditions, title=title, slug=slug, intro=intro)
    for slug, (title, intro) in EXAMINATIONS.items():
        InfoPageFactory(parent=site_structure.info["examination"], title=title, slug=slug, intro=intro)
    for slug, (title, intro) in TREATMENTS.items():
        InfoPageFactory(parent=site_structure.info["treatment"], title=title, slug=slug, intro=intro)
    for slug, (title, intro) in SERVICES.items():
        ServicePageFactory(parent=site_structure.services, title=title, slug=slug, intro=intro)


def first(query):
    results = search(query).results
    return results[0].slug if results else None


@pytest.mark.parametrize(
    "query, slug",
    [
        ("kiekenpokken", "waterpokken"),
        ("nmr", "mri-scan"),
        ("nmr van de knie", "mri-scan"),
        ("scanner", "ct-scan"),
        ("hoge tensie", "hoge-bloeddruk"),
        ("urgentie", "spoedgevallen"),
        ("vroedvrouw", "verloskunde"),
        ("beenderontkalking", "osteoporose"),
        ("buil", "hematoom"),
        ("bloedanalyse", "bloedafname"),
    ],
)
def test_belgian_words_find_the_page_that_uses_the_medical_word(hospital, query, slug):
    assert first(query) == slug


@pytest.mark.parametrize(
    "query, slug",
    [
        ("piles", "aambeien"),
        ("hemorrhoids", "aambeien"),
        ("kidney stones", "nierstenen"),
        ("calculs rénaux", "nierstenen"),
        ("prise de sang", "bloedafname"),
        ("irm", "mri-scan"),
        ("hip replacement", "heupprothese"),
        ("high blood pressure", "hoge-bloeddruk"),
        ("emergency", "spoedgevallen"),
    ],
)
def test_english_and_french_loanwords_find_the_page(hospital, query, slug):
    assert first(query) == slug


@pytest.mark.parametrize(
    "query, slug",
    [
        ("kernspin", "mri-scan"),
        ("verloskundige", "verloskunde"),
        ("nieuwe heup", "heupprothese"),
        ("broze botten", "osteoporose"),
    ],
)
def test_netherlands_words_and_folk_names_find_the_page(hospital, query, slug):
    assert first(query) == slug


def test_a_short_vocabulary_word_is_not_corrected_into_a_page_word(hospital):
    # "buil" (a bump, Belgian Dutch) is one letter from "buik"; as a lay term it is meant as written.
    response = search("buil")
    assert response.suggestion is None
    assert "buikpijn" not in [hit.slug for hit in response.results]


def test_everyday_words_the_vocabulary_left_out_are_searched_as_written(hospital):
    # "blaasjes", "teek", "pieren" were left out: the stemmer would read "blaas" (bladder),
    # "teken" (to draw) and "Pierre" as them.
    lexicon = Lexicon.from_rows((row.term, row.means) for row in read_rows())
    for word in ("blaas", "teken", "tekende", "pierre", "wind", "scheiding", "hier", "doet", "voet", "hiel"):
        assert lexicon.find([word]) == [], word
    assert first("blaas") == "blaasontsteking"


ROWS = read_rows()


def test_no_term_means_itself():
    # A meaning the search reads as the term itself ("cardioloog" → "cardiologie") adds nothing.
    itself = [
        (row.term, meaning)
        for row in ROWS
        for meaning in split_means(row.means)
        if analysis.atoms(meaning) == analysis.atoms(row.term)
    ]
    assert itself == []


def test_no_two_terms_are_the_same_word_to_the_search():
    # "spuit" and "spuitje" have the same stems: one row, or editors cannot tell which one counts.
    seen, twice = {}, []
    for row in ROWS:
        key = term_key(row.term)
        if key in seen:
            twice.append((seen[key], row.term))
        seen[key] = row.term
    assert twice == []


def test_no_one_word_term_is_a_filler_word():
    # A filler word of a question ("doet", "hier", "last") that is also a lay term would make a
    # clause in every sentence a patient types.
    words = [analysis.words(row.term) for row in ROWS]
    fillers = [w[0] for w in words if len(w) == 1 and w[0] in analysis.QUERY_FILLERS]
    assert fillers == []


def test_the_vocabulary_covers_every_kind():
    counts = {}
    for row in ROWS:
        counts[row.kind] = counts.get(row.kind, 0) + 1
    assert len(ROWS) >= 900
    assert all(counts[kind] >= 60 for kind in ("be", "nl", "volks", "en", "fr")), counts


BODY_PAGES = {
    "knieklachten": ("Knieklachten", "Pijn in de knie na een val, door slijtage of door overbelasting."),
    "rugpijn": ("Rugpijn", "Pijn onderaan de rug komt vaak voor en gaat meestal vanzelf over."),
    "schouderpijn": ("Schouderpijn", "Pijn in de schouder bij het heffen van je arm."),
    "maagpijn": ("Maagpijn", "Een zeurende of brandende pijn in de maag, boven in de buik."),
}


@pytest.fixture
def body_pages(site_structure):
    for slug, (title, intro) in BODY_PAGES.items():
        ConditionPageFactory(parent=site_structure.conditions, title=title, slug=slug, intro=intro)


@pytest.mark.parametrize(
    "query, slug",
    [
        ("pain in my knee", "knieklachten"),
        ("knee pain", "knieklachten"),
        ("pijn in mijn back", "rugpijn"),
        ("shoulder pain", "schouderpijn"),
        ("stomach pain", "maagpijn"),
    ],
)
def test_english_body_words_find_the_page_in_a_mixed_or_english_query(body_pages, query, slug):
    assert first(query) == slug
