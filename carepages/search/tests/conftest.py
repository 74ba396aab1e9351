"""A small hospital, built with the factories, for the search tests."""

import pytest
from django.db import transaction
from wagtail.rich_text import RichText

from carepages.conditions.factories import ConditionPageFactory
from carepages.content_io.site_structure import ensure_site_structure
from carepages.infopages.factories import InfoPageFactory
from carepages.locations.factories import LocationPageFactory
from carepages.services.factories import ServicePageFactory

CONDITIONS = [
    # title, slug, also known as, intro, body
    ("Schouderpijn", "schouderpijn", "", "Pijn in of rond het schoudergewricht.", "Soms door artrose."),
    ("Artrose", "artrose", "gewrichtsslijtage", "Slijtage van het kraakbeen in een gewricht.", ""),
    ("Spataders", "spataders", "", "Verwijde, kronkelende aders aan de benen.", ""),
    ("Allergische rinitis", "allergische-rinitis", "hooikoorts", "Een allergie voor pollen.", ""),
    ("COVID-19", "covid-19", "corona", "Een infectie met het coronavirus.", ""),
    ("Coëliakie", "coeliakie", "", "Een darmziekte waarbij gluten de darm beschadigen.", ""),
    ("Dikkedarmkanker", "dikkedarmkanker", "", "Kanker in de dikke darm of de endeldarm.", ""),
    ("Ontsteking van het oog", "oogontsteking", "", "Een rood, tranend oog.", ""),
    ("Astma", "astma", "", "Aanvallen van benauwdheid.", "Puffers helpen bij astma en COPD."),
    ("Rugpijn", "rugpijn", "lumbago", "Pijn in de onderrug.", ""),
]


def _sections(text):
    return [("section", {"heading": "Meer weten", "body": RichText(f"<p>{text}</p>")})] if text else []


@pytest.fixture(scope="module")
def hospital(django_db_setup, django_db_blocker):
    """Ten conditions, two services, a campus and two info pages, all published.

    Built once per test module, inside a transaction rolled back after the
    module's last test: the ranking tests only read, and stay fast.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        yield _build_hospital(ensure_site_structure())
        transaction.set_rollback(True)


@pytest.fixture
def hospital_db(hospital, db):
    """The hospital, for a test that also needs the database (all the search tests do)."""
    return hospital


def _build_hospital(site_structure) -> dict:
    pages = {}
    for title, slug, aka, intro, body in CONDITIONS:
        pages[slug] = ConditionPageFactory(
            parent=site_structure.conditions,
            title=title,
            slug=slug,
            also_known_as=aka,
            intro=intro,
            sections=_sections(body),
        )
    pages["palfijn"] = LocationPageFactory(
        parent=site_structure.locations,
        title="ZAS Palfijn",
        slug="zas-palfijn",
        address="Lantaarnlei 20, Merksem",
    )
    pages["revalidatie"] = ServicePageFactory(
        parent=site_structure.services,
        title="Fysische geneeskunde en revalidatie",
        slug="fysische-geneeskunde-en-revalidatie",
        intro="Revalidatie na een operatie of ongeval.",
    )
    pages["kindergeneeskunde"] = ServicePageFactory(
        parent=site_structure.services,
        title="Kindergeneeskunde",
        slug="kindergeneeskunde",
        intro="Kinderartsen voor baby's en kinderen.",
    )
    pages["rugrevalidatie"] = InfoPageFactory(
        parent=site_structure.info["treatment"],
        title="Rugrevalidatie",
        slug="rugrevalidatie",
        intro="Oefenen in groep bij langdurige rugpijn.",
    )
    pages["coloscopie"] = InfoPageFactory(
        parent=site_structure.info["examination"],
        title="Coloscopie",
        slug="coloscopie",
        intro="Een onderzoek van de dikke darm met een camera.",
    )
    return pages
