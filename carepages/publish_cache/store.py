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
nginx serves `current/<path>/index.html` directly (deploy/nginx.conf); the app
front (front.py) keeps the bytes of the live generation in memory.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import re
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import brotli
from django.conf import settings

# Paths that are safe to map onto directories: slugs, lower case, ending in "/".
CACHEABLE_PATH = re.compile(r"^/(?:[a-z0-9][a-z0-9_-]*/)*$")
LIVE_LINK = "current"
GENERATION_PREFIX = "g-"
# How often a process re-reads the `current` link that another process may have moved.
RECHECK_SECONDS = 0.2


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


def make_entry(body: bytes) -> Entry:
    return Entry(
        body=body,
        gzip=gzip.compress(body, compresslevel=9, mtime=0),
        brotli=brotli.compress(body, quality=11),
        etag='"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"',
    )


class PublishStore:
    """The cache directory as seen by one process, with an in-memory copy of the live generation."""

    def __init__(self, root: Path | None = None):
        self.root = Path(root or cache_dir())
        self.root.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._memory: dict[str, Entry] = {}
        self._token = self._read_link()
        self._checked_at = time.monotonic()

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
            if token != self._token:
                with self._lock:
                    self._token = token
                    self._memory = {}
        return self._token

    def activate(self, token: str) -> bool:
        """Make `token` the live generation (idempotent); False when it already was."""
        if self._read_link() == token:
            self._sync(token)
            return False
        generation = self.root / f"{GENERATION_PREFIX}{token}"
        generation.mkdir(exist_ok=True)
        # Swap the link atomically: nginx and other processes see the old or the new one.
        temporary = self.root / f".{LIVE_LINK}-{os.getpid()}-{threading.get_ident()}"
        temporary.unlink(missing_ok=True)
        temporary.symlink_to(generation.name)
        os.replace(temporary, self.root / LIVE_LINK)
        self._sync(token)
        self._prune(keep=generation.name)
        return True

    def _sync(self, token: str) -> None:
        with self._lock:
            if token != self._token:
                self._token = token
                self._memory = {}
            self._checked_at = time.monotonic()

    def _prune(self, keep: str) -> None:
        # Another process may have switched to a newer generation meanwhile: keep that one too.
        keep_too = f"{GENERATION_PREFIX}{self._read_link()}"
        for child in self.root.iterdir():
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
        """Store a page rendered while `token` was live; refused when a newer generation exists."""
        if token is None or not CACHEABLE_PATH.match(path) or self.live_token() != token:
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
        except OSError:
            return False  # the generation was pruned meanwhile: nothing to keep
        with self._lock:
            if token == self._token:
                self._memory[path] = entry
        return True


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
