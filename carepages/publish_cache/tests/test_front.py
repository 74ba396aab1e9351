"""The publish-cache front in front of the real Django application, in this process."""

import gzip
import io

import brotli
import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from carepages.publish_cache.front import PublishCacheFront
from carepages.publish_cache.generation import unregister_local_store
from carepages.publish_cache.store import PublishStore
from carepages.testing.servers import call_front as call
from carepages.testing.servers import front_in_this_process

PAGE = "/aandoeningen/hartfalen/"


@pytest.fixture
def front(db, tmp_path, django_capture_on_commit_callbacks):
    with front_in_this_process(tmp_path / "publish-cache") as front:
        yield front


@pytest.fixture
def condition(small_hospital):
    return small_hospital.condition, small_hospital.service, small_hospital.campus


def test_a_published_page_is_rendered_once_then_answered_without_django(
    front, condition, django_assert_num_queries
):
    status, headers, first = call(front, PAGE)
    assert (status, headers["x-publish-cache"]) == (200, "miss")
    assert b"Cardiologie" in first

    with django_assert_num_queries(0):
        status, headers, again = call(front, PAGE)
    assert (status, headers["x-publish-cache"]) == (200, "hit")
    assert again == first
    assert headers["content-type"] == "text/html; charset=utf-8"


def test_compressed_answers_and_revalidation(front, condition):
    call(front, PAGE)
    _, _, plain = call(front, PAGE)

    _, headers, body = call(front, PAGE, accept_encoding="gzip, deflate, br")
    assert headers["content-encoding"] == "br"
    assert brotli.decompress(body) == plain
    _, headers, body = call(front, PAGE, accept_encoding="gzip")
    assert headers["content-encoding"] == "gzip"
    assert gzip.decompress(body) == plain
    assert headers["vary"] == "Accept-Encoding"

    status, _, body = call(front, PAGE, if_none_match=headers["etag"])
    assert (status, body) == (304, b"")


@pytest.mark.parametrize(
    "request_kwargs",
    [
        # A known campus is answered from memory since issue 9 (test_memory_answers.py);
        # an unknown one, and a page past the last, are still Django's every time.
        {"query": "locatie=bestaat-niet"},
        {"query": "pagina=2"},
        {"cookie": "sessionid=abc123"},
        {"method": "POST"},
    ],
    ids=["unknown-campus-filter", "paging-past-the-end", "editor-session", "post"],
)
def test_filters_sessions_and_posts_go_to_django(front, condition, request_kwargs):
    call(front, PAGE)  # cached now
    _, headers, _ = call(front, PAGE, **request_kwargs)
    assert "x-publish-cache" not in headers


def test_a_filtered_page_is_never_kept_for_plain_visitors(front, condition):
    _, _, filtered = call(front, PAGE, query="locatie=bestaat-niet")
    assert b"bestaat niet" in filtered
    _, headers, plain = call(front, PAGE)
    assert headers["x-publish-cache"] == "miss"
    assert b"bestaat niet" not in plain


def test_admin_search_and_missing_pages_are_not_kept(front, condition):
    for path in ("/admin/", "/zoeken/", "/aandoeningen/bestaat-niet/"):
        call(front, path)
        _, headers, _ = call(front, path)
        assert "x-publish-cache" not in headers, path


def test_a_renamed_service_shows_at_once_on_the_condition(
    front, condition, django_capture_on_commit_callbacks
):
    _, service, _ = condition
    call(front, PAGE)
    assert call(front, PAGE)[1]["x-publish-cache"] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        service.title = "Cardiologie en hartchirurgie"
        service.save_revision().publish()

    _, headers, body = call(front, PAGE)
    assert headers["x-publish-cache"] == "miss"
    assert b"Cardiologie en hartchirurgie" in body


def test_an_unpublished_page_is_gone_at_once(front, condition, django_capture_on_commit_callbacks):
    page, _, _ = condition
    call(front, PAGE)
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    status, headers, _ = call(front, PAGE)
    assert status == 404
    assert "x-publish-cache" not in headers


def test_a_saved_draft_does_not_reach_visitors(front, condition, django_capture_on_commit_callbacks):
    page, _, _ = condition
    call(front, PAGE)
    with django_capture_on_commit_callbacks(execute=True):
        page.title = "Hartfalen (concept)"
        page.save_revision()
    _, headers, body = call(front, PAGE)
    assert headers["x-publish-cache"] == "hit"
    assert b"concept" not in body


def test_cached_answers_carry_the_security_headers_django_sends(front, condition, settings):
    settings.CONTENT_SECURITY_POLICY = "default-src 'self'; frame-ancestors 'none'"
    settings.MIDDLEWARE = [
        "carepages.security.headers.ContentSecurityPolicyMiddleware",
        *settings.MIDDLEWARE,
    ]
    django = WSGIHandler()  # built after the settings change, like the front below
    _, django_headers, _ = call(django, PAGE)
    cached_front = PublishCacheFront(django, store=front.store, follow_database=False)
    unregister_local_store(front.store)  # registered twice now; the fixture removes the other
    call(cached_front, PAGE)
    _, headers, _ = call(cached_front, PAGE)
    assert headers["x-publish-cache"] == "hit"
    for name in ("content-security-policy", "x-content-type-options", "referrer-policy", "x-frame-options"):
        assert headers[name] == django_headers[name], name


def test_a_render_that_started_before_a_change_is_not_kept(tmp_path):
    store = PublishStore(tmp_path)
    store.activate("first")
    token = store.live_token()
    store.activate("second")  # content changed while the page was rendering
    assert not store.put(PAGE, b"<p>old</p>", token)
    assert store.get(PAGE) is None
    assert store.put(PAGE, b"<p>new</p>", store.live_token())
    assert store.get(PAGE).body == b"<p>new</p>"


def test_warming_puts_every_live_page_in_the_cache(front, condition, settings, tmp_path):
    settings.PUBLISH_CACHE_DIR = str(tmp_path / "warmed")
    out = io.StringIO()
    call_command("warm_publish_cache", stdout=out)
    assert "not kept" not in out.getvalue()
    store = PublishStore(tmp_path / "warmed")
    for path in ("/", "/aandoeningen/", PAGE, "/diensten/cardiologie/", "/locaties/campus-noord/"):
        assert store.get(path) is not None, path
    assert b"Cardiologie" in store.get(PAGE).body


def test_a_page_behind_a_password_is_never_kept(front, condition):
    page, _, _ = condition
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="x")
    for _ in range(2):
        status, headers, body = call(front, PAGE)
        assert "x-publish-cache" not in headers
        assert b"Cardiologie" not in body
