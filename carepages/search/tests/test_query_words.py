"""How the words of a patient's query weigh: a diminutive is its own word, the rarest word counts most."""

from wagtail.rich_text import RichText

from carepages.conditions.factories import ConditionPageFactory
from carepages.search.engine import search


def _condition(site_structure, title, intro, body=""):
    sections = [("section", {"heading": "Meer weten", "body": RichText(f"<p>{body}</p>")})] if body else []
    return ConditionPageFactory(parent=site_structure.conditions, title=title, intro=intro, sections=sections)


def _titles(query):
    return [hit.title for hit in search(query).results]


def test_blisters_are_not_the_bladder(site_structure):
    """ "pijnlijke blaasjes" (blisters) found the bladder's pages: the stemmer made "blaasjes" "blaas"."""
    _condition(site_structure, "Gordelroos", "Een pijnlijke huiduitslag met blaasjes op de rug of de borst.")
    _condition(site_structure, "Blaasontsteking", "Een ontsteking van de blaas.")
    _condition(site_structure, "Blaaskanker", "Kanker van de blaas.")
    _condition(site_structure, "Galstenen", "Steentjes in de galblaas.")

    assert _titles("blaasjes") == ["Gordelroos"]
    assert _titles("pijnlijke blaasjes")[:1] == ["Gordelroos"]
    assert set(_titles("blaas")[:2]) == {"Blaasontsteking", "Blaaskanker"}
    # The word a diminutive is made from still finds it: small stones are stones.
    assert "Galstenen" in _titles("steen")
    assert _titles("steentjes") == ["Galstenen"]
