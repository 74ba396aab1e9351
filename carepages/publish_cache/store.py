"""The publish cache on disk: rendered public pages, one directory per generation.

Layout (PUBLISH_CACHE_DIR, default var/publish-cache):

    current -> g-<token>                      symlink to the live generation
    g-<token>/index.html                      the page at /
    g-<token>/aandoeningen/rugpijn/index.html the page at /aandoeningen/rugpijn/
    g-<token>/…/index.html.gz, index.html.br  the same bytes compressed

Any content change makes a new generation (a new, empty directory); pages are
rendered into it again on their next request. A render only lands in the
generation that was live when it started, so a render that read old data can
never be written into a newer generation: no stale page survives a change.
nginx serves `current/<path>/index.html` directly (deploy/carepages.nginx.conf); the app
front (front.py) keeps the bytes of the live generation in memory.

Answers that are not pages on disk (the API's reads, filtered listings, the sitemap; see
`memory_key` in rule.py) live only in memory, per process and per generation, with the
headers Django gave them. They are bounded: at most MAX_QUERY_ANSWERS answers to a query
string and MAX_ANSWER_BYTES in all. Past a bound nothing is evicted (the answers everyone
reads stay); a new variant is simply answered by Django until the next generation.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import logging
import os
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import brotli
from django.conf import settings

from .rule import body_is_public, path_is_cacheable

LIVE_LINK = "current"
GENERATION_PREFIX = "g-"
# Bounds of the answers kept in memory, per process and generation (see the module docstring).
MAX_QUERY_ANSWERS = 2_000
MAX_ANSWER_BYTES = 64 * 1024 * 1024
# Brotli quality for answers kept in memory: rendered on a request, so quicker than the pages' 11.
ANSWER_BROTLI_QUALITY = 6
# Django's headers that the front sets itself on a kept answer.
OWN_HEADERS = {"content-length", "etag", "vary", "x-publish-cache"}
# How often a process re-reads the `current` link that another process may have moved.
RECHECK_SECONDS = 0.2

logger = logging.getLogger(__name__)


def cache_dir() -> Path:
    configured = getattr(settings, "PUBLISH_CACHE_DIR", None) or os.environ.get("PUBLISH_CACHE_DIR")
    return Path(configured or settings.BASE_DIR / "var" / "publish-cache")


@dataclass(frozen=True)
class Entry:
    """One cached page: the HTML and its compressed forms."""

    body: bytes
    gzip: bytes
    brotli: bytes
    etag: str


def make_entry(body: bytes, brotli_quality: int = 11) -> Entry:
    return Entry(
        body=body,
        gzip=gzip.compress(body, compresslevel=9, mtime=0),
        brotli=brotli.compress(body, quality=brotli_quality),
        etag='"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"',
    )


@dataclass(frozen=True)
class Answer:
    """An answer kept in memory: the bytes, and Django's headers (Content-Type, CORS, …) as given."""

    entry: Entry
    headers: tuple[tuple[str, str], ...]
    last_modified: int | None  # seconds, for If-Modified-Since; None when Django sent none

    @property
    def size(self) -> int:
        return len(self.entry.body) + len(self.entry.gzip) + len(self.entry.brotli)


def make_answer(body: bytes, headers) -> Answer:
    """Keep Django's ETag when it made one (the API's), so a client's tag stays valid across both."""
    from django.utils.http import parse_http_date_safe

    entry = make_entry(body, brotli_quality=ANSWER_BROTLI_QUALITY)
    given = {name.lower(): value for name, value in headers}
    if given.get("etag"):
        entry = Entry(entry.body, entry.gzip, entry.brotli, given["etag"])
    kept = tuple((name, value) for name, value in headers if name.lower() not in OWN_HEADERS)
    # Django's Vary stays (a CDN must still tell visitors apart as Django said), plus the coding.
    vary = [part.strip() for part in given.get("vary", "").split(",") if part.strip()]
    if "accept-encoding" not in {part.lower() for part in vary}:
        vary.append("Accept-Encoding")
    kept += (("Vary", ", ".join(vary)),)
    return Answer(entry, kept, parse_http_date_safe(given.get("last-modified", "")))


