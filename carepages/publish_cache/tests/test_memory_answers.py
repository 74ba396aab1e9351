"""The API's reads, filtered listings and the sitemap, answered by the front from memory."""

import gzip

import brotli
import pytest
from django.core.handlers.wsgi import WSGIHandler
from wagtail.models import PageViewRestriction

from carepages.publish_cache import store as store_module
from carepages.testing.servers import call_front as call
from carepages.testing.servers import front_in_this_process

PAGE = "/aandoeningen/hartfalen/"
API_DETAIL = "/api/v1/conditions/hartfalen/"
# What a visitor must get from the cache exactly as Django gave it.
KEPT_HEADERS = (
    "content-type",
    "cache-control",
    "etag",
    "last-modified",
    "access-control-allow-origin",
    "access-control-allow-methods",
    "access-control-expose-headers",
    "content-security-policy",
    "x-content-type-options",
    "referrer-policy",
    "x-frame-options",
)


@pytest.fixture
def front(db, tmp_path, settings, django_capture_on_commit_callbacks):
    # The security headers of production, so that the test sees them kept.
    settings.CONTENT_SECURITY_POLICY = "default-src 'self'; frame-ancestors 'none'"
    settings.SECURE_CONTENT_TYPE_NOSNIFF = True
    settings.SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
    settings.MIDDLEWARE = ["carepages.security.headers.ContentSecurityPolicyMiddleware", *settings.MIDDLEWARE]
    with front_in_this_process(tmp_path / "publish-cache") as front:
        yield front


@pytest.fixture
def condition(small_hospital):
    return small_hospital.condition, small_hospital.service, small_hospital.campus


def kept(headers: dict) -> dict:
    return {name: headers.get(name) for name in KEPT_HEADERS}


@pytest.mark.parametrize(
    "path, query, content_type",
    [
        (API_DETAIL, "", "application/json"),
        ("/api/v1/services/", "location=campus-noord&limit=5", "application/json"),
        (PAGE, "locatie=campus-noord", "text/html"),
        ("/diensten/", "locatie=campus-noord&pagina=1", "text/html"),
        ("/sitemap.xml", "", "application/xml"),
    ],
    ids=["api-detail", "api-list", "filtered-condition", "filtered-services", "sitemap"],
)
def test_a_second_request_is_answered_from_memory_with_djangos_body_and_headers(
    front, condition, django_assert_num_queries, path, query, content_type
):
    _, from_django, django_body = call(WSGIHandler(), path, query=query)
    status, first, body = call(front, path, query=query)
    assert (status, first["x-publish-cache"]) == (200, "miss")
    assert first["content-type"].startswith(content_type)

    with django_assert_num_queries(0):
        status, again, cached = call(front, path, query=query)
    assert (status, again["x-publish-cache"]) == (200, "hit")
    assert cached == body == django_body
    assert kept(again) == kept(first)
    present = {name: value for name, value in kept(from_django).items() if value is not None}
    if "etag" not in from_django:
        present.pop("etag", None)  # pages get the front's ETag, as the pages on disk do
    assert present.items() <= kept(again).items()
    assert again["content-security-policy"] == "default-src 'self'; frame-ancestors 'none'"
    assert again["x-content-type-options"] == "nosniff"
    vary = {part.strip() for part in again["vary"].split(",")}
    assert {part.strip() for part in from_django.get("vary", "").split(",") if part} | {
        "Accept-Encoding"
    } == vary


def test_the_api_answer_is_compressed_and_revalidated_from_memory(front, condition):
    _, first, plain = call(front, API_DETAIL)
    _, headers, body = call(front, API_DETAIL, accept_encoding="br, gzip")
    assert (headers["content-encoding"], brotli.decompress(body)) == ("br", plain)
    _, headers, body = call(front, API_DETAIL, accept_encoding="gzip")
    assert (headers["content-encoding"], gzip.decompress(body)) == ("gzip", plain)

    status, headers, body = call(front, API_DETAIL, if_none_match=first["etag"])
    assert (status, body, headers["x-publish-cache"]) == (304, b"", "hit")
    assert headers["access-control-allow-origin"] == "*"
    status, _, _ = call(front, API_DETAIL, if_modified_since=first["last-modified"])
    assert status == 304
    status, headers, body = call(front, API_DETAIL, method="HEAD")
    assert (status, body, headers["content-length"]) == (200, b"", str(len(plain)))


