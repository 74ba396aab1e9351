"""A few pages written the way any hospital writes them, for the vocabulary's tests."""

import pytest
from wagtail.rich_text import RichText

from carepages.conditions.factories import ConditionPageFactory
from carepages.infopages.factories import InfoPageFactory


def sections(text):
    return [("section", {"heading": "Meer weten", "body": RichText(f"<p>{text}</p>")})]


@pytest.fixture
def pages(site_structure):
    conditions = site_structure.conditions
    return {
        "verkoudheid": ConditionPageFactory(
            parent=conditions,
            title="Verkoudheid",
            slug="verkoudheid",
            intro="Een onschuldige virusinfectie van neus en keel.",
            sections=sections("Je kan hier terecht als de klachten lang duren. Het doet soms pijn."),
        ),
        "hielspoor": ConditionPageFactory(
            parent=conditions,
            title="Hielspoor",
            slug="hielspoor",
            intro="Een pijnlijke ontsteking van de peesplaat onder de voet.",
            sections=sections("Stekende pijn onder de hiel bij de eerste stappen na het opstaan."),
        ),
        "algemeen": ConditionPageFactory(
            parent=conditions,
            title="Chronische pijn",
            slug="chronische-pijn",
            intro="Pijn die altijd blijft: mijn pijn is er altijd, ook als het goed gaat.",
        ),
        "gordelroos": ConditionPageFactory(
            parent=conditions,
            title="Gordelroos",
            slug="gordelroos",
            also_known_as="herpes zoster",
            intro="Een pijnlijke huiduitslag met blaasjes.",
        ),
        "allergie": ConditionPageFactory(
            parent=conditions,
            title="Allergische rinitis",
            slug="allergische-rinitis",
            intro="Een allergie voor pollen of huisstofmijt.",
        ),
        "chemo": InfoPageFactory(
            parent=site_structure.info["treatment"],
            title="Chemotherapie",
            slug="chemotherapie",
            intro="Geneesmiddelen die kankercellen doden.",
        ),
    }
