"""Content changes move the publish cache to a new generation, in every app instance."""

from __future__ import annotations

import logging
import uuid

from django.db import DatabaseError, connection, transaction

from .models import PublishGeneration

ROW = 1
logger = logging.getLogger(__name__)
# Stores of the app front running in this process; told at once about changes made here.
_local_stores: list = []


def register_local_store(store) -> None:
    _local_stores.append(store)


def unregister_local_store(store) -> None:
    _local_stores.remove(store)


def live_token() -> str | None:
    """The generation the database names live, or None when nothing was ever published."""
    return PublishGeneration.objects.filter(pk=ROW).values_list("token", flat=True).first()


class _Batch:
    """The changes of one transaction: however many, they start one generation when it commits."""

    done = False

    def run(self) -> None:
        if not self.done:
            self.done = True
            _new_generation()


def content_changed() -> None:
    """Start a new generation once the current transaction commits (once per transaction).

    Every change registers the same batch's callback; callbacks of a rolled-back
    transaction are dropped by Django, and the batch, not yet done, serves the next one.
    """
    batch = getattr(connection, "_publish_cache_batch", None)
    if batch is None or batch.done:
        batch = connection._publish_cache_batch = _Batch()
    transaction.on_commit(batch.run)


def new_generation() -> str:
    """Start a new generation now: the publish cache empties in every instance."""
    return _new_generation()


def _new_generation() -> str:
    token = uuid.uuid4().hex[:16]
    if not PublishGeneration.objects.filter(pk=ROW).update(token=token):
        PublishGeneration.objects.update_or_create(pk=ROW, defaults={"token": token})
    for store in _local_stores:
        # The change is committed: whatever the cache folder does, the editor's save stands
        # (activate handles folder faults itself and then serves nothing stale).
        try:
            store.activate(token)
        except Exception:
            logger.exception("publish cache: could not switch to generation %s", token)
    return token


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
