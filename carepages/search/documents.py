"""Keep the search documents in step with the live pages.

`sync_page` re-reads a page from the database (never the in-memory object a
signal hands over: a draft save carries unpublished fields) and writes,
rewrites or removes its document, and records the change in the change feed for every process.
"""

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from wagtail.models import Page

from carepages.changes import feed
from carepages.core import kinds

from .following import VOCABULARY_CHANGE
from .index import analyse, split_names
from .models import SearchDocument

_FIELDS = ("kind", "subkind", "label", "slug", "title", "also_known_as", "intro", "body", "url", "analysis")


def build_document(page: Page) -> SearchDocument | None:
    """The document of a specific page, or None when the search should not find it."""
    kind = kinds.of(page) if page.live else None
    if kind is None:
        return None
    intro, body = kind.search_text(page)
    document = SearchDocument(
        page_id=page.pk,
        kind=kind.api_type,
        subkind=kind.key,
        label=kind.label,
        slug=page.slug,
        title=page.title,
        also_known_as=getattr(page, "also_known_as", "") or "",
        intro=intro or "",
        body=body,
        url=page.get_url() or page.url_path,
    )
    names = split_names(document.also_known_as)
    document.analysis = analyse(document.title, names, document.intro, document.body)
    return document


def _services_at(location_id: int) -> list[int]:
    from carepages.services.models import ServiceLocation

    return list(ServiceLocation.objects.filter(location_id=location_id).values_list("page_id", flat=True))


def _doctors_in(service_id: int) -> list[int]:
    from carepages.doctors.models import DoctorService

    return list(DoctorService.objects.filter(service_id=service_id).values_list("page_id", flat=True))


def sync_page(page_id: int, page: Page | None = None) -> bool:
    """Bring the document of one page in line with the database; True when it changed.

    `page`, when given, is the specific page as just published; otherwise the page is read afresh.
    """
    if page is None:
        page = Page.objects.filter(pk=page_id).first()
        try:
            page = page.specific if page else None
        except ObjectDoesNotExist:  # mid-delete: the specific row is gone, the Page row not yet
            page = None
    document = build_document(page) if page else None
    with transaction.atomic():
        current = SearchDocument.objects.filter(pk=page_id).first()
        if document is None:
            if current is None:
                return False
            current.delete()
        elif current is None:
            document.save(force_insert=True)
        else:
            if all(getattr(current, f) == getattr(document, f) for f in _FIELDS):
                return False
            document.save(force_update=True)
        _log_change(page_id)
    if (
        current is not None
        and current.kind == "location"
        or document is not None
        and document.kind == "location"
    ):
        # The services at a campus name it in their documents: a renamed campus renames it there.
        sync_pages(_services_at(page_id))
    if (
        current is not None
        and current.kind == "service"
        or document is not None
        and document.kind == "service"
    ):
        # Likewise a doctor's document names the doctor's services.
        sync_pages(_doctors_in(page_id))
    return True


#: Pages written inside `deferred()`: page id -> the page as published, or None to re-read it.
_pending: ContextVar[dict[int, Page | None] | None] = ContextVar("search_pending", default=None)


@contextmanager
def deferred() -> Iterator[None]:
    """Collect the pages written in the block and sync their documents in bulk at its end.

    For imports of thousands of pages: one bulk write instead of a
    handful of queries per page. Nothing is synced when the block raises (it rolls back).
    """
    pending: dict[int, Page | None] = {}
    token = _pending.set(pending)
    try:
        yield
    finally:
        _pending.reset(token)
    sync_in_bulk(pending)


def defer(page_id: int, page: Page | None = None) -> bool:
    """Note a page for the enclosing `deferred()` block; False when there is none."""
    pending = _pending.get()
    if pending is None:
        return False
    if page is not None or page_id not in pending:
        pending[page_id] = page
    return True


def sync_in_bulk(pages: dict[int, Page | None]) -> int:
    """Write the documents of many pages (None: read afresh) in a few queries; the count changed."""
    to_read = [page_id for page_id, page in pages.items() if page is None]
    fresh = {page.pk: page for page in Page.objects.filter(pk__in=to_read).specific()} if to_read else {}
    documents = {}
    for page_id, page in pages.items():
        page = page if page is not None else fresh.get(page_id)
        documents[page_id] = build_document(page) if page is not None else None
    if not documents:
        return 0
    with transaction.atomic():
        existing = set(SearchDocument.objects.filter(pk__in=documents).values_list("pk", flat=True))
        gone = [page_id for page_id, doc in documents.items() if doc is None and page_id in existing]
        new = [doc for doc in documents.values() if doc is not None and doc.page_id not in existing]
        old = [doc for doc in documents.values() if doc is not None and doc.page_id in existing]
        SearchDocument.objects.filter(pk__in=gone).delete()
        SearchDocument.objects.bulk_create(new, batch_size=500)
        SearchDocument.objects.bulk_update(old, list(_FIELDS), batch_size=500)
        changed = gone + [doc.page_id for doc in new + old]
        _log_changes(changed)
    return len(changed)


def remove_page(page_id: int) -> bool:
    """Forget a deleted page; True when it had a document."""
    with transaction.atomic():
        deleted, _ = SearchDocument.objects.filter(pk=page_id).delete()
        if deleted:
            _log_change(page_id)
    return bool(deleted)


def sync_pages(page_ids: Iterable[int]) -> int:
    return sum(sync_page(page_id) for page_id in page_ids)


def sync_subtree(page: Page) -> int:
    """A page and its descendants: after a move or a slug change their URLs changed."""
    ids = Page.objects.filter(path__startswith=page.path).values_list("pk", flat=True)
    return sync_pages(list(ids))


def rebuild_all() -> int:
    """Every document from scratch: for a new install or after changing the analysis."""
    ids = set(Page.objects.values_list("pk", flat=True)) | set(
        SearchDocument.objects.values_list("pk", flat=True)
    )
    return sync_pages(sorted(ids))


def vocabulary_changed() -> None:
    """Every process reloads the lay vocabulary with its next search (the change log carries it)."""
    with transaction.atomic():
        _log_change(VOCABULARY_CHANGE)


def _log_change(page_id: int) -> None:
    _log_changes([page_id])


def _log_changes(page_ids: list[int]) -> None:
    # Every process's index re-reads these documents when the transaction's change reaches it.
    if page_ids:
        feed.record_pages(page_ids)
