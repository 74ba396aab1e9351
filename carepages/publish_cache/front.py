"""The WSGI front: answers published pages from the publish cache, everything else goes to Django.

Which requests qualify is the rule in rule.py (a plain GET/HEAD of a page path, no
query string, no credentials, no cookie Django would read as private), plus, when
HTTPS is enforced, HTTPS. A miss is rendered by Django (a HEAD as a GET, so it can be
kept too); when the before_serve_page hook marked it as a public page, the bytes are
kept for the next request. Admin, search, previews and documents never qualify.
Conditional requests (If-None-Match, lists and weak tags) and Accept-Encoding (with
q-values) are answered on the miss and on the hit alike.

The API's reads, filtered and paged listings and the sitemap are kept as files by the
same generation (`memory_key` in rule.py names them; store.py writes them, nginx serves
them too): rendered once by Django with the canonical query string, then answered with
Django's own headers (Content-Type, CORS, Cache-Control, Last-Modified, ETag) plus the
security headers, until the next change.
"""

from __future__ import annotations

import logging
import threading
import time

from django.conf import settings
from django.utils.http import parse_etags, parse_http_date_safe

from .rule import (
    SITEMAP_PATH,
    api_answer_may_be_kept,
    api_read,
    body_is_public,
    memory_key,
    request_may_use_cache,
)
from .store import Answer, Entry, PublishStore, make_answer

CACHEABLE_PAGE_KEY = "carepages.publish_cache.page"
POLL_SECONDS = 0.5
CACHE_CONTROL = "public, no-cache"  # downstream caches keep the page but ask (ETag) before reuse
BODY_HEADERS = ("content-type", "content-language")  # not sent with a 304

logger = logging.getLogger(__name__)


