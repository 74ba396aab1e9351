"""“Laatst bijgewerkt op”: the editor's review date, or else the publication date."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from carepages.conditions.factories import ConditionPageFactory
from carepages.core.testing import read, text


def shown_date(client, url: str) -> str:
    page = read(client.get(url))
    (time,) = page.find_all("time")
    return text(time.parent)


@pytest.fixture
def condition(today, site_structure):
    page = ConditionPageFactory(parent=site_structure.conditions, title="Migraine")
    page.save_revision().publish()  # as an editor's "Publiceren" does: sets the publication date
    page.refresh_from_db()
    return page


def test_without_a_review_date_the_publication_date_is_shown(client, condition, today):
    assert condition.updated_on is None
    assert condition.last_updated == today == datetime.date(2026, 3, 2)
    assert shown_date(client, "/aandoeningen/migraine/") == "Laatst bijgewerkt op 02/03/2026"


def test_republishing_moves_the_date_when_no_review_date_is_set(client, condition):
    condition.last_published_at = datetime.datetime(2025, 1, 27, 9, 0, tzinfo=ZoneInfo("Europe/Brussels"))
    condition.save(update_fields=["last_published_at"])
    assert shown_date(client, "/aandoeningen/migraine/") == "Laatst bijgewerkt op 27/01/2025"

    condition.save_revision().publish()
    assert shown_date(client, "/aandoeningen/migraine/") == "Laatst bijgewerkt op 02/03/2026"


def test_the_review_date_wins_over_the_publication_date(client, condition):
    condition.updated_on = datetime.date(2024, 7, 2)
    condition.save_revision().publish()
    assert shown_date(client, "/aandoeningen/migraine/") == "Laatst bijgewerkt op 02/07/2024"


def test_a_never_published_page_has_no_date(site_structure):
    page = ConditionPageFactory.build(title="Nieuw")
    assert page.last_updated is None
