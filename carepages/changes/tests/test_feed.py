"""The change feed, as the apps that follow it (and an operator counting queries) see it."""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from carepages.changes import feed
from carepages.changes.models import ContentChange
from carepages.conditions.factories import ConditionPageFactory
from carepages.content_io.importer import import_document
from carepages.core.testing import hospital_file
from carepages.doctors.factories import DoctorPageFactory
from carepages.doctors.models import DoctorService
from carepages.search.following import IndexCache
from carepages.services.factories import ServicePageFactory

#: SQL statements of one publish (title changed, search document rewritten, publish cache
#: emptied) before the feed, when search and publish cache each kept their own row.
QUERIES_PER_PUBLISH_BEFORE_THE_FEED = 64


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`with committed():` runs the on-commit callbacks, as the end of a real transaction would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def page(site_structure, committed):
    with committed():
        return ConditionPageFactory(parent=site_structure.conditions, title="Artrose", slug="artrose")


def changes() -> list[tuple[int, list[int]]]:
    return list(ContentChange.objects.order_by("seq").values_list("seq", "page_ids"))


def test_a_transaction_writes_one_change_on_commit_naming_every_page_it_changed(page, committed):
    other = ConditionPageFactory(parent=page.get_parent(), title="Jicht", slug="jicht")  # not yet committed
    before = changes()
    with committed():
        page.title = "Artrose bij ouderen"
        page.save_revision().publish()
        other.title = "Jicht (podagra)"
        other.save_revision().publish()
        assert changes() == before  # nothing until the commit

    (seq, page_ids), *_ = changes()[len(before) :]
    assert changes()[len(before) :] == [(seq, sorted({page.pk, other.pk}))]
    assert seq == before[-1][0] + 1


def test_a_rolled_back_transaction_leaves_no_change(page, committed):
    before = changes()
    with committed():
        try:
            with transaction.atomic():
                page.title = "Nooit gepubliceerd"
                page.save_revision().publish()
                raise RuntimeError("the editor's request failed")
        except RuntimeError:
            pass
    assert changes() == before


def test_site_wide_content_is_a_change_without_pages(page, committed):
    before = changes()
    with committed():
        Redirect.objects.create(old_path="/oud", redirect_link="/aandoeningen/artrose/")
    assert changes()[len(before) :] == [(before[-1][0] + 1, [])]


def test_an_import_of_many_pages_is_one_change(site_structure, committed):
    before, pages_before = changes(), set(Page.objects.values_list("pk", flat=True))
    with committed():
        import_document(hospital_file())
    imported = set(Page.objects.values_list("pk", flat=True)) - pages_before
    new = changes()[len(before) :]
    assert len(new) == 1
    assert len(imported) > 1 and imported <= set(new[0][1])  # every imported page, in one row


def test_subscribers_hear_of_a_change_at_once_in_the_writing_process(page, committed):
    heard = []
    feed.subscribe(heard.extend)
    try:
        with committed():
            page.unpublish()
    finally:
        feed.unsubscribe(heard.extend)
    assert [change.page_ids for change in heard] == [(page.pk,)]
    assert heard[0].token == feed.head().token


def test_a_follower_reads_each_change_once_in_order(page, committed):
    follower = feed.Follower()
    assert follower.read() is None  # the first read: start from the current state
    assert follower.read() == []
    for title in ("Een", "Twee"):
        with committed():
            page.title = title
            page.save_revision().publish()
    read = follower.read()
    assert [change.seq for change in read] == sorted(change.seq for change in read)
    assert len(read) == 2 and all(change.page_ids == (page.pk,) for change in read)
    assert follower.read() == []


def test_a_follower_whose_history_is_gone_starts_over(page, committed):
    follower = feed.Follower()
    follower.read()
    ContentChange.objects.all().delete()  # a restored database, or pruned while far behind
    with committed():
        page.unpublish()
    assert follower.read() is None
    assert follower.read() == []


def test_a_publish_costs_no_more_queries_than_before_the_feed(page, committed):
    page.title = "Artrose bij ouderen"
    revision = page.save_revision()
    with CaptureQueriesContext(connection) as queries, committed():
        revision.publish()
    feed_queries = [q["sql"] for q in queries.captured_queries if '"changes_' in q["sql"]]
    assert len(feed_queries) == 3  # lock and read the counter, write the change
    assert len(queries) <= QUERIES_PER_PUBLISH_BEFORE_THE_FEED


def test_a_search_process_checks_the_feed_with_one_query_when_nothing_changed(page, committed):
    index = IndexCache()
    index.current()
    with CaptureQueriesContext(connection) as queries:
        index.current()
    assert len(queries) == 1


def test_a_link_row_saved_from_a_shell_is_a_change_whatever_app_holds_it(site_structure, committed):
    # A doctor's services show on the services' pages: adding one from a shell (not a
    # publish) must reach the publish cache and search like any other content change.
    with committed():
        service = ServicePageFactory(parent=site_structure.services, title="Cardiologie")
        doctor = DoctorPageFactory(parent=site_structure.doctors, title="An Voorbeeld")
    before = changes()
    with committed():
        DoctorService.objects.create(page=doctor, service=service)
    assert changes()[len(before) :] == [(before[-1][0] + 1, [])]


def test_a_follower_does_not_read_again_the_pages_of_the_change_it_read_last(page, committed):
    """Before every search the index reads the feed since the change it saw last: after an import,
    that change names thousands of pages, read again and again until the next change. Only its
    position (seq and token) is read: its page ids are not, whatever they hold."""
    follower = feed.Follower()
    follower.read()
    with committed():
        page.unpublish()
    assert [change.page_ids for change in follower.read()] == [(page.pk,)]
    # Not a list of pages any more: reading it would fail.
    ContentChange.objects.filter(seq=follower.seq).update(page_ids=5)
    with CaptureQueriesContext(connection) as queries:
        assert follower.read() == []
    assert len(queries) == 1
    with committed():
        page.save_revision().publish()
    assert [change.page_ids for change in follower.read()] == [(page.pk,)]


def test_the_head_of_the_feed_is_its_position_without_the_pages(site_structure, committed):
    """The publish cache polls the head every 0.5 s: after an import it does not read its pages."""
    with committed():
        import_document(hospital_file())
    newest = ContentChange.objects.order_by("-seq").first()
    assert len(newest.page_ids) > 1
    assert (feed.head().seq, feed.head().token, feed.head().page_ids) == (newest.seq, newest.token, ())
