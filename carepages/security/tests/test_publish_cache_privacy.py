"""Attacker's checklist, publish cache: nothing private is ever kept or answered from the cache.

Every cache path is tried: the front's memory, the files nginx reads (a second store on the
same folder reads exactly what nginx would), and the warm-up (warm_publish_cache).
The nginx front itself is checked against the same rule in test_publish_cache_nginx.py.
"""

import gzip
import io

import brotli
import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.http.cookie import parse_cookie
from django.urls import reverse
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageViewRestriction

from carepages.publish_cache import rule
from carepages.publish_cache.generation import live_token
from carepages.publish_cache.store import PublishStore
from carepages.services.factories import ServicePageFactory
from carepages.testing.servers import call_front as call

from .conftest import PAGE

USERBAR = b"wagtail-userbar"


def on_disk(front, path=PAGE) -> bool:
    """What nginx would serve: the page's file under `current`, read by a fresh store."""
    return (front.store.root / "current" / path.strip("/") / "index.html").exists()


def cache_page(front, path=PAGE) -> bytes:
    call(front, path)
    status, headers, body = call(front, path)
    assert (status, headers.get("x-publish-cache")) == (200, "hit")
    assert on_disk(front, path)
    return body


def restrict(page, kind: str) -> PageViewRestriction:
    if kind == "password":
        return PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
        )
    if kind == "groups":
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.add(Group.objects.get_or_create(name="Verpleging")[0])
        return restriction
    return PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


def assert_private_now(front, path=PAGE):
    """Neither the memory nor the disk answers the page, and visitors do not get its text."""
    for _ in range(2):
        status, headers, body = call(front, path)
        assert "x-publish-cache" not in headers
        assert b"Cardiologie" not in body
        assert status in (200, 302, 401)
    assert not on_disk(front, path)
    assert PublishStore(front.store.root).get(path) is None


# -- privacy changes -------------------------------------------------------------


@pytest.mark.parametrize("kind", ["login", "password", "groups"])
@pytest.mark.parametrize("where", ["page", "ancestor"])
def test_a_restriction_set_from_a_shell_takes_the_page_out_of_every_cache(
    front, condition, commit, kind, where
):
    cache_page(front)
    with commit():
        restrict(condition if where == "page" else condition.get_parent(), kind)
    assert_private_now(front)


@pytest.mark.parametrize("kind", ["login", "password", "groups"])
def test_a_restriction_set_in_the_admins_privacy_dialog_takes_the_page_out(
    front, condition, commit, admin_client, kind
):
    cache_page(front)
    data = {"restriction_type": kind, "password": "geheim" if kind == "password" else ""}
    if kind == "groups":
        data["groups"] = [Group.objects.get_or_create(name="Verpleging")[0].pk]
    with commit():
        response = admin_client.post(reverse("wagtailadmin_pages:set_privacy", args=[condition.pk]), data)
    assert response.status_code == 200
    assert PageViewRestriction.objects.filter(page=condition).exists()
    assert_private_now(front)


def test_lifting_a_restriction_or_changing_its_groups_starts_a_new_generation(condition, commit):
    with commit():
        restriction = restrict(condition, "groups")
    before = live_token()
    with commit():
        restriction.groups.add(Group.objects.create(name="Artsen"))
    assert live_token() != before
    before = live_token()
    with commit():
        restriction.delete()
    assert live_token() != before


def test_a_page_moved_under_a_restricted_parent_leaves_the_cache(front, condition, commit, site_structure):
    cache_page(front)
    with commit():
        restrict(site_structure.services, "login")
        condition.move(site_structure.services, pos="last-child")
    call(front, "/diensten/hartfalen/")
    assert_private_now(front, "/diensten/hartfalen/")
    assert not on_disk(front)


def test_an_unpublish_from_a_shell_with_a_plain_save_leaves_the_cache(front, condition, commit):
    cache_page(front)
    with commit():
        condition.live = False
        condition.save()
    status, headers, _ = call(front, PAGE)
    assert (status, headers.get("x-publish-cache")) == (404, None)
    assert not on_disk(front)


def test_redirects_and_site_settings_start_a_new_generation(condition, commit):
    before = live_token()
    with commit():
        redirect = Redirect.objects.create(old_path="/oud", redirect_link="/aandoeningen/")
    assert live_token() != before
    before = live_token()
    with commit():
        redirect.delete()
    assert live_token() != before


