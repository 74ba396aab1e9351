"""The publish cache's generation is the change feed's head: each content change empties the cache.

The generation's name is the token of the newest change in the feed (carepages/changes):
the instance that committed a change moves its stores at once (a feed subscriber), the
others when their poll thread reads a new head (every POLL_SECONDS, one small query).
"""

from __future__ import annotations

import logging

from django.db import DatabaseError, connection

from carepages.changes import feed

logger = logging.getLogger(__name__)
# Stores of the app front running in this process; told at once about changes made here.
_local_stores: list = []


def register_local_store(store) -> None:
    _local_stores.append(store)


def unregister_local_store(store) -> None:
    _local_stores.remove(store)


def live_token() -> str | None:
    """The generation the database names live, or None when nothing was ever published."""
    change = feed.head()
    return change.token if change else None


def new_generation() -> str:
    """Start a new generation now: the publish cache empties in every instance."""
    return feed.append().token


def on_changes(changes: list[feed.Change]) -> None:
    """A change committed in this process: its stores move to the new generation at once."""
    token = changes[-1].token
    for store in _local_stores:
        # The change is committed: whatever the cache folder does, the editor's save stands
        # (activate handles folder faults itself and then serves nothing stale).
        try:
            store.activate(token)
        except Exception:
            logger.exception("publish cache: could not switch to generation %s", token)


def poll_once(store) -> bool:
    """Follow the database's generation; True when the store moved. Database errors keep what is cached."""
    try:
        token = live_token()
    except DatabaseError:
        connection.close_if_unusable_or_obsolete()
        return False
    if token is None:
        token = new_generation()
    return store.activate(token)
