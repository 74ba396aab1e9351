"""The WSGI front: answers published pages from the publish cache, everything else goes to Django.

Which requests qualify is the rule in rule.py (a plain GET/HEAD of a page path, no
query string, no credentials, no cookie Django would read as private), plus, when
HTTPS is enforced, HTTPS. A miss is rendered by Django (a HEAD as a GET, so it can be
kept too); when the before_serve_page hook marked it as a public page, the bytes are
kept for the next request. Admin, search, API, previews and documents never qualify.
Conditional requests (If-None-Match, lists and weak tags) and Accept-Encoding (with
q-values) are answered on the miss and on the hit alike.
"""

from __future__ import annotations

import logging
import threading
import time

from django.conf import settings
from django.utils.http import parse_etags

from .rule import request_may_use_cache
from .store import Entry, PublishStore

CACHEABLE_PAGE_KEY = "carepages.publish_cache.page"
POLL_SECONDS = 0.5
CACHE_CONTROL = "public, no-cache"  # downstream caches keep the page but ask (ETag) before reuse

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
        path = environ.get("PATH_INFO", "")
        if not self._qualifies(environ, path):
            return self.app(environ, start_response)
        entry = self.store.get(path)
        if entry is not None:
            return self._answer(entry, environ, start_response, "hit")
        return self._render(environ, start_response, path)

    def _qualifies(self, environ, path: str) -> bool:
        return request_may_use_cache(environ) and (not self.https_only or self._is_https(environ))

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

    def _render(self, environ, start_response, path: str):
        """Let Django answer; keep the page when it is a live public one."""
        token = self.store.live_token()  # before rendering: a newer generation refuses this render
        captured: dict = {}
        chunks: list[bytes] = []

        def capture(status, headers, exc_info=None):
            captured["status"], captured["headers"] = status, headers
            return chunks.append

        # Uncompressed and unconditional from Django: the store compresses once for every
        # later request, and answers If-None-Match itself. A HEAD is rendered as a GET so
        # that the page can be kept; the body is dropped below.
        dropped = ("HTTP_ACCEPT_ENCODING", "HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE")
        inner = {key: value for key, value in environ.items() if key not in dropped}
        inner["REQUEST_METHOD"] = "GET"
        result = self.app(inner, capture)
        try:
            chunks.extend(result)
        finally:
            if hasattr(result, "close"):
                result.close()
        body = b"".join(chunks)
        status, headers = captured["status"], captured["headers"]
        if self._keepable(inner, status, headers) and self.store.put(path, body, token):
            entry = self.store.get(path)
            if entry is not None:
                return self._answer(entry, environ, start_response, "miss")
        start_response(status, headers)
        return [] if environ["REQUEST_METHOD"] == "HEAD" else [body]

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
