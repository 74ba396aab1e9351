"""The change feed: one ordered log of content changes, written once per transaction on commit.

Writers call `record(page_id)` (or `record()` for content that is not one page: a
redirect, a site setting, a view restriction) from model signals, so the admin, a
shell and an import count alike. However many records a transaction makes, it
writes one `ContentChange` when it commits, and nothing when it rolls back.

Readers:

* `subscribe(callback)`: called with the new change at once, in the process that
  committed it (the publish cache empties its local stores without waiting for a poll);
* `Follower`: a position in the feed; `read()` returns the changes committed since, in
  order (one small query): the search's index checks it before each query;
* `head()`: the newest change (one small query): the publish cache's poll thread names
  its generation by it, every 0.5 s;
* `pending()`: the page ids recorded by this connection's open transaction, for a
  reader that must see its own uncommitted writes (the search, inside an editor's save).

Order: the writers take the counter row's lock, so on PostgreSQL a change with a higher
`seq` commits after the lower ones, and a follower that has read `seq` n never misses
a smaller one later (SQLite has one writer at a time anyway); tests/test_feed_concurrency.py
holds two writers in that overlap on PostgreSQL.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from django.db import connection, transaction
from django.db.models import Case, F, JSONField, When

from .models import ContentChange, FeedCounter

#: Changes older than this many are pruned; a follower that far behind starts over.
KEEP = 5000
PRUNE_EVERY = 500
COUNTER = 1

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Change:
    seq: int
    token: str
    page_ids: tuple[int, ...]


Subscriber = Callable[[list[Change]], None]
_subscribers: list[Subscriber] = []


def subscribe(callback: Subscriber) -> None:
    """Call `callback([change])` in this process after each change it commits (idempotent)."""
    if callback not in _subscribers:
        _subscribers.append(callback)


def unsubscribe(callback: Subscriber) -> None:
    if callback in _subscribers:
        _subscribers.remove(callback)


# -- writing -------------------------------------------------------------------------


class _Batch:
    """The records of one transaction: however many, one change when it commits."""

    def __init__(self, owner):
        self.owner = owner  # the outermost atomic block, or None outside a transaction
        self.page_ids: set[int] = set()
        self.version = 0  # grows with each record: readers of `pending()` see new writes
        self.done = False

    def run(self) -> None:
        if not self.done:
            self.done = True
            append(sorted(self.page_ids))


def _outermost_block():
    return connection.atomic_blocks[0] if connection.in_atomic_block else None


def _open_batch() -> _Batch | None:
    """This connection's batch, when it belongs to the transaction open now."""
    batch = getattr(connection, "_changes_batch", None)
    if batch is None or batch.done or batch.owner is not _outermost_block():
        return None
    return batch


def record(page_id: int | None = None) -> None:
    """Note a content change (of one page, or site-wide); written when the transaction commits.

    Every record registers the batch's callback again: callbacks of a rolled-back
    savepoint are dropped by Django, the others run the batch once.
    """
    record_pages([] if page_id is None else [page_id])


def record_pages(page_ids) -> None:
    """`record` for many pages at once (an import, a subtree after a move)."""
    batch = _open_batch()
    if batch is None:
        batch = connection._changes_batch = _Batch(_outermost_block())
    batch.page_ids.update(page_ids)
    batch.version += 1
    transaction.on_commit(batch.run)


def append(page_ids: list[int] | tuple[int, ...] = ()) -> Change:
    """Write one change now, in its own transaction, and tell this process's subscribers."""
    # Its own transaction after a commit; inside an enclosing one (a test's), no savepoint is needed:
    # a failure here fails that transaction as a whole.
    with transaction.atomic(savepoint=False):
        # The UPDATE locks the counter row until this commits: writers commit in seq order.
        counter = FeedCounter.objects.filter(pk=COUNTER)
        if not counter.update(value=F("value") + 1):
            FeedCounter.objects.get_or_create(pk=COUNTER)
            counter.update(value=F("value") + 1)
        seq = counter.values_list("value", flat=True).get()
        change = Change(seq, uuid.uuid4().hex[:16], tuple(page_ids))
        ContentChange.objects.create(seq=seq, token=change.token, page_ids=list(page_ids))
        if seq % PRUNE_EVERY == 0:
            ContentChange.objects.filter(seq__lte=seq - KEEP).delete()
    for callback in list(_subscribers):
        # The change is committed: a subscriber's fault must not undo the editor's save.
        try:
            callback([change])
        except Exception:
            logger.exception("change feed: subscriber %r failed on change %s", callback, change.seq)
    return change


def pending() -> tuple[set[int], tuple | None]:
    """(page ids, key) recorded by this connection's open transaction, not yet in the feed.

    The key changes with every new record and when a savepoint ends, so a reader knows
    when to read those pages again (a rolled-back savepoint restored them).
    """
    batch = _open_batch()
    if batch is None or batch.owner is None:
        return set(), None
    return set(batch.page_ids), (id(batch), batch.version, tuple(connection.savepoint_ids))


# -- reading -------------------------------------------------------------------------


def head() -> Change | None:
    """The newest change, or None when the feed is empty; without its page ids.

    Readers of the head want its position (the publish cache's generation, a follower's start),
    not the pages it names: after an import those are thousands, read every 0.5 s by a poll.
    """
    row = ContentChange.objects.order_by("-seq").values_list("seq", "token").first()
    return Change(row[0], row[1], ()) if row else None


class Follower:
    """A position in the feed, read by one reader (a process's index, a poll thread)."""

    def __init__(self):
        self.started = False
        self.seq = 0  # 0: before the first change
        self.token = ""

    def read(self) -> list[Change] | None:
        """The changes committed since the last read, in order.

        None when the reader must start from the current state: at the first read, and
        when the last change it read is gone (a database restored or flushed, or pruned
        while this follower was more than KEEP changes behind).
        """
        if not self.started:
            self.started = True
            self._move_to(head())
            return None
        # The change read last comes back too (its token tells the history still holds), but not
        # its page ids: after an import they are thousands, and this runs before every search.
        new_ids = Case(When(seq__gt=self.seq, then=F("page_ids")), default=None, output_field=JSONField())
        since = ContentChange.objects.filter(seq__gte=self.seq).order_by("seq")
        rows = since.annotate(new_ids=new_ids).values_list("seq", "token", "new_ids")
        changes = [Change(seq, token, tuple(ids or ())) for seq, token, ids in rows]
        if self.seq:
            if not changes or (changes[0].seq, changes[0].token) != (self.seq, self.token):
                self._move_to(changes[-1] if changes else head())
                return None
            changes = changes[1:]
        if changes:
            self._move_to(changes[-1])
        return changes

    def _move_to(self, change: Change | None) -> None:
        self.seq, self.token = (change.seq, change.token) if change else (0, "")
