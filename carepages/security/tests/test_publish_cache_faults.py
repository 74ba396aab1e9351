"""Attacker's checklist, publish cache faults: a broken cache folder makes the site slower, never wrong.

We run as root, so permissions cannot make the folder unwritable; the faults are made
real another way: the folder deleted while serving, the folder replaced by a file (every
write fails, as on a full or read-only disk), a generation that cannot be created.
"""

import logging
import shutil

import pytest
from django.urls import reverse

from carepages.publish_cache.generation import live_token, poll_once
from carepages.publish_cache.store import PublishStore
from carepages.testing.servers import call_front as call

from .conftest import PAGE

LOGGER = "carepages.publish_cache"


def faults_logged(caplog) -> list[str]:
    records = [r for r in caplog.records if r.name.startswith(LOGGER)]
    return [r.getMessage() for r in records if r.levelno >= logging.WARNING]


def cache_page(front):
    call(front, PAGE)
    assert call(front, PAGE)[1]["x-publish-cache"] == "hit"


def break_folder(root):
    """Replace the cache folder by a file: nothing can be written under it any more."""
    shutil.rmtree(root)
    root.write_text("not a folder")


def test_a_folder_deleted_while_serving_is_recreated_and_pages_are_cached_again(front, condition, caplog):
    cache_page(front)
    shutil.rmtree(front.store.root)
    with caplog.at_level(logging.INFO, logger=LOGGER):
        for _ in range(3):
            poll_once(front.store)  # the poller of every worker, twice a second
            status, _, body = call(front, PAGE)
            assert status == 200 and b"Cardiologie" in body
        assert not any(r.exc_info for r in caplog.records), "no traceback"
    assert (front.store.root / "current" / PAGE.strip("/") / "index.html").exists()
    assert call(front, PAGE)[1]["x-publish-cache"] == "hit"


def test_an_unwritable_folder_never_leaves_an_unpublished_page_live(
    front, condition, commit, admin_client, caplog
):
    cache_page(front)
    break_folder(front.store.root)
    with caplog.at_level(logging.INFO, logger=LOGGER), commit():
        response = admin_client.post(reverse("wagtailadmin_pages:unpublish", args=[condition.pk]))
    assert response.status_code == 302  # the editor's save stands, no 500
    condition.refresh_from_db()
    assert not condition.live
    status, headers, _ = call(front, PAGE)
    assert (status, headers.get("x-publish-cache")) == (404, None)  # visible at once


def test_an_unwritable_folder_serves_through_django_and_logs_the_fault_once(front, condition, commit, caplog):
    cache_page(front)
    break_folder(front.store.root)
    with caplog.at_level(logging.INFO, logger=LOGGER):
        with commit():
            condition.get_parent().save_revision().publish()
        for _ in range(5):
            poll_once(front.store)
            status, headers, body = call(front, PAGE)
            assert (status, headers.get("x-publish-cache")) == (200, None)
            assert b"Cardiologie" in body
    assert len(faults_logged(caplog)) == 1, faults_logged(caplog)
    assert not any(r.exc_info for r in caplog.records)

    # The folder comes back (disk freed, mount repaired): the cache works again, said once.
    front.store.root.unlink()
    caplog.clear()
    with caplog.at_level(logging.INFO, logger=LOGGER):
        poll_once(front.store)
        call(front, PAGE)
        assert call(front, PAGE)[1]["x-publish-cache"] == "hit"
    assert len([r for r in caplog.records if r.name.startswith(LOGGER)]) == 1


def test_a_generation_that_cannot_be_created_is_not_left_live_for_nginx(tmp_path):
    store = PublishStore(tmp_path)
    store.activate("old")
    assert store.put(PAGE, b"<p>oud</p>", "old")
    (tmp_path / "g-new").write_text("in the way")  # mkdir of the new generation fails
    store.activate("new")
    # nginx follows `current`: it must not point at the old generation any more.
    assert not (tmp_path / "current").exists()
    assert store.get(PAGE) is None
    assert not store.put(PAGE, b"<p>nieuw</p>", store.live_token())


@pytest.mark.django_db
def test_a_store_on_an_unusable_path_starts_and_serves_nothing(tmp_path):
    path = tmp_path / "file"
    path.write_text("not a folder")
    store = PublishStore(path)  # `make serve` must still start
    poll_once(store)
    assert store.get(PAGE) is None
    assert not store.put(PAGE, b"<p>x</p>", live_token())


def test_a_page_that_cannot_be_written_is_served_by_django_and_logged_once(front, condition, caplog):
    call(front, "/")  # the generation exists
    generation = front.store.root / "current"
    (generation / "aandoeningen").mkdir(exist_ok=True)
    blocked = generation / "aandoeningen" / "hartfalen"
    blocked.write_text("in the way")  # the page's folder cannot be made
    with caplog.at_level(logging.INFO, logger=LOGGER):
        for _ in range(3):
            status, headers, body = call(front, PAGE)
            assert (status, headers.get("x-publish-cache")) == (200, None)
            assert b"Cardiologie" in body
    assert len(faults_logged(caplog)) == 1, faults_logged(caplog)
    assert call(front, "/")[1]["x-publish-cache"] == "hit"  # what was cached stays valid
