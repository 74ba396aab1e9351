"""The Dutch analysis: the same words meet however a patient writes them."""

from carepages.language import analysis
from carepages.language.analysis import atoms


def test_folding_drops_accents_and_case():
    assert analysis.fold("Coëliakie") == "coeliakie"
    assert analysis.words("Reumatoïde ARTRITIS") == ["reumatoide", "artritis"]


def test_snowball_stemming_meets_word_forms():
    assert analysis.stem("spatader") == analysis.stem("spataders")
    assert analysis.stem("niersteen") == analysis.stem("nierstenen")
    assert analysis.stem("ontstekingen") == analysis.stem("ontsteking")


def test_a_diminutive_keeps_its_own_stem_and_knows_the_word_it_is_made_from():
    # A blister (blaasje) is no bladder (blaas): the stemmer alone cut both to "blaas".
    assert analysis.stem("blaasjes") == analysis.stem("blaasje") != analysis.stem("blaas")
    assert analysis.diminutive_base("blaasjes") == analysis.stem("blaas")
    assert analysis.stem("steentjes") == analysis.stem("steentje")
    assert analysis.diminutive_base("steentjes") == analysis.stem("steen")
    assert analysis.diminutive_base("rugje") is None  # too short to tell
    assert analysis.diminutive_base("blaas") is None


def test_compounds_split_into_known_words():
    assert analysis.split_compound("schouderpijn") == ("schouder", "pijn")
    assert analysis.split_compound("oogontsteking") == ("oog", "ontsteking")
    assert analysis.split_compound("rugpijn") == ("rug", "pijn")  # common as a word, still split


def test_words_that_only_look_like_compounds_stay_whole():
    assert analysis.split_compound("operatie") == ()  # not "opera" + "tie"
    assert analysis.split_compound("ontsteking") == ()
    assert analysis.split_compound("revalidatie") == ()
    assert analysis.split_compound("schouder") == ()  # not "sch" + "ouder"


def test_compound_parts_split_again_down_to_their_words():
    assert {"darm", "kanker"} <= set(analysis.compound_terms("dikkedarmkanker"))
    assert "ouder" not in analysis.compound_terms("schouderpijn")  # not "sch" + "ouder"


def test_hyphens_and_spaces_meet():
    assert atoms("COVID-19") == atoms("covid 19") == atoms("covid19")
    assert analysis.joined_runs("COVID-19 en type 2") == ["covid19"]


def test_a_title_and_its_lay_paraphrase_have_the_same_atoms():
    assert atoms("Schouderpijn") == atoms("pijn in de schouder")
    assert atoms("Ontsteking van het oog") == atoms("oogontsteking")
    assert atoms("Dikkedarmkanker") != atoms("kanker")