def test_reordered_and_encoded_parameters_share_one_answer(front, condition):
    call(front, "/api/v1/services/", query="limit=5&location=campus-noord")
    _, headers, _ = call(front, "/api/v1/services/", query="location=campus%2Dnoord&limit=5")
    assert headers["x-publish-cache"] == "hit"
    assert front.store.answer_keys() == {"http://testserver/api/v1/services/?limit=5&location=campus-noord"}


@pytest.mark.parametrize(
    "path, query",
    [
        (PAGE, "pagina=2"),  # past the last page: Django shows the last one, with a message
        (PAGE, "locatie=bestaat-niet"),  # no such campus: every service, with a message
        (PAGE, "pagina=1&pagina=2"),  # repeated
        (PAGE, "pagina=01"),  # not the canonical spelling
        (PAGE, "utm_source=nieuwsbrief"),  # unknown parameter
        ("/locaties/", "pagina=1"),  # a page without a listing: the parameter changes nothing
        ("/api/v1/conditions/", "offset=500"),  # past the end of the list
        ("/api/v1/conditions/", "limit=500"),  # out of range: a 400 from Django
        ("/api/v1/conditions/bestaat-niet/", ""),  # 404
        ("/api/v1/search/", "q=hart"),  # search stays live
    ],
)
def test_answers_that_are_not_the_real_thing_are_never_kept(front, condition, path, query):
    for _ in range(2):
        _, headers, _ = call(front, path, query=query)
        assert headers.get("x-publish-cache") is None
    assert front.store.answer_keys() == set()


def test_a_flood_of_page_numbers_leaves_the_store_bounded_and_the_common_page_cached(front, condition):
    call(front, PAGE)
    call(front, PAGE, query="locatie=campus-noord")
    for number in range(2, 2_002):
        status, headers, body = call(front, PAGE, query=f"pagina={number}")
        assert status == 200 and headers.get("x-publish-cache") is None
    for query in ("pagina=1000000", "pagina=2&utm=x", "zzz=1&pagina=2"):
        assert call(front, PAGE, query=query)[1].get("x-publish-cache") is None

    assert front.store.answer_keys() == {"http://testserver" + PAGE + "?locatie=campus-noord"}
    assert call(front, PAGE)[1]["x-publish-cache"] == "hit"
    assert call(front, PAGE, query="locatie=campus-noord")[1]["x-publish-cache"] == "hit"


def test_past_the_bound_new_variants_go_to_django_and_kept_answers_stay(front, condition, monkeypatch):
    monkeypatch.setattr(store_module, "MAX_QUERY_ANSWERS", 3)
    call(front, API_DETAIL)
    for limit in range(1, 7):
        call(front, "/api/v1/conditions/", query=f"limit={limit}")
    _, headers, _ = call(front, "/api/v1/conditions/", query="limit=6")
    assert headers.get("x-publish-cache") is None  # past the bound: Django answers, correctly
    assert call(front, "/api/v1/conditions/", query="limit=1")[1]["x-publish-cache"] == "hit"
    assert call(front, API_DETAIL)[1]["x-publish-cache"] == "hit"
    assert len(front.store.answer_keys()) == 4  # three variants and the detail


@pytest.mark.parametrize(
    "credentials",
    [{"cookie": "sessionid=abc123"}, {"cookie": "csrftoken=x"}, {"authorization": "Basic ZWRpdG9yOng="}],
    ids=["session", "csrf", "authorization"],
)
def test_requests_with_credentials_bypass_the_memory(front, condition, credentials):
    for path, query in ((API_DETAIL, ""), (PAGE, "locatie=campus-noord"), ("/sitemap.xml", "")):
        call(front, path, query=query)
        _, headers, _ = call(front, path, query=query, **credentials)
        assert "x-publish-cache" not in headers, path
        assert headers["cache-control"] in ("private, no-store", "private, no-store, max-age=300"), path


def test_nothing_of_the_api_is_kept_while_a_page_is_restricted(
    front, condition, django_capture_on_commit_callbacks
):
    page, _, _ = condition
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    for _ in range(2):
        _, headers, _ = call(front, "/api/v1/conditions/")
        assert headers.get("x-publish-cache") is None
    assert front.store.answer_keys() == set()


