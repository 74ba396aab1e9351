"""The change feed under concurrent writers, on PostgreSQL (where writers really overlap).

Two app servers commit changes at the same moment. A follower (another instance's
search index or publish cache) reads the feed between and after their commits: it
must see each change once, in commit order, and never skip one that commits late.
SQLite lets one writer in at a time, so there the overlap cannot happen; CI runs
this test on PostgreSQL (`make test` with DATABASE_URL, README.md).
"""

import threading
import time

import pytest
from django.db import connection, connections, transaction

from carepages.changes import feed

pytestmark = pytest.mark.postgresql

#: How long a step may take before the test gives up (a hung writer fails, never hangs the run).
GIVE_UP_AFTER = 30


class Writer(threading.Thread):
    """An app server's request: appends a change in its own connection, commits when released."""

    def __init__(self, page_id: int, release: threading.Event | None = None):
        super().__init__(daemon=True)
        self.page_id = page_id
        self.release = release
        self.appended = threading.Event()
        self.pid: int | None = None
        self.change: feed.Change | None = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_backend_pid()")
                self.pid = cursor.fetchone()[0]
            with transaction.atomic():
                self.change = feed.append([self.page_id])
                self.appended.set()
                if self.release is not None and not self.release.wait(GIVE_UP_AFTER):
                    raise TimeoutError("never released")
        except BaseException as error:  # reported by the test, not lost in the thread
            self.error = error
        finally:
            self.appended.set()
            connections.close_all()

    def finish(self) -> feed.Change:
        self.join(GIVE_UP_AFTER)
        assert not self.is_alive(), f"the writer of page {self.page_id} hangs"
        if self.error:
            raise self.error
        return self.change


def wait_until_blocked(writer: Writer) -> None:
    """Until PostgreSQL shows `writer` waiting for a lock (the feed's counter row)."""
    deadline = time.monotonic() + GIVE_UP_AFTER
    while time.monotonic() < deadline:
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM pg_locks WHERE pid = %s AND NOT granted", [writer.pid])
            if cursor.fetchone()[0]:
                return
        assert not writer.change, "the second writer took a number while the first had not committed"
        time.sleep(0.05)
    raise AssertionError("the second writer never waited for the first")


def overlapping_writers() -> tuple[Writer, Writer, threading.Event]:
    """A first writer that has appended but not committed, and a second one waiting behind it."""
    release_first = threading.Event()
    first = Writer(101, release=release_first)
    first.start()
    assert first.appended.wait(GIVE_UP_AFTER) and first.error is None
    second = Writer(202)
    second.start()
    while second.pid is None and second.is_alive():
        time.sleep(0.01)
    wait_until_blocked(second)
    return first, second, release_first


@pytest.mark.django_db(transaction=True)
def test_overlapping_writers_commit_in_feed_order_and_followers_see_each_change_once():
    early, late = feed.Follower(), feed.Follower()
    assert early.read() is None and late.read() is None  # both start at the current head

    first, second, release_first = overlapping_writers()
    # The first has its number but has not committed; the second waits behind it.
    assert early.read() == []

    release_first.set()
    one, two = first.finish(), second.finish()
    assert two.seq == one.seq + 1

    seen = early.read()
    assert [(change.seq, change.page_ids) for change in seen] == [(one.seq, (101,)), (two.seq, (202,))]
    assert early.read() == []
    assert [change.seq for change in late.read()] == [one.seq, two.seq]
    assert late.read() == []


@pytest.mark.django_db(transaction=True)
def test_a_follower_reading_between_two_commits_misses_neither():
    follower = feed.Follower()
    follower.read()
    first, second, release_first = overlapping_writers()

    release_first.set()
    one = first.finish()
    # Read as soon as the first has committed, whether or not the second has yet.
    seen = follower.read()
    two = second.finish()
    seen += follower.read()
    assert [change.seq for change in seen] == [one.seq, two.seq]
    assert follower.read() == []
