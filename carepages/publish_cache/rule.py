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

import re

from django.conf import settings
from django.http.cookie import parse_cookie

# Paths that are safe to map onto directories: slugs, lower case, ending in "/".
CACHEABLE_PATH = re.compile(r"^/(?:[a-z0-9][a-z0-9_-]*/)*$")
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
