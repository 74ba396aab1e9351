"""The WSGI front: answers published pages from the publish cache, everything else goes to Django.

A request qualifies for the cache when it is a plain GET/HEAD of a page path
(slugs ending in "/"), without a query string (?locatie=, ?pagina= are Django's),
without an editor's session cookie (editors get Django's page with the userbar)
and, when HTTPS is enforced, over HTTPS. A miss is rendered by Django; when the
before_serve_page hook marked it as a live public page, the bytes are kept for
the next request. Admin, search, API, previews and documents never qualify.
"""

from __future__ import annotations

import logging
import threading
import time

from django.conf import settings

from .store import CACHEABLE_PATH, Entry, PublishStore

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
        self.bypass_cookies = (settings.SESSION_COOKIE_NAME + "=", "messages=")
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
        if environ.get("REQUEST_METHOD") not in ("GET", "HEAD") or environ.get("QUERY_STRING"):
            return False
        if not CACHEABLE_PATH.match(path) or "HTTP_AUTHORIZATION" in environ:
            return False
        cookies = environ.get("HTTP_COOKIE", "")
        if cookies and any(name in cookies for name in self.bypass_cookies):
            return False
        return not self.https_only or self._is_https(environ)

    def _is_https(self, environ) -> bool:
        if self.proxy_https:
            header, value = self.proxy_https
            if environ.get(header, "").split(",")[0].strip() == value:
                return True
        return environ.get("wsgi.url_scheme") == "https"

    def _answer(self, entry: Entry, environ, start_response, state: str):
        if environ.get("HTTP_IF_NONE_MATCH") == entry.etag:
            start_response("304 Not Modified", [("ETag", entry.etag), ("Cache-Control", CACHE_CONTROL)])
            return []
        accepted = environ.get("HTTP_ACCEPT_ENCODING", "")
        headers = [("Content-Type", "text/html; charset=utf-8")]
        if "br" in accepted:
            body = entry.brotli
            headers.append(("Content-Encoding", "br"))
        elif "gzip" in accepted:
            body = entry.gzip
            headers.append(("Content-Encoding", "gzip"))
        else:
            body = entry.body
        headers += [
            ("Content-Length", str(len(body))),
            ("Vary", "Accept-Encoding"),
            ("ETag", entry.etag),
            ("Cache-Control", CACHE_CONTROL),
            ("X-Publish-Cache", state),
            *self.headers,
        ]
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

        # Uncompressed from Django: the store compresses once for every later request.
        inner = {key: value for key, value in environ.items() if key != "HTTP_ACCEPT_ENCODING"}
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
        return [body]

    @staticmethod
    def _keepable(environ, status: str, headers) -> bool:
        if environ["REQUEST_METHOD"] != "GET" or not environ.get(CACHEABLE_PAGE_KEY):
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
            logger.exception("publish cache: could not follow the publish generation")

    def _poll_forever(self) -> None:
        from django.db import connection

        while True:
            time.sleep(self.poll_seconds)
            self._poll()
            connection.close_if_unusable_or_obsolete()  # this thread's own connection
