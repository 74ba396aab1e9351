"""Counting searches without slowing them down or failing them.

A search only notes its query in memory (per thread). The counts are written
when Django has sent the answer (`request_finished`, fired when the server
closes the response): one upsert per distinct query of the request, in a
savepoint. A database that refuses the write (read-only, locked, missing
table) costs the counts of that request and a warning in the log, never the
answer. Nothing here reads or sets a cookie, a session or a header.

The first write of a new week also drops the weeks past the retention, so
the table stays bounded without cron; `manage.py purge_search_insights` does
the same on demand.
"""

import logging
import threading
from collections import Counter
from datetime import date, timedelta

from django.conf import settings
from django.core.signals import request_finished, request_started
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from carepages.search.events import searched

from . import privacy
from .models import WeeklySearch

logger = logging.getLogger(__name__)

#: Fewer results than this is a poor answer (as is one where "Bedoelde je …?" was offered).
POOR_BELOW = 3
DEFAULT_RETENTION_WEEKS = 26

NONE, POOR, GOOD = "none", "poor", "good"
_COLUMNS = ("week", "query", "searches", "without_results", "poor_results")

_pending = threading.local()


def connect() -> None:
    searched.connect(_on_searched, dispatch_uid="search_insights_count")
    request_started.connect(_on_request_started, dispatch_uid="search_insights_forget")
    request_finished.connect(_on_request_finished, dispatch_uid="search_insights_flush")


def outcome(count: int, suggestion: str | None) -> str:
    if count == 0:
        return NONE
    if count < POOR_BELOW or suggestion:
        return POOR
    return GOOD


def _on_searched(sender, query: str, response, **kwargs) -> None:
    note(query, outcome(response.count, response.suggestion))


def note(query: str, result: str) -> None:
    """Remember one search for the write at the end of the request (nothing when it is not storable)."""
    stored = privacy.storable(query)
    if stored is None:
        return
    counts = getattr(_pending, "counts", None)
    if counts is None:
        counts = _pending.counts = Counter()
    counts[(stored, result)] += 1


def _on_request_started(sender, **kwargs) -> None:
    # Counts belong to the request that made them: anything left by a response that was
    # never closed (a test calling the application without a server) is not carried over.
    _pending.counts = None


def _on_request_finished(sender, **kwargs) -> None:
    flush()


def flush() -> None:
    """Write what this thread noted; a database error drops it with a warning."""
    counts = getattr(_pending, "counts", None)
    if not counts:
        return
    _pending.counts = None
    try:
        with transaction.atomic():
            week = week_of(timezone.localdate())
            if not WeeklySearch.objects.filter(week=week).exists():
                purge()  # a new week: drop the weeks past the retention
            _upsert(week, counts)
    except DatabaseError:
        logger.warning("Search counts not written (%d searches dropped)", sum(counts.values()), exc_info=True)


def _upsert(week: date, counts: Counter) -> None:
    rows: dict[str, list[int]] = {}
    for (query, result), n in counts.items():
        row = rows.setdefault(query, [0, 0, 0])
        row[0] += n
        row[1] += n if result == NONE else 0
        row[2] += n if result == POOR else 0
    quote = connection.ops.quote_name
    table = quote(WeeklySearch._meta.db_table)
    week_col, query_col, *added = (quote(name) for name in _COLUMNS)
    # One statement per query, the same on SQLite and PostgreSQL: insert, or add to the week's row.
    sql = (
        f"INSERT INTO {table} ({week_col}, {query_col}, {', '.join(added)}) VALUES (%s, %s, %s, %s, %s) "
        f"ON CONFLICT ({week_col}, {query_col}) DO UPDATE SET "
        + ", ".join(f"{col} = {table}.{col} + excluded.{col}" for col in added)
    )
    with connection.cursor() as cursor:
        cursor.executemany(sql, [(week, query, *row) for query, row in rows.items()])


def week_of(day: date) -> date:
    """The Monday of the ISO week of `day`."""
    return day - timedelta(days=day.weekday())


def retention_weeks() -> int:
    return max(1, getattr(settings, "SEARCH_INSIGHTS_RETENTION_WEEKS", DEFAULT_RETENTION_WEEKS))


def oldest_kept_week(today: date | None = None) -> date:
    return week_of(today or timezone.localdate()) - timedelta(weeks=retention_weeks() - 1)


def purge(today: date | None = None) -> int:
    """Delete the counts of the weeks past the retention; how many rows went."""
    deleted, _ = WeeklySearch.objects.filter(week__lt=oldest_kept_week(today)).delete()
    return deleted