class PublishStore:
    """The cache directory as seen by one process, with an in-memory copy of the live generation.

    Faults of the folder (deleted, replaced, full, unwritable) make the cache serve
    nothing rather than something stale: a generation that cannot be created is not
    left live (the `current` link is removed, so nginx proxies to Django as well), and
    the memory is emptied. A missing folder is created again. Each fault is logged once,
    when it starts, and its end once more.
    """

    def __init__(self, root: Path | None = None):
        self.root = Path(root or cache_dir())
        self._lock = threading.Lock()
        self._memory: dict[str, Entry] = {}
        self._answers: dict[str, Answer] = {}
        self._answer_bytes = 0
        self._query_answers = 0
        self._fault: str | None = None
        self._write_fault = False  # a page could not be written in this generation (logged)
        try:
            self.root.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            self._report(error)
        self._token = self._read_link()
        self._checked_at = time.monotonic()

    # -- faults -----------------------------------------------------------

    def _report(self, error: OSError) -> None:
        """Log a fault once (not on every poll), and stop serving from this store until it heals."""
        with self._lock:
            self._token = None
            self._forget()
            first = self._fault is None
            self._fault = f"{type(error).__name__}: {error}"
        if first:
            logger.warning(
                "publish cache: cannot write %s (%s); pages are served by Django until it can",
                self.root,
                self._fault,
            )

    def _note(self, error: OSError) -> None:
        """A page could not be written: log it once per generation; what is cached stays valid."""
        if not self._write_fault:
            self._write_fault = True
            logger.warning(
                "publish cache: cannot write in %s (%s: %s); such pages are served by Django",
                self.root,
                type(error).__name__,
                error,
            )

    def _healed(self) -> None:
        if self._fault is not None:
            self._fault = None
            logger.warning("publish cache: %s is writable again; pages are cached again", self.root)

    def _withdraw_link(self) -> None:
        """Take `current` away so nginx cannot keep serving a generation we could not replace."""
        # When even this fails, the folder itself is gone or unusable: nginx finds no page in it.
        with contextlib.suppress(OSError):
            (self.root / LIVE_LINK).unlink(missing_ok=True)

    # -- generations ----------------------------------------------------

    def _read_link(self) -> str | None:
        try:
            target = os.readlink(self.root / LIVE_LINK)
        except OSError:
            return None
        return target.removeprefix(GENERATION_PREFIX)

    def live_token(self) -> str | None:
        """The live generation, re-read from disk at most every RECHECK_SECONDS."""
        now = time.monotonic()
        if now - self._checked_at > RECHECK_SECONDS:
            self._checked_at = now
            token = self._read_link()
            if token is None and self._token is not None:
                # The link (or the whole folder) was deleted under us: make our generation
                # again, empty. Another instance's newer generation wins at its next poll.
                self.activate(self._token)
                return self._token
            if token != self._token:
                with self._lock:
                    self._token = token
                    self._forget()
        return self._token

    def activate(self, token: str) -> bool:
        """Make `token` the live generation (idempotent); False when it already was.

        Never raises: a folder that cannot take the new generation leaves no generation
        live at all (the memory empty, `current` removed), so nothing stale is served.
        """
        if self._read_link() == token and (self.root / LIVE_LINK).is_dir():
            self._sync(token)
            self._healed()
            return False
        generation = self.root / f"{GENERATION_PREFIX}{token}"
        try:
            generation.mkdir(parents=True, exist_ok=True)  # parents: a deleted folder comes back
            # Swap the link atomically: nginx and other processes see the old or the new one.
            temporary = self.root / f".{LIVE_LINK}-{os.getpid()}-{threading.get_ident()}"
            temporary.unlink(missing_ok=True)
            temporary.symlink_to(generation.name)
            os.replace(temporary, self.root / LIVE_LINK)
        except OSError as error:
            self._withdraw_link()
            self._report(error)
            return True
        # Always forget the memory here: when the folder was deleted and made again, the
        # pages in memory are no longer on disk for nginx; they are rendered once more.
        self._sync(token, forget=True)
        self._write_fault = False
        self._healed()
        self._prune(keep=generation.name)
        return True

    def _sync(self, token: str, forget: bool = False) -> None:
        with self._lock:
            if forget or token != self._token:
                self._token = token
                self._forget()
            self._checked_at = time.monotonic()

    def _forget(self) -> None:
        """Empty the memory (under the lock): a new generation starts with nothing kept."""
        self._memory = {}
        self._answers = {}
        self._answer_bytes = 0
        self._query_answers = 0

    def _prune(self, keep: str) -> None:
        # Another process may have switched to a newer generation meanwhile: keep that one too.
        keep_too = f"{GENERATION_PREFIX}{self._read_link()}"
        try:
            children = list(self.root.iterdir())
        except OSError:
            return
        for child in children:
            if child.name.startswith(GENERATION_PREFIX) and child.name not in (keep, keep_too):
                shutil.rmtree(child, ignore_errors=True)

    # -- pages ------------------------------------------------------------

    def _file(self, token: str, path: str) -> Path:
        return self.root / f"{GENERATION_PREFIX}{token}" / path.lstrip("/") / "index.html"

    def get(self, path: str) -> Entry | None:
        token = self.live_token()
        if token is None:
            return None
        entry = self._memory.get(path)
        if entry is not None:
            return entry
        file = self._file(token, path)
        try:
            entry = Entry(
                body=file.read_bytes(),
                gzip=file.with_name("index.html.gz").read_bytes(),
                brotli=file.with_name("index.html.br").read_bytes(),
                etag=file.with_name("index.html.etag").read_text(),
            )
        except OSError:
            return None
        with self._lock:
            if token == self._token:
                self._memory[path] = entry
        return entry

    def put(self, path: str, body: bytes, token: str | None) -> bool:
        """Store a public page rendered while `token` was live; refused when a newer generation exists.

        The rule (rule.py) is asked again here: whatever the caller, a path that is not
        a page path or bytes with an editor's userbar are never written.
        """
        if token is None or not path_is_cacheable(path) or not body_is_public(body):
            return False
        if self.live_token() != token:
            return False
        entry = make_entry(body)
        file = self._file(token, path)
        try:
            file.parent.mkdir(parents=True, exist_ok=True)
            # The compressed forms and the ETag first, the HTML last: nginx looks for index.html.
            for name, data in (
                ("index.html.gz", entry.gzip),
                ("index.html.br", entry.brotli),
                ("index.html.etag", entry.etag.encode()),
                ("index.html", entry.body),
            ):
                _write_atomically(file.with_name(name), data)
        except OSError as error:
            # The generation was pruned meanwhile (nothing to say), or the disk is full or
            # broken: this page is served by Django, and the generation's files stay
            # consistent (HTML written last). The operator hears of it once.
            if (self.root / f"{GENERATION_PREFIX}{token}").is_dir():
                self._note(error)
            return False
        with self._lock:
            if token == self._token:
                self._memory[path] = entry
        return True

    # -- answers kept in memory only ----------------------------------------

    def get_answer(self, key: str) -> Answer | None:
        if self.live_token() is None:
            return None
        return self._answers.get(key)

    def put_answer(self, key: str, answer: Answer, token: str | None) -> bool:
        """Keep an answer rendered while `token` was live, within the bounds; False when refused."""
        if token is None or not body_is_public(answer.entry.body) or self.live_token() != token:
            return False
        with self._lock:
            if token != self._token:
                return False
            if key in self._answers:
                return True
            is_query = "?" in key
            if is_query and self._query_answers >= MAX_QUERY_ANSWERS:
                return False
            if self._answer_bytes + answer.size > MAX_ANSWER_BYTES:
                return False
            self._answers[key] = answer
            self._answer_bytes += answer.size
            self._query_answers += is_query
        return True

    def answer_keys(self) -> set[str]:
        """The keys kept in memory for the live generation (for tests and the operator)."""
        return set(self._answers)

    def paths(self) -> set[str]:
        """The page paths with a file in the live generation (what nginx can answer)."""
        token = self.live_token()
        if token is None:
            return set()
        generation = self.root / f"{GENERATION_PREFIX}{token}"
        found = set()
        try:
            for file in generation.rglob("index.html"):
                relative = file.parent.relative_to(generation).as_posix()
                found.add("/" if relative == "." else f"/{relative}/")
        except OSError:
            pass  # the folder went away meanwhile: nothing to list
        return found

    def remove(self, path: str) -> None:
        """Take one page out of the live generation, from memory and from disk."""
        token = self.live_token()
        if token is None:
            return
        with self._lock:
            self._memory.pop(path, None)
        file = self._file(token, path)
        for name in ("index.html", "index.html.gz", "index.html.br", "index.html.etag"):
            with contextlib.suppress(OSError):
                file.with_name(name).unlink(missing_ok=True)  # index.html first: nginx stops at once


def _write_atomically(target: Path, data: bytes) -> None:
    descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
