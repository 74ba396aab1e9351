"""The stored score of each published content page, and the dashboard's list of the hardest ones."""

from collections.abc import Iterable

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from wagtail.models import Page, get_page_models
from wagtail.signals import page_published

from .analysis import B1_LOWEST_SCORE, Report
from .models import ReadabilityScore
from .panels import ReadabilityPreviewMixin
from .text import analyse_page


def content_page_models() -> list[type[Page]]:
    """The page types that have the check in their editor: conditions, treatments, examinations, info."""
    return [model for model in get_page_models() if issubclass(model, ReadabilityPreviewMixin)]


def _fields(report: Report) -> dict:
    return {
        "score": report.score,
        "level": report.level,
        "words": report.words,
        "long_sentences": len(report.long_sentences),
        "jargon": len(report.jargon),
        "passives": len(report.passives),
    }


def store_scores(pages: Iterable[Page], chunk: int = 1000) -> None:
    """Analyse the pages and write their scores in a few queries per thousand pages."""
    pages = list(pages)
    for start in range(0, len(pages), chunk):
        _store_chunk(pages[start : start + chunk])


def _store_chunk(pages: list[Page]) -> None:
    now = timezone.now()  # bulk_update leaves auto_now alone
    scores = [
        ReadabilityScore(page_id=page.pk, updated_at=now, **_fields(analyse_page(page))) for page in pages
    ]
    ids = [score.page_id for score in scores]
    existing = set(ReadabilityScore.objects.filter(page_id__in=ids).values_list("page_id", flat=True))
    ReadabilityScore.objects.bulk_create(
        [score for score in scores if score.page_id not in existing],
        ignore_conflicts=True,  # two publishes of a new page at once: either score will do
    )
    ReadabilityScore.objects.bulk_update(
        [score for score in scores if score.page_id in existing],
        ["score", "level", "words", "long_sentences", "jargon", "passives", "updated_at"],
    )


class _Batch:
    """The pages published in one transaction (or savepoint), scored together when it commits.

    An import publishes thousands of pages in one transaction: a query or two per page
    would add up, one batch at the commit does not. A rollback discards the batch with
    Django's own on-commit callbacks, so no score describes content that was undone.
    """

    def __init__(self, connection):
        self.pages: dict[int, Page] = {}
        self.done = False
        self.savepoints = list(connection.savepoint_ids)
        # robust: the content is committed by now; a failed score is logged, never a failed publish.
        transaction.on_commit(self, robust=True)
        self.position = len(connection.run_on_commit) - 1

    def is_open(self, connection) -> bool:
        registered = connection.run_on_commit
        return (
            not self.done
            and self.savepoints == connection.savepoint_ids
            and self.position < len(registered)
            and registered[self.position][1] is self
        )

    def __call__(self):
        self.done = True
        store_scores(self.pages.values())


def _on_published(sender, instance, **kwargs):
    if not isinstance(instance, ReadabilityPreviewMixin):
        return
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        store_scores([instance])
        return
    batch = getattr(connection, "readability_batch", None)
    if batch is None or not batch.is_open(connection):
        batch = connection.readability_batch = _Batch(connection)
    batch.pages[instance.pk] = instance


def connect() -> None:
    # The importer creates pages in bulk and sends this signal for each, as Wagtail's publish does.
    page_published.connect(_on_published, dispatch_uid="carepages_readability_published")


def _live_content_pages() -> QuerySet[Page]:
    return Page.objects.live().type(*content_page_models())


def score_missing(limit: int | None = None) -> int:
    """Score the live content pages that have no score yet (pages published before this app, or
    created live without a publish, as factories do), at most `limit`; the number scored."""
    missing = _live_content_pages().filter(readability_score__isnull=True).order_by("pk")
    pages = list((missing[:limit] if limit else missing).specific())
    for start in range(0, len(pages), 1000):
        ReadabilityScore.objects.bulk_create(
            [
                ReadabilityScore(page_id=page.pk, **_fields(analyse_page(page)))
                for page in pages[start : start + 1000]
            ],
            ignore_conflicts=True,  # two editors opening the dashboard at once
        )
    return len(pages)


def hardest_pages(limit: int = 10) -> list[ReadabilityScore]:
    """The live pages furthest above B1, hardest first."""
    # Migrate scores a database's existing pages (apps.py): here only stragglers, a bounded few.
    score_missing(limit=200)
    return list(
        ReadabilityScore.objects.filter(page__in=_live_content_pages(), score__lt=B1_LOWEST_SCORE)
        .select_related("page")
        .order_by("score", "page__title")[:limit]
    )
