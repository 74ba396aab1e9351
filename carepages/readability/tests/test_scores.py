"""The stored scores behind the dashboard: written when content is published and committed."""

import pytest
from django.core.management import call_command
from django.db import transaction

from carepages.conditions.factories import ConditionPageFactory
from carepages.conditions.models import ConditionPage
from carepages.content_io.importer import import_document
from carepages.readability.analysis import B1_LOWEST_SCORE
from carepages.readability.models import ReadabilityScore
from carepages.readability.scores import _Batch

HARD_TEXT = (
    "Lumbalgie, gedefinieerd als pijn gelokaliseerd tussen de onderste ribbenboog en de bilplooi, "
    "behoort tot de meest prevalente musculoskeletale aandoeningen."
)
EASY_TEXT = "Je hebt pijn onder in je rug. Dat gaat vaak vanzelf over. Blijf bewegen."


def test_a_publish_stores_the_score_of_the_published_text(site_structure, django_capture_on_commit_callbacks):
    page = ConditionPageFactory(parent=site_structure.conditions, title="Rugpijn", intro=EASY_TEXT)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert ReadabilityScore.objects.get(page_id=page.pk).level in {"A2", "B1"}

    page.intro = HARD_TEXT
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert ReadabilityScore.objects.get(page_id=page.pk).level == "C1+"


class Undo(Exception):
    pass


def test_a_rolled_back_publish_leaves_the_old_score(site_structure, django_capture_on_commit_callbacks):
    page = ConditionPageFactory(parent=site_structure.conditions, title="Rugpijn", intro=EASY_TEXT)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
        with pytest.raises(Undo), transaction.atomic():
            page.intro = HARD_TEXT
            page.save_revision().publish()
            raise Undo
    assert ReadabilityScore.objects.get(page_id=page.pk).level in {"A2", "B1"}


def conditions_file(count: int) -> dict:
    return {
        "format": "carepages-content",
        "version": 1,
        "conditions": [
            {
                "slug": f"aandoening-{n}",
                "title": f"Aandoening {n}",
                "intro": HARD_TEXT if n % 2 else EASY_TEXT,
                "sections": [{"heading": "Wat kan je doen?", "body": "<p>Blijf <em>bewegen</em>.</p>"}],
            }
            for n in range(count)
        ],
    }


def test_an_import_is_scored_in_one_batch_of_two_queries(
    site_structure, django_capture_on_commit_callbacks, django_assert_num_queries
):
    with django_capture_on_commit_callbacks() as callbacks:
        import_document(conditions_file(30))
    batches = [callback for callback in callbacks if isinstance(callback, _Batch)]
    assert [len(batch.pages) for batch in batches] == [30]

    with django_assert_num_queries(2):  # the existing scores, then one insert
        batches[0]()
    hard = ConditionPage.objects.filter(readability_score__score__lt=B1_LOWEST_SCORE).count()
    assert (ReadabilityScore.objects.count(), hard) == (30, 15)


def test_migrate_scores_the_pages_published_before_the_app(site_structure):
    page = ConditionPageFactory(parent=site_structure.conditions, title="Lumbalgie", intro=HARD_TEXT)
    assert not ReadabilityScore.objects.filter(page_id=page.pk).exists()  # created live, not published
    call_command("migrate", verbosity=0)
    assert ReadabilityScore.objects.get(page_id=page.pk).score < B1_LOWEST_SCORE
