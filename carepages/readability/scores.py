"""The stored score of each published content page, and the dashboard's list of the hardest ones."""

from django.db.models import QuerySet
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


def store_score(page: Page) -> ReadabilityScore:
    return ReadabilityScore.objects.update_or_create(page_id=page.pk, defaults=_fields(analyse_page(page)))[0]


def _on_published(sender, instance, **kwargs):
    if isinstance(instance, ReadabilityPreviewMixin):
        store_score(instance)


def connect() -> None:
    # The importer creates pages in bulk and sends this signal for each, as Wagtail's publish does.
    page_published.connect(_on_published, dispatch_uid="carepages_readability_published")


def _live_content_pages() -> QuerySet[Page]:
    return Page.objects.live().type(*content_page_models())


def score_missing() -> int:
    """Score the live content pages that have no score yet (pages published before this app, or
    created live without a publish, as factories do); the number scored."""
    missing = list(_live_content_pages().filter(readability_score__isnull=True).specific())
    ReadabilityScore.objects.bulk_create(
        [ReadabilityScore(page_id=page.pk, **_fields(analyse_page(page))) for page in missing],
        ignore_conflicts=True,  # two editors opening the dashboard at once
    )
    return len(missing)


def hardest_pages(limit: int = 10) -> list[ReadabilityScore]:
    """The live pages furthest above B1, hardest first."""
    score_missing()
    return list(
        ReadabilityScore.objects.filter(page__in=_live_content_pages(), score__lt=B1_LOWEST_SCORE)
        .select_related("page")
        .order_by("score", "page__title")[:limit]
    )
