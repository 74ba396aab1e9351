"""Keeping each server process's index in step with the others, through the change feed.

Each process builds its index from the SearchDocument table at its first search;
before each search, `reading()` reads the change feed since the change it saw last
(one small query) and re-reads only the documents of the pages those changes name,
so a publish, unpublish, rename or delete in any process shows in the next query
of every other process. See docs/search.md, "Index".
"""

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from carepages.changes import feed
from carepages.vocabulary.lexicon import Lexicon

from .index import DOC_COLUMNS, SearchIndex, make_doc
from .models import SearchDocument

#: The page id a change to the lay vocabulary is recorded under in the change feed (no page has
#: it): every process reloads its vocabulary with the next search, as it applies a page's change.
VOCABULARY_CHANGE = 0


class IndexCache:
    """A process's index and its position in the change feed. One per process (`cache`); tests make more."""

    def __init__(self):
        # Held while a change is applied and while a search reads the index: a thread must not
        # walk a posting that another thread is changing. Searches take milliseconds.
        self.lock = threading.RLock()
        self.index: SearchIndex | None = None
        self.follower = feed.Follower()
        # Pages applied from a transaction not yet committed (an editor's save that searches
        # before it commits), and the key of that state: read again once the state moves on.
        self.tentative: set[int] = set()
        self.tentative_key: tuple | None = None
        #: Grows with every change this process learns of, of a page or not (a promotion, a
        #: redirect): what the search keeps beside the index (promotions) is valid for one version.
        self.version = 0

    def current(self) -> SearchIndex:
        """The index, brought up to date with the committed documents (and this transaction's own)."""
        with self.lock:
            changes = self.follower.read()  # before the documents: a change committed after is read next time
            pending, key = feed.pending()
            if self.index is None or changes is None:
                self.index = _build()
                self.version += 1
            else:
                page_ids = {page_id for change in changes for page_id in change.page_ids}
                if key != self.tentative_key:
                    page_ids |= self.tentative | pending
                if page_ids:
                    self._apply(page_ids)
                if changes or key != self.tentative_key:
                    self.version += 1
            self.tentative, self.tentative_key = pending, key
            return self.index

    def _apply(self, page_ids: set[int]) -> None:
        if VOCABULARY_CHANGE in page_ids:
            page_ids = page_ids - {VOCABULARY_CHANGE}
            self.index.lexicon = Lexicon.load()
        rows = {row.page_id: row for row in SearchDocument.objects.filter(page_id__in=page_ids)}
        for page_id in page_ids:
            if page_id in rows:
                self.index.add(make_doc(rows[page_id]))
            else:
                self.index.remove(page_id)


def _build() -> SearchIndex:
    index = SearchIndex(Lexicon.load())
    rows = SearchDocument.objects.order_by("pk").values_list(*DOC_COLUMNS, "analysis")
    for row in rows.iterator(chunk_size=2000):
        index.add(make_doc(row))
    # Millions of small objects that live as long as the process: left to the cyclic garbage
    # collector, every full collection walks them all (1.3 s at 20,000 pages, measured), a pause
    # that falls on some patient's search. Frozen, the collector skips them; they have no cycles,
    # so what the index drops later is still freed by reference counting.
    gc.freeze()
    return index


#: This process's index.
cache = IndexCache()


@contextmanager
def reading() -> Iterator[tuple[SearchIndex, int]]:
    """This process's current index and its version, kept still for the duration of the `with` block."""
    with cache.lock:
        index = cache.current()
        yield index, cache.version
