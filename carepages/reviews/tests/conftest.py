import datetime

import pytest

from carepages.conditions.factories import ConditionPageFactory
from carepages.conditions.models import ConditionReviewer, ConditionSource
from carepages.core.testing import superuser_client
from carepages.services.factories import ServicePageFactory


@pytest.fixture
def editor(client, db):
    return superuser_client(client, "redacteur")


@pytest.fixture
def rug(site_structure):
    return ServicePageFactory(parent=site_structure.services, title="Rugcentrum", slug="rugcentrum")


@pytest.fixture
def hernia(site_structure, rug, today):
    """A condition reviewed a year ago by two people, with two sources; updated before that."""
    page = ConditionPageFactory(
        parent=site_structure.conditions, title="Hernia", slug="hernia", services=[rug]
    )
    page.updated_on = datetime.date(2024, 7, 2)
    page.reviewed_on = datetime.date(2025, 3, 1)
    page.reviewers = [
        ConditionReviewer(name="An Voorbeeld", role="diensthoofd neurochirurgie", sort_order=0),
        ConditionReviewer(name="Bert Peeters", role="", sort_order=1),
    ]
    page.sources = [
        ConditionSource(
            title="Lage rugpijn en lumbosacraal radiculair syndroom",
            publisher="KCE",
            year=2017,
            url="https://kce.fgov.be/nl/lage-rugpijn",
            sort_order=0,
        ),
        ConditionSource(title="Richtlijn hernia", publisher="", year=None, url="", sort_order=1),
    ]
    page.save_revision().publish()
    return page