# -- who may be answered from the cache ---------------------------------------------

# Spellings of the Cookie header, with what Django itself reads from it.
COOKIE_SPELLINGS = [
    "sessionid=abc",
    "sessionid =abc",
    " sessionid=abc",
    'sessionid="abc"',
    "theme=dark; sessionid=abc",
    "theme=dark, sessionid=abc",  # two Cookie headers joined by a proxy with a comma
    "theme=dark;sessionid=abc;lang=nl",
    "SESSIONID=abc",  # not a session for Django (names are case-sensitive); still kept private
    "messages=abc",
    "csrftoken=abc",
    "django_language=en",
]


@pytest.mark.parametrize("cookie", COOKIE_SPELLINGS)
def test_every_cookie_django_could_read_as_private_bypasses_the_cache(front, condition, cookie):
    assert rule.cookie_header_is_private(cookie)
    cache_page(front)
    _, headers, _ = call(front, PAGE, cookie=cookie)
    assert "x-publish-cache" not in headers
    assert headers["cache-control"] == "private, no-store"


@pytest.mark.parametrize("cookie", COOKIE_SPELLINGS)
def test_the_rule_is_at_least_as_strict_as_djangos_own_cookie_parser(cookie):
    django_reads = parse_cookie(cookie)
    if any(name in django_reads for name in rule.private_cookie_names()):
        assert rule.cookie_header_is_private(cookie)


@pytest.mark.parametrize("cookie", ["", "theme=dark", "_ga=GA1.1.123; theme=dark"])
def test_harmless_cookies_still_get_the_cached_page(front, condition, cookie):
    cache_page(front)
    _, headers, _ = call(front, PAGE, cookie=cookie)
    assert headers["x-publish-cache"] == "hit"


def test_an_authorization_header_bypasses_the_cache(front, condition):
    cache_page(front)
    _, headers, _ = call(front, PAGE, authorization="Basic ZWRpdG9yOmdlaGVpbQ==")
    assert "x-publish-cache" not in headers
    assert headers["cache-control"] == "private, no-store"


@pytest.mark.parametrize("spelling", ["sessionid ={key}", "sessionid={key}", 'sessionid="{key}"'])
def test_an_editors_page_with_the_userbar_is_never_stored(front, condition, admin_client, spelling):
    key = admin_client.cookies["sessionid"].value
    status, headers, body = call(front, PAGE, cookie=spelling.format(key=key))
    assert status == 200
    assert USERBAR in body  # Django saw the editor
    assert headers["cache-control"] == "private, no-store"
    for _ in range(2):
        _, headers, body = call(front, PAGE)
        assert USERBAR not in body
    assert USERBAR not in PublishStore(front.store.root).get(PAGE).body


def test_the_store_refuses_a_body_with_the_userbar_whoever_offers_it(tmp_path):
    store = PublishStore(tmp_path)
    store.activate("one")
    assert not store.put(PAGE, b"<html><template id='wagtail-userbar-template'>", store.live_token())
    assert store.get(PAGE) is None
    assert not (tmp_path / "current" / PAGE.strip("/") / "index.html").exists()


def test_answers_to_filtered_and_paged_pages_carry_cache_control(front, condition, admin_client):
    for query in ("locatie=campus-noord", "pagina=2"):
        _, headers, _ = call(front, PAGE, query=query)
        assert headers["cache-control"] == "public, no-cache", query
        key = admin_client.cookies["sessionid"].value
        _, headers, _ = call(front, PAGE, query=query, cookie=f"sessionid={key}")
        assert headers["cache-control"] == "private, no-store", query


# -- HEAD, conditional requests, encodings on every path ----------------------------------


def test_head_is_answered_without_a_body_on_a_miss_and_on_a_hit(front, condition):
    status, headers, body = call(front, PAGE, method="HEAD")
    assert (status, body) == (200, b"")
    assert headers["x-publish-cache"] == "miss"
    _, _, full = call(front, PAGE)
    status, headers, body = call(front, PAGE, method="HEAD")
    assert (status, body, headers["x-publish-cache"]) == (200, b"", "hit")
    assert headers["content-length"] == str(len(full))


