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

The other answers that are the same for everyone (the API's reads, filtered listings, the
sitemap; `memory_key` in rule.py names them) are files too, beside the pages, with the
headers Django gave them in a `.meta` file:

    g-<token>/_q/<scheme>/<host>/api/v1/conditions/rugpijn/q.json         /api/v1/conditions/rugpijn/
    g-<token>/_q/<scheme>/<host>/api/v1/services/q.limit=5&location=x.json the canonical query string
    g-<token>/_q/<scheme>/<host>/aandoeningen/rugpijn/q.locatie=x.html    a filtered page
    g-<token>/_q/<scheme>/<host>/sitemap.xml/q.xml                        the sitemap
    …/q….json.gz, .br, .meta                                             compressed, Django's headers

Their bytes hold absolute links built from the scheme and host, hence those in the path.
nginx serves them only for the exact canonical query string (its `map` blocks); every app
process (granian's workers, other app servers on the folder) reads them like pages. They
are bounded per generation, for all processes together (a locked `_q/.budget` file): at
most MAX_QUERY_ANSWERS files for query strings and MAX_ANSWER_BYTES in all. Past a bound
nothing is evicted (what everyone reads stays); a new variant is simply answered by Django
until the next generation.
"""

from __future__ import annotations

import contextlib
import fcntl
import gzip
import hashlib
import json
import logging
import os
import re
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import brotli
from django.conf import settings

from .rule import SITEMAP_PATH, api_read, body_is_public, path_is_cacheable

LIVE_LINK = "current"
GENERATION_PREFIX = "g-"
# Bounds of the answers kept as files, per generation, for all processes (module docstring).
MAX_QUERY_ANSWERS = 2_000
MAX_ANSWER_BYTES = 64 * 1024 * 1024
ANSWERS_DIR = "_q"  # never a page path: those start with a letter or a digit
BUDGET_FILE = ".budget"
# What may name an answer's file: a host as nginx's `map` accepts it (plus a port, which only
# direct requests to an app server carry), and a canonical query string (rule.memory_key).
HOST_LABEL = r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?"
ANSWER_HOST = re.compile(rf"{HOST_LABEL}(?:\.{HOST_LABEL})*(?::[0-9]{{1,5}})?")
ANSWER_QUERY = re.compile(r"[a-z0-9=&_-]{0,200}")
# Brotli quality for answers: rendered on a request, so quicker than the pages' 11.
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
    last_modified: int  # seconds: Django's Last-Modified, or the time of rendering

    @property
    def size(self) -> int:
        return len(self.entry.body) + len(self.entry.gzip) + len(self.entry.brotli)


def make_answer(body: bytes, headers) -> Answer:
    """Keep Django's ETag when it made one (the API's), so a client's tag stays valid across both.

    Without a Last-Modified from Django (the sitemap, filtered pages) the answer gets the time
    of rendering, the one nginx sends from the file's mtime.
    """
    from django.utils.http import http_date, parse_http_date_safe

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
    last_modified = parse_http_date_safe(given.get("last-modified", ""))
    if last_modified is None:
        # The time of rendering, as the file's mtime: nginx sends it, so the app front does too.
        # Any later change makes a new generation, rendered (and so dated) again.
        last_modified = int(time.time())
        kept += (("Last-Modified", http_date(last_modified)),)
    return Answer(entry, kept, last_modified)


def answer_file(key: str) -> str | None:
    """Where the answer to `key` ("scheme://host/path?query") lives in a generation; None: nowhere.

    Every part is checked against a strict shape first (nothing else reaches the file
    system): a known scheme, a plain host name, a page, API or sitemap path (slugs only),
    and a canonical query string, which has no dot, slash or percent sign.
    """
    parts = urlsplit(key)
    if parts.scheme not in ("http", "https") or not ANSWER_HOST.fullmatch(parts.netloc):
        return None
    if not ANSWER_QUERY.fullmatch(parts.query):
        return None
    if parts.path == SITEMAP_PATH:
        extension = ".xml"
    elif api_read(parts.path):
        extension = ".json"
    elif path_is_cacheable(parts.path):
        extension = ".html"
    else:
        return None
    name = "q" + (f".{parts.query}" if parts.query else "") + extension
    folders = [folder for folder in parts.path.split("/") if folder]
    return "/".join([ANSWERS_DIR, parts.scheme, parts.netloc, *folders, name])


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
        self._answers: dict[str, Answer] = {}  # read from the live generation's files
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

    # -- answers beside the pages: the API's reads, filtered listings, the sitemap -------

    def get_answer(self, key: str) -> Answer | None:
        token = self.live_token()
        if token is None:
            return None
        answer = self._answers.get(key)
        if answer is not None:
            return answer
        relative = answer_file(key)
        if relative is None:
            return None
        file = self.root / f"{GENERATION_PREFIX}{token}" / relative
        try:
            # The body is written last: when it is there, the rest is complete.
            body = file.read_bytes()
            meta = json.loads(_sibling(file, ".meta").read_bytes())
            compressed = _sibling(file, ".gz").read_bytes(), _sibling(file, ".br").read_bytes()
            entry = Entry(body, *compressed, meta["etag"])
            answer = Answer(entry, tuple(tuple(pair) for pair in meta["headers"]), meta["last_modified"])
        except (OSError, ValueError, KeyError, TypeError):
            return None
        with self._lock:
            if token == self._token:
                self._answers[key] = answer
        return answer

    def put_answer(self, key: str, answer: Answer, token: str | None) -> bool:
        """Write an answer rendered while `token` was live, within the bounds; False when refused."""
        if token is None or not body_is_public(answer.entry.body) or self.live_token() != token:
            return False
        relative = answer_file(key)
        if relative is None:
            return False
        if key in self._answers:
            return True
        generation = self.root / f"{GENERATION_PREFIX}{token}"
        file = generation / relative
        if file.exists():
            return True  # another process wrote it meanwhile: the same bytes
        if not self._reserve(generation, "?" in key, answer.size):
            return False
        meta = {
            "key": key,
            "etag": answer.entry.etag,
            "headers": answer.headers,
            "last_modified": answer.last_modified,
        }
        try:
            file.parent.mkdir(parents=True, exist_ok=True)
            # nginx looks for the body: it comes last. Its mtime is the answer's Last-Modified
            # (Django's: the content's last change), so that nginx sends the same one.
            for suffix, data in (
                (".gz", answer.entry.gzip),
                (".br", answer.entry.brotli),
                (".meta", json.dumps(meta).encode()),
                ("", answer.entry.body),
            ):
                _write_atomically(_sibling(file, suffix), data, mtime=answer.last_modified)
        except OSError as error:
            if generation.is_dir():
                self._note(error)
            return False
        with self._lock:
            if token == self._token:
                self._answers[key] = answer
        return True

    def _reserve(self, generation: Path, is_query: bool, size: int) -> bool:
        """Count one more answer in the generation's budget, shared by all processes; False past a bound."""
        budget = generation / ANSWERS_DIR / BUDGET_FILE
        try:
            budget.parent.mkdir(parents=True, exist_ok=True)
            descriptor = os.open(budget, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as error:
            if generation.is_dir():
                self._note(error)
            return False
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX)  # released by the close below
            counted = os.pread(descriptor, 64, 0).split()
            count, total = (int(counted[0]), int(counted[1])) if len(counted) == 2 else (0, 0)
            if (is_query and count >= MAX_QUERY_ANSWERS) or total + size > MAX_ANSWER_BYTES:
                return False
            os.pwrite(descriptor, f"{count + is_query} {total + size}".ljust(63).encode() + b"\n", 0)
            return True
        except (OSError, ValueError) as error:
            self._note(OSError(str(error)))
            return False
        finally:
            os.close(descriptor)

    def answer_keys(self) -> set[str]:
        """The keys with a file in the live generation (for tests and the operator)."""
        token = self.live_token()
        if token is None:
            return set()
        found = set()
        with contextlib.suppress(OSError):
            for meta in (self.root / f"{GENERATION_PREFIX}{token}" / ANSWERS_DIR).rglob("q*.meta"):
                with contextlib.suppress(OSError, ValueError, KeyError):
                    if _sibling(meta, "", drop=".meta").exists():
                        found.add(json.loads(meta.read_bytes())["key"])
        return found

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


def _sibling(file: Path, suffix: str, drop: str = "") -> Path:
    """`q.json` -> `q.json.gz` (suffix added), or `q.json.meta` -> `q.json` (drop removed)."""
    return file.with_name(file.name.removesuffix(drop) + suffix)


def _write_atomically(target: Path, data: bytes, mtime: int | None = None) -> None:
    descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        os.chmod(temporary, 0o644)
        if mtime is not None:
            os.utime(temporary, (mtime, mtime))
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