class PublishCacheFront:
    def __init__(
        self,
        app,
        store: PublishStore | None = None,
        poll_seconds: float = POLL_SECONDS,
        follow_database: bool = True,
    ):
        from carepages.security.headers import security_headers

        from .generation import register_local_store

        self.app = app
        self.store = store or PublishStore()
        register_local_store(self.store)
        self.poll_seconds = poll_seconds
        self.follow_database = follow_database  # False: only changes made in this process (tests)
        self.headers = security_headers()
        self.https_only = settings.SECURE_SSL_REDIRECT
        self.proxy_https = settings.SECURE_PROXY_SSL_HEADER
        self._poller: threading.Thread | None = None
        self._poller_lock = threading.Lock()

    def __call__(self, environ, start_response):
        if self._poller is None:
            self._start_poller()
        if self.https_only and not self._is_https(environ):
            return self.app(environ, start_response)
        if canonical := memory_key(environ):
            key = self._origin(environ) + canonical
            answer = self.store.get_answer(key)
            if answer is not None:
                return self._answer_kept(answer, environ, start_response, "hit")
            return self._render_answer(environ, start_response, key, canonical)
        if not request_may_use_cache(environ):
            return self.app(environ, start_response)
        path = environ.get("PATH_INFO", "")
        entry = self.store.get(path)
        if entry is not None:
            return self._answer(entry, environ, start_response, "hit")
        return self._render(environ, start_response, path)

    def _origin(self, environ) -> str:
        """Scheme and host, as Django reads them: the API's links are absolute URLs built from them."""
        host = environ.get("HTTP_HOST", "")
        if settings.USE_X_FORWARDED_HOST:
            host = environ.get("HTTP_X_FORWARDED_HOST", host)
        return f"{'https' if self._is_https(environ) else 'http'}://{host.lower()}"

    def _is_https(self, environ) -> bool:
        if self.proxy_https:
            header, value = self.proxy_https
            if environ.get(header, "").split(",")[0].strip() == value:
                return True
        return environ.get("wsgi.url_scheme") == "https"

    def _answer(self, entry: Entry, environ, start_response, state: str):
        common = [
            ("Vary", "Accept-Encoding"),
            ("ETag", entry.etag),
            ("Cache-Control", CACHE_CONTROL),
            ("X-Publish-Cache", state),
        ]
        if etag_matches(environ.get("HTTP_IF_NONE_MATCH", ""), entry.etag):
            start_response("304 Not Modified", common)
            return []
        headers = [("Content-Type", "text/html; charset=utf-8")]
        encoding = preferred_encoding(environ.get("HTTP_ACCEPT_ENCODING", ""))
        if encoding == "br":
            body = entry.brotli
            headers.append(("Content-Encoding", "br"))
        elif encoding == "gzip":
            body = entry.gzip
            headers.append(("Content-Encoding", "gzip"))
        else:
            body = entry.body
        headers += [("Content-Length", str(len(body))), *common, *self.headers]
        start_response("200 OK", headers)
        return [] if environ["REQUEST_METHOD"] == "HEAD" else [body]

    def _render_by_django(self, environ, **changes) -> tuple[dict, str, list, bytes]:
        """Django's answer, uncompressed and unconditional: (environ it saw, status, headers, body).

        The store compresses once for every later request, and answers If-None-Match
        itself. A HEAD is rendered as a GET so that the answer can be kept; the caller
        drops the body.
        """
        captured: dict = {}
        chunks: list[bytes] = []

        def capture(status, headers, exc_info=None):
            captured["status"], captured["headers"] = status, headers
            return chunks.append

        dropped = ("HTTP_ACCEPT_ENCODING", "HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE")
        inner = {key: value for key, value in environ.items() if key not in dropped}
        inner.update(REQUEST_METHOD="GET", **changes)
        result = self.app(inner, capture)
        try:
            chunks.extend(result)
        finally:
            if hasattr(result, "close"):
                result.close()
        return inner, captured["status"], captured["headers"], b"".join(chunks)

    def _render(self, environ, start_response, path: str):
        """Let Django answer; keep the page when it is a live public one."""
        token = self.store.live_token()  # before rendering: a newer generation refuses this render
        inner, status, headers, body = self._render_by_django(environ)
        if self._keepable(inner, status, headers) and self.store.put(path, body, token):
            entry = self.store.get(path)
            if entry is not None:
                return self._answer(entry, environ, start_response, "miss")
        start_response(status, headers)
        return [] if environ["REQUEST_METHOD"] == "HEAD" else [body]

    def _render_answer(self, environ, start_response, key: str, canonical: str):
        """Let Django answer the canonical request; keep the answer when it is the same for everyone."""
        token = self.store.live_token()
        query = canonical.partition("?")[2]
        inner, status, headers, body = self._render_by_django(environ, QUERY_STRING=query)
        if self._answer_keepable(inner, canonical, status, headers, body):
            answer = make_answer(body, headers)
            if self.store.put_answer(key, answer, token):
                return self._answer_kept(answer, environ, start_response, "miss")
        start_response(status, headers)
        return [] if environ["REQUEST_METHOD"] == "HEAD" else [body]

    def _answer_kept(self, answer: Answer, environ, start_response, state: str):
        entry = answer.entry
        names = {name.lower() for name, _ in answer.headers}
        own = [("ETag", entry.etag), ("X-Publish-Cache", state)]
        # Django's security middleware already set these on the kept answer: not twice.
        security = [(name, value) for name, value in self.headers if name.lower() not in names]
        if self._not_modified(environ, answer):
            kept = [(n, v) for n, v in answer.headers if n.lower() not in BODY_HEADERS]
            start_response("304 Not Modified", [*kept, *own])
            return []
        body, encoding = entry.body, preferred_encoding(environ.get("HTTP_ACCEPT_ENCODING", ""))
        headers = list(answer.headers)
        if encoding == "br":
            body = entry.brotli
            headers.append(("Content-Encoding", "br"))
        elif encoding == "gzip":
            body = entry.gzip
            headers.append(("Content-Encoding", "gzip"))
        start_response("200 OK", [*headers, ("Content-Length", str(len(body))), *own, *security])
        return [] if environ["REQUEST_METHOD"] == "HEAD" else [body]

    @staticmethod
    def _not_modified(environ, answer: Answer) -> bool:
        """If-None-Match first; If-Modified-Since only without it (RFC 9110 13.2.2), as Django does."""
        if_none_match = environ.get("HTTP_IF_NONE_MATCH", "")
        if if_none_match:
            return etag_matches(if_none_match, answer.entry.etag)
        since = parse_http_date_safe(environ.get("HTTP_IF_MODIFIED_SINCE", ""))
        return since is not None and answer.last_modified is not None and answer.last_modified <= since

    @staticmethod
    def _answer_keepable(environ, key: str, status: str, headers, body: bytes) -> bool:
        names = {name.lower(): value for name, value in headers}
        cache_control = names.get("cache-control", "")
        if not (
            status.startswith("200")
            and "set-cookie" not in names
            and "content-encoding" not in names
            and "private" not in cache_control
            and "no-store" not in cache_control
            and body_is_public(body)
        ):
            return False
        path = key.partition("?")[0]
        content_type = names.get("content-type", "")
        if api_read(path):
            return content_type.startswith("application/json") and api_answer_may_be_kept(key, body)
        if path == SITEMAP_PATH:
            return "xml" in content_type
        # A filtered or paged page: the hook marked it public, the middleware checked its listing.
        return bool(environ.get(CACHEABLE_PAGE_KEY)) and content_type.startswith("text/html")

    @staticmethod
    def _keepable(environ, status: str, headers) -> bool:
        if not environ.get(CACHEABLE_PAGE_KEY):
            return False
        if not status.startswith("200"):
            return False
        names = {name.lower(): value for name, value in headers}
        cache_control = names.get("cache-control", "")
        return (
            names.get("content-type", "").startswith("text/html")
            and "set-cookie" not in names
            and "content-encoding" not in names
            and "private" not in cache_control
            and "no-store" not in cache_control
        )

    # -- following other instances' changes ----------------------------------

    def _start_poller(self) -> None:
        with self._poller_lock:
            if self._poller is not None:
                return
            self._poll()  # once before the first answer, so the first render can be kept
            self._poller = threading.Thread(target=self._poll_forever, name="publish-cache-poll", daemon=True)
            if self.follow_database:
                self._poller.start()

    def _poll(self) -> None:
        from .generation import poll_once

        try:
            poll_once(self.store)
        except Exception:  # the poller must outlive anything; the cache stays as it is
            logger.exception("publish cache: could not follow the change feed")

    def _poll_forever(self) -> None:
        from django.db import connection

        while True:
            time.sleep(self.poll_seconds)
            self._poll()
            connection.close_if_unusable_or_obsolete()  # this thread's own connection


def etag_matches(header: str, etag: str) -> bool:
    """If-None-Match: `*`, one tag or a list, weak tags compared weakly (RFC 9110 13.1.2)."""
    if not header:
        return False
    return any(tag == "*" or tag.removeprefix("W/") == etag for tag in parse_etags(header))


def preferred_encoding(header: str) -> str | None:
    """The coding to send: "br", "gzip" or None (identity), honouring q-values (`br;q=0` is a no)."""
    weights: dict[str, float] = {}
    for part in header.split(","):
        coding, _, parameters = part.partition(";")
        coding = coding.strip().lower()
        if not coding:
            continue
        weight = 1.0
        for parameter in parameters.split(";"):
            name, _, value = parameter.partition("=")
            if name.strip().lower() == "q":
                try:
                    weight = float(value.strip())
                except ValueError:
                    weight = 0.0
        weights[coding] = weight if 0.0 <= weight <= 1.0 else 0.0
    anything = weights.get("*", 0.0)
    brotli, gzip = weights.get("br", anything), weights.get("gzip", anything)
    if brotli > 0 and brotli >= gzip:
        return "br"
    return "gzip" if gzip > 0 else None