def test_a_head_with_an_editors_session_is_not_kept(front, condition, admin_client):
    key = admin_client.cookies["sessionid"].value
    status, headers, body = call(front, PAGE, method="HEAD", cookie=f"sessionid ={key}")
    assert status == 200 and "x-publish-cache" not in headers
    _, _, body = call(front, PAGE)
    assert USERBAR not in body


@pytest.mark.parametrize(
    "if_none_match",
    ["{etag}", "W/{etag}", '"other", {etag}', '"other",{etag} , "third"', "*"],
)
def test_conditional_requests_get_304_for_any_matching_tag(front, condition, if_none_match):
    _, headers, _ = call(front, PAGE)  # a miss answers with the ETag already
    tag = headers["etag"]
    for method in ("GET", "HEAD"):
        status, answer, body = call(front, PAGE, method=method, if_none_match=if_none_match.format(etag=tag))
        assert (status, body, answer["etag"]) == (304, b"", tag), method


def test_a_stale_tag_gets_the_whole_page(front, condition):
    call(front, PAGE)
    status, _, body = call(front, PAGE, if_none_match='"0000", W/"1111"')
    assert status == 200 and b"Cardiologie" in body


def test_a_conditional_request_after_a_change_gets_304_from_the_fresh_render(front, condition, commit):
    _, headers, _ = call(front, PAGE)
    with commit():
        condition.get_parent().save_revision().publish()  # a change elsewhere: the cache empties
    status, answer, _ = call(front, PAGE, if_none_match=headers["etag"])
    assert (status, answer["x-publish-cache"]) == (304, "miss")


@pytest.mark.parametrize(
    "accept, encoding",
    [
        ("br;q=0, gzip", "gzip"),
        ("gzip, br;q=0.0", "gzip"),
        ("br;q=0, gzip;q=0", None),
        ("gzip;q=0", None),
        ("identity", None),
        ("BR", "br"),
        ("*", "br"),
        ("*, br;q=0", "gzip"),
        ("gzip; q=0.5, br; q=0.8", "br"),
        ("gzip;q=1, br;q=0.1", "gzip"),
        ("brotli, xgzip", None),
    ],
)
def test_accept_encoding_is_parsed_with_its_q_values(front, condition, accept, encoding):
    cache_page(front)
    _, headers, body = call(front, PAGE, accept_encoding=accept)
    assert headers.get("content-encoding") == encoding
    decoded = {"br": brotli.decompress, "gzip": gzip.decompress, None: bytes}[encoding](body)
    assert decoded == call(front, PAGE)[2]


# -- the warm-up --------------------------------------------------------------------


def test_the_warm_up_writes_only_public_pages_and_removes_what_stopped_being_public(
    front, condition, commit, settings
):
    settings.PUBLISH_CACHE_DIR = str(front.store.root)
    call_command("warm_publish_cache", stdout=io.StringIO())
    assert on_disk(front)
    # A file left from before privacy was a content change (an older release, a copy by hand):
    stale = front.store.root / "current" / "aandoeningen" / "geheim" / "index.html"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"<p>vertrouwelijk</p>")
    PageViewRestriction.objects.create(
        page=condition, restriction_type=PageViewRestriction.LOGIN
    )  # no commit
    out = io.StringIO()
    call_command("warm_publish_cache", stdout=out)
    assert not stale.exists()
    assert not on_disk(front)
    assert on_disk(front, "/aandoeningen/")
    assert PublishStore(front.store.root).get(PAGE) is None


def test_the_rule_and_the_warm_ups_query_agree(condition, site_structure):
    restrict(site_structure.services, "password")
    public = set(rule.public_pages().values_list("pk", flat=True))
    ServicePageFactory(parent=site_structure.services, title="Oncologie")
    for page in Page.objects.all():
        assert (page.pk in public) == rule.page_is_public(page), page


@pytest.mark.parametrize("where", ["the original", "an ancestor of the alias"])
def test_an_alias_is_as_private_as_wagtail_says(condition, site_structure, where):
    alias = condition.create_alias(parent=site_structure.conditions, update_slug="hartfalen-kopie")
    assert rule.page_is_public(alias)
    restrict(condition if where == "the original" else site_structure.conditions, "login")
    alias.refresh_from_db()
    assert alias.get_view_restrictions().exists()  # Wagtail's own answer
    assert not rule.page_is_public(alias)
