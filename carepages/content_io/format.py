"""The content interchange format v1 (docs/content-format.md): its keys, checks and HTML cleaning.

`validate_document` turns a parsed JSON document into normalised entries
(every optional key filled in, bodies cleaned) and a list of every problem
found, each naming kind, slug and field, so an editor can fix a file in one go.
The normalised form is also what the exporter writes, so comparing a file's
entry with a page's exported entry tells whether an import would change it.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_slug, validate_unicode_slug

from carepages.core.blocks import clean_html

FORMAT_NAME = "carepages-content"
FORMAT_VERSION = 1

#: The kinds of entry, in the order they are imported (later kinds refer to earlier ones).
KINDS = ("locations", "services", "pages", "conditions")
PAGE_KINDS = ("treatment", "examination", "info")

ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
TITLE_MAX = 255
PHONE_MAX = 50

# key -> (required, type-name) per kind; the type names are checked by _check_value.
FIELDS: dict[str, dict[str, tuple[bool, str]]] = {
    "locations": {
        "slug": (True, "slug"),
        "name": (True, "title"),
        "address": (False, "text"),
        "phone": (False, "phone"),
    },
    "services": {
        "slug": (True, "slug"),
        "name": (True, "title"),
        "intro": (False, "text"),
        "locations": (False, "slugs"),
    },
    "pages": {
        "slug": (True, "slug"),
        "title": (True, "title"),
        "kind": (True, "kind"),
        "intro": (False, "text"),
        "sections": (False, "sections"),
        "last_updated": (False, "date"),
    },
    "conditions": {
        "slug": (True, "slug"),
        "title": (True, "title"),
        "intro": (False, "text"),
        "also_known_as": (False, "names"),
        "sections": (False, "sections"),
        "services": (False, "slugs"),
        "related": (False, "slugs"),
        "last_updated": (False, "date"),
    },
}

DEFAULTS = {"text": "", "phone": "", "slugs": [], "names": [], "sections": [], "date": None}


@dataclass(frozen=True)
class Problem:
    kind: str
    slug: str
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.kind} ‘{self.slug}’" if self.slug else self.kind
        return f"{where}, {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


@dataclass
class Known:
    """Slugs already in the database, which entries in a file may refer to."""

    locations: set[str] = field(default_factory=set)
    services: set[str] = field(default_factory=set)
    pages: set[str] = field(default_factory=set)
    conditions: set[str] = field(default_factory=set)


@dataclass
class Validated:
    entries: dict[str, list[dict[str, Any]]]
    problems: list[Problem]
    cleaned_bodies: int = 0


def validate_document(doc: Any, known: Known | None = None) -> Validated:
    known = known or Known()
    checker = _Checker()
    entries: dict[str, list[dict]] = {kind: [] for kind in KINDS}
    # Every slug the file names, bad entries included, so a reference to a bad entry is not reported twice.
    named: dict[str, set[str]] = {kind: set() for kind in KINDS}
    if not isinstance(doc, dict):
        checker.add("document", "", "", "the file must hold one JSON object")
        return Validated(entries, checker.problems)
    if doc.get("format") != FORMAT_NAME:
        checker.add("document", "", "format", f"must be “{FORMAT_NAME}”")
    if doc.get("version") != FORMAT_VERSION:
        checker.add("document", "", "version", f"must be {FORMAT_VERSION}")
    for key in doc:
        if key not in ("format", "version", *KINDS):
            checker.add("document", "", key, "unknown key")
    for kind in KINDS:
        raw = doc.get(kind, [])
        if not isinstance(raw, list):
            checker.add("document", "", kind, "must be a list")
            continue
        seen: set[str] = set()
        for position, item in enumerate(raw):
            entry = checker.entry(kind, position, item)
            slug = item.get("slug") if isinstance(item, dict) else None
            if isinstance(slug, str) and checker.slug_problem(slug) is None:
                if slug in seen:
                    checker.add(kind, slug, "slug", "duplicate slug (it appears more than once in the file)")
                    continue
                seen.add(slug)
            if entry is not None:
                entries[kind].append(entry)
        named[kind] = seen
    _check_references(entries, named, known, checker)
    return Validated(entries, checker.problems, checker.cleaned_bodies)


def _check_references(
    entries: dict[str, list[dict]], named: dict[str, set[str]], known: Known, checker: _Checker
) -> None:
    locations = known.locations | named["locations"]
    services = known.services | named["services"]
    related = known.conditions | known.pages | named["conditions"] | named["pages"]
    for entry in entries["services"]:
        _check_slugs(checker, "services", entry, "locations", locations, "location")
    for entry in entries["conditions"]:
        _check_slugs(checker, "conditions", entry, "services", services, "service")
        _check_slugs(checker, "conditions", entry, "related", related, "condition or page")
        if entry["slug"] in entry["related"]:
            checker.add("conditions", entry["slug"], "related", "a condition cannot refer to itself")


def _check_slugs(checker: _Checker, kind: str, entry: dict, key: str, known: set[str], what: str) -> None:
    for slug in entry[key]:
        if slug not in known:
            checker.add(kind, entry["slug"], key, f"unknown reference ‘{slug}’ (no {what} with this slug)")


class _Checker:
    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.cleaned_bodies = 0

    def add(self, kind: str, slug: str, field_name: str, message: str) -> None:
        self.problems.append(Problem(kind, slug, field_name, message))

    def entry(self, kind: str, position: int, item: Any) -> dict | None:
        """The normalised entry, or None when it cannot be named or is wrong."""
        fields = FIELDS[kind]
        label = f"#{position + 1}"
        if not isinstance(item, dict):
            self.add(kind, label, "", "must be a JSON object")
            return None
        slug = item.get("slug")
        slug_ok = isinstance(slug, str) and self.slug_problem(slug) is None
        name = slug if slug_ok else label
        if not slug_ok:
            problem = "missing slug" if slug in (None, "") else self.slug_problem(slug)
            self.add(kind, name, "slug", problem or "must be a text")
        before = len(self.problems)
        for key in item:
            if key not in fields:
                self.add(kind, name, key, "unknown key")
        entry: dict[str, Any] = {}
        for key, (required, type_name) in fields.items():
            if key not in item or item[key] is None:
                if required and key != "slug":
                    self.add(kind, name, key, f"missing {key}")
                entry[key] = DEFAULTS.get(type_name, "")
                continue
            if key == "slug":
                entry[key] = slug
                continue
            entry[key] = self._value(kind, name, key, type_name, item[key])
        if not slug_ok or len(self.problems) > before:
            return None
        return entry

    def slug_problem(self, slug: Any) -> str | None:
        if not isinstance(slug, str):
            return "must be a text"
        if len(slug) > TITLE_MAX:
            return f"longer than {TITLE_MAX} characters"
        validator = (
            validate_unicode_slug if getattr(settings, "WAGTAIL_ALLOW_UNICODE_SLUGS", True) else validate_slug
        )
        try:
            validator(slug)
        except ValidationError:
            return f"‘{slug}’ is not a valid slug (letters, digits, - and _ only)"
        return None

    def _value(self, kind: str, name: str, key: str, type_name: str, value: Any) -> Any:
        def bad(message: str) -> None:
            self.add(kind, name, key, message)

        if type_name in ("title", "text", "phone", "kind"):
            if not isinstance(value, str):
                return bad("must be a text")
            if type_name == "title":
                if not value.strip():
                    return bad(f"missing {key}")
                if len(value) > TITLE_MAX:
                    return bad(f"longer than {TITLE_MAX} characters")
            if type_name == "phone" and len(value) > PHONE_MAX:
                return bad(f"longer than {PHONE_MAX} characters")
            if type_name == "kind" and value not in PAGE_KINDS:
                return bad(f"‘{value}’ is not one of {', '.join(PAGE_KINDS)}")
            return value
        if type_name == "date":
            # Only YYYY-MM-DD: fromisoformat alone would also take 20240702 or 2024-W27-2.
            if isinstance(value, str) and ISO_DATE.fullmatch(value):
                try:
                    return datetime.date.fromisoformat(value).isoformat()
                except ValueError:
                    pass
            return bad(f"bad date ‘{value}’ (expected YYYY-MM-DD, e.g. 2024-07-02)")
        if type_name in ("slugs", "names"):
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                return bad("must be a list of texts")
            if type_name == "names":
                names = [v.strip() for v in value]
                if not all(names):
                    return bad("holds an empty name")
                if any("\n" in v or "\r" in v for v in names):
                    return bad("a name cannot span lines")
                return names
            for slug in {v for v in value if value.count(v) > 1}:
                bad(f"‘{slug}’ is listed twice")
            return list(value)
        if type_name == "sections":
            return self._sections(kind, name, value)
        raise AssertionError(type_name)

    def _sections(self, kind: str, name: str, value: Any) -> list[dict] | None:
        if not isinstance(value, list):
            self.add(kind, name, "sections", "must be a list")
            return None
        sections = []
        for number, section in enumerate(value, start=1):
            where = f"sections[{number}]"
            if not isinstance(section, dict):
                self.add(kind, name, where, "must be a JSON object with heading and body")
                continue
            for key in section:
                if key not in ("heading", "body"):
                    self.add(kind, name, f"{where}.{key}", "unknown key")
            heading, body = section.get("heading"), section.get("body", "")
            if not isinstance(heading, str) or not heading.strip():
                self.add(kind, name, f"{where}.heading", "missing heading")
            elif len(heading) > TITLE_MAX:
                self.add(kind, name, f"{where}.heading", f"longer than {TITLE_MAX} characters")
            if not isinstance(body, str):
                self.add(kind, name, f"{where}.body", "must be a text (HTML)")
                continue
            cleaned = clean_html(body)
            if cleaned != body.strip():
                self.cleaned_bodies += 1
            sections.append({"heading": heading, "body": cleaned})
        return sections