def test_a_publish_changes_the_api_answer_and_the_filtered_page_at_once(
    front, condition, django_capture_on_commit_callbacks
):
    _, service, _ = condition
    targets = [(API_DETAIL, ""), (PAGE, "locatie=campus-noord"), ("/api/v1/services/", "")]
    for path, query in targets:
        call(front, path, query=query)
        assert call(front, path, query=query)[1]["x-publish-cache"] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        service.title = "Cardiologie en hartchirurgie"
        service.save_revision().publish()

    for path, query in targets:
        _, headers, body = call(front, path, query=query)
        assert headers["x-publish-cache"] == "miss", path
        assert b"Cardiologie en hartchirurgie" in body, path


# -- the answers are files in the generation, shared by every worker (issue 9) -------------


def answer_files(front) -> list:
    """The answers' bodies on disk in the live generation (what nginx can serve)."""
    generation = front.store.root / f"g-{front.store.live_token()}"
    return [file for file in (generation / "_q").rglob("q*") if file.suffix in (".json", ".html", ".xml")]


def test_another_worker_answers_from_the_file_without_rendering(
    front, condition, tmp_path, django_assert_num_queries
):
    for path, query in ((API_DETAIL, ""), (PAGE, "locatie=campus-noord"), ("/sitemap.xml", "")):
        _, first, body = call(front, path, query=query)
        assert first["x-publish-cache"] == "miss"
        with front_in_this_process(front.store.root) as other:  # a second granian worker
            other._start_poller()  # its first look at the generation, before the first answer
            with django_assert_num_queries(0):
                status, headers, again = call(other, path, query=query)
        assert (status, headers["x-publish-cache"], again) == (200, "hit", body), path
        assert {k: v for k, v in headers.items() if k != "x-publish-cache"} == {
            k: v for k, v in first.items() if k != "x-publish-cache"
        }


def test_the_file_is_dated_as_the_answer_so_nginx_sends_the_same_last_modified(front, condition):
    from django.utils.http import parse_http_date

    for path, query in ((API_DETAIL, ""), (PAGE, "locatie=campus-noord")):
        _, headers, _ = call(front, path, query=query)
        key = "http://testserver" + path + (f"?{query}" if query else "")
        file = front.store.root / f"g-{front.store.live_token()}" / store_module.answer_file(key)
        assert int(file.stat().st_mtime) == parse_http_date(headers["last-modified"])
        status, again, body = call(front, path, query=query, if_modified_since=headers["last-modified"])
        assert (status, body, again["x-publish-cache"]) == (304, b"", "hit")


def test_a_flood_of_variants_stays_within_the_bounds_on_disk(front, condition, monkeypatch):
    monkeypatch.setattr(store_module, "MAX_QUERY_ANSWERS", 5)
    call(front, API_DETAIL)
    for limit in range(1, 41):
        for offset in ("", "&offset=0"):
            call(front, "/api/v1/conditions/", query=f"limit={limit}{offset}")
    files = answer_files(front)
    assert len([file for file in files if file.name != "q.json"]) == 5  # query strings: the bound
    assert len(files) == 6  # and the detail, which has none
    assert call(front, API_DETAIL)[1]["x-publish-cache"] == "hit"

    monkeypatch.setattr(store_module, "MAX_ANSWER_BYTES", 0)  # every byte spent: nothing new is written
    _, headers, _ = call(front, "/sitemap.xml")
    assert headers.get("x-publish-cache") is None
    assert len(answer_files(front)) == 6


def test_a_new_api_kind_is_kept_with_no_line_in_the_rule(db):
    from carepages.core import kinds
    from carepages.publish_cache import rule

    def key(path, query=""):
        return rule.memory_key({"REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": query})

    leaflet = kinds.PageKind(
        key="leaflet",
        api_type="leaflet",
        label="Folder",
        plural="Folders",
        soort="folder",
        index_slug="folders",
        format_key="leaflets",
        model="conditions.ConditionPage",
        order=99,
        api_segment="leaflets",
        api_filters=("service",),
    )
    assert key("/api/v1/leaflets/", "limit=5") is None
    with kinds.registered(leaflet):
        assert key("/api/v1/leaflets/", "service=cardiologie&limit=5") == (
            "/api/v1/leaflets/?limit=5&service=cardiologie"
        )
        assert key("/api/v1/leaflets/folder-hart/") == "/api/v1/leaflets/folder-hart/"
        assert key("/api/v1/leaflets/", "location=campus-noord") is None  # not one of its filters
    assert key("/api/v1/leaflets/folder-hart/") is None
