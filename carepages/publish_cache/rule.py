"""The one rule that decides what the publish cache may keep and answer.

Every cache path asks this module, so they cannot disagree:

* the WSGI front (front.py) asks `request_may_use_cache` before it answers or keeps a page;
* the before_serve_page hook (wagtail_hooks.py) asks `page_is_public` of the page Wagtail serves;
* the store (store.py) asks `path_is_cacheable` and `body_is_public` before it writes a file;
* the warm-up (warm_publish_cache) renders `public_pages()` and removes every other file;
* the Cache-Control middleware (middleware.py) asks `request_is_private`;
* nginx (deploy/carepages.nginx.conf) repeats the request part in its `map` blocks, and
  carepages/security/tests/test_publish_cache_nginx.py runs the real nginx against the
  same table of requests as this module, so the two cannot drift.

Beside the pages, the front keeps as files the other answers that are the same
for everyone and change only with the content (`memory_key`): the API's lists and details
(not its search), filtered and paged listings (`?locatie=`, `?pagina=`) and the sitemap.
The API's kinds and the filters of their lists come from the page-kind registry
(`api_segment`, `api_filters` in carepages/core/kinds.py): a new kind needs no line here.
Only known parameters with well-formed values make a key, in one canonical order; any
other query string (unknown, repeated or malformed parameters) goes to Django, which
answers it as before. An answer is kept only when Django confirms it is the real thing
(`listing_is_exact`, `api_answer_may_be_kept`): a `?pagina=` past the last page or an
unknown campus is answered by Django every time, never stored.

A page is public when it is live and has no view restriction (login, password, groups)
on itself or an ancestor. A request may use the cache when it is a GET or HEAD of a page
path without query string and carries no credentials: no Authorization header and no
cookie Django would read as a session, a flash message, a CSRF token or a language.
Cookies are matched the conservative way nginx can do too: the cookie's name anywhere
in the Cookie header, in any case. That covers every spelling Django's own parser
(django.http.cookie.parse_cookie) reads as such a cookie (`sessionid =x`, quoted
values, several headers joined), and more: a false "private" only costs speed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from urllib.parse import parse_qsl, urlencode, urlsplit

from django.conf import settings
from django.http.cookie import parse_cookie

# Page paths that are safe to map onto directories: slugs, lower case, ending in "/". The
# API's paths have the same shape but are never pages: their answers are kept apart (below).
CACHEABLE_PATH = re.compile(r"^/(?!api/)(?:[a-z0-9][a-z0-9_-]*/)*$")
CACHEABLE_METHODS = ("GET", "HEAD")
# Django's message framework keeps flash messages in this cookie (CookieStorage).
MESSAGES_COOKIE = "messages"
# What an editor's or a visitor's own rendering carries; never in a page for everyone.
PRIVATE_MARKERS = (b"wagtail-userbar", b"csrfmiddlewaretoken")


def private_cookie_names() -> tuple[str, ...]:
    """Cookies that make Django render something for this visitor alone."""
    return (
        settings.SESSION_COOKIE_NAME,
        MESSAGES_COOKIE,
        settings.CSRF_COOKIE_NAME,
        settings.LANGUAGE_COOKIE_NAME,
    )


def cookie_header_is_private(header: str) -> bool:
    """True when the Cookie header may carry a private cookie (see the module docstring)."""
    if not header:
        return False
    names = private_cookie_names()
    if any(name in parse_cookie(header) for name in names):
        return True  # what Django reads; the check below is a superset, kept as nginx does it
    lowered = header.lower()
    return any(name.lower() in lowered for name in names)


def request_is_private(environ) -> bool:
    """Credentials or a private cookie: the answer is for this visitor alone."""
    return bool(environ.get("HTTP_AUTHORIZATION")) or cookie_header_is_private(environ.get("HTTP_COOKIE", ""))


def path_is_cacheable(path: str) -> bool:
    return bool(CACHEABLE_PATH.match(path))


def request_may_use_cache(environ) -> bool:
    """A plain GET/HEAD of a page path, no query string, no credentials (environ: WSGI or request.META)."""
    return (
        environ.get("REQUEST_METHOD") in CACHEABLE_METHODS
        and not environ.get("QUERY_STRING")
        and path_is_cacheable(environ.get("PATH_INFO", ""))
        and not request_is_private(environ)
    )


def page_is_public(page) -> bool:
    """Live, and no view restriction on the page, an ancestor, or the page either is an alias of.

    What Wagtail's `get_view_restrictions()` finds, in one query instead of two: the ancestors'
    paths are the prefixes of the page's own tree path.
    """
    from django.db.models import Q
    from wagtail.models import PageViewRestriction

    if not page.live:
        return False
    paths = [page.path[:end] for end in range(page.steplen, len(page.path) + 1, page.steplen)]
    restricted = Q(page__path__in=paths) | Q(page__aliases__path__in=paths)
    return not PageViewRestriction.objects.filter(restricted).exists()


def public_pages():
    """Every page `page_is_public` accepts, as one query (for the warm-up)."""
    from wagtail.models import Page

    return Page.objects.live().public()


def body_is_public(body: bytes) -> bool:
    """A last check on the bytes: an editor's userbar or a visitor's CSRF token is never stored."""
    return not any(marker in body for marker in PRIVATE_MARKERS)


# -- answers kept beside the pages: the API's reads, filtered listings, the sitemap ---------

SITEMAP_PATH = "/sitemap.xml"
# The API's lists and details: /api/v1/<segment>/ and /api/v1/<segment>/<slug>/. Which segments
# are kept is the page-kind registry's (`api_segment`, carepages/core/kinds.py): not
# /api/v1/search/, which stays live.
API_PATH = re.compile(r"^/api/v1/([a-z][a-z0-9_-]*)/(?:([a-z0-9][a-z0-9_-]*)/)?$")
SLUG_VALUE = re.compile(r"[a-z0-9][a-z0-9_-]{0,99}")
# The API's own bounds (carepages/api/api.py): limit 1–100, offset 0–1,000,000.
MAX_API_LIMIT = 100
MAX_API_OFFSET = 1_000_000
# Listings show 10 services a page; 9,999 pages is far beyond any hospital.
PAGE_NUMBER = re.compile(r"[1-9][0-9]{0,3}")


def _slug(value: str) -> bool:
    return bool(SLUG_VALUE.fullmatch(value))


def _slug_or_all(value: str) -> bool:
    return value == "" or _slug(value)  # the filter form's "Alle locaties" sends ?locatie=


def _page_number(value: str) -> bool:
    return bool(PAGE_NUMBER.fullmatch(value))


def _limit(value: str) -> bool:
    return bool(re.fullmatch(r"[1-9][0-9]{0,2}", value)) and int(value) <= MAX_API_LIMIT


def _offset(value: str) -> bool:
    return bool(re.fullmatch(r"0|[1-9][0-9]{0,6}", value)) and int(value) <= MAX_API_OFFSET


def api_read(path: str) -> tuple[str, bool] | None:
    """(segment, is_detail) for a list or a detail of a page kind the API serves; None otherwise."""
    from carepages.core import kinds

    match = API_PATH.match(path)
    if match is None or match.group(1) not in kinds.api_segments():
        return None
    return match.group(1), match.group(2) is not None


def known_parameters(path: str) -> dict[str, Callable[[str], bool]] | None:
    """The query parameters an answer kept by the front may have at `path`; None: never kept."""
    from carepages.core import kinds

    if path == SITEMAP_PATH:
        return {}
    if api := api_read(path):
        segment, is_detail = api
        if is_detail:
            return {}
        filters = kinds.api_segments()[segment]
        return {"limit": _limit, "offset": _offset} | dict.fromkeys(filters, _slug)
    if path_is_cacheable(path):
        return {"locatie": _slug_or_all, "pagina": _page_number}
    return None


def memory_key(environ) -> str | None:
    """The canonical "path?query" of a request the front may answer from a kept answer, or None.

    None for a plain page path (the pages on disk answer those), for credentials, and for
    any query string that is not made of known parameters with valid values, each once.
    """
    if environ.get("REQUEST_METHOD") not in CACHEABLE_METHODS or request_is_private(environ):
        return None
    path, query = environ.get("PATH_INFO", ""), environ.get("QUERY_STRING", "")
    allowed = known_parameters(path)
    if allowed is None or (not query and path_is_cacheable(path)):
        return None
    try:
        pairs = parse_qsl(query, keep_blank_values=True, max_num_fields=len(allowed) or 1)
    except ValueError:
        return None  # more fields than the path knows
    names = [name for name, _ in pairs]
    if len(set(names)) != len(names):
        return None  # a repeated parameter: Django reads the last one, a key must not guess
    if not all(name in allowed and allowed[name](value) for name, value in pairs):
        return None
    canonical = urlencode(sorted(pairs))
    return f"{path}?{canonical}" if canonical else path


def listing_is_exact(context: dict) -> bool:
    """A filtered or paged page is the one asked for: it has a listing that corrected nothing.

    The listing (carepages/services/listing.py) answers a page past the last one with the
    last page and an unknown campus with every service, each with a message: such
    answers are not what their query string says, so they are never kept.
    """
    listing = context.get("listing")
    return listing is not None and not getattr(listing, "messages", None)


def api_answer_may_be_kept(key: str, body: bytes) -> bool:
    """An API answer kept only when everything the API can show is public, and a page is not empty.

    The API lists every live page of its kinds; while any page has a view restriction it
    could show one, so nothing of it is kept (Django answers). A list past its end
    (`offset` beyond `count`) is answered by Django each time: a flood of offsets stores nothing.
    """
    from wagtail.models import PageViewRestriction

    if PageViewRestriction.objects.exists():
        return False
    api = api_read(urlsplit(key).path)
    if api and not api[1] and "offset=" in key:
        try:
            return bool(json.loads(body).get("results"))
        except (ValueError, AttributeError):
            return False
    return True
