"""The content interchange format (docs/content-format.md): its keys, checks and HTML cleaning.

Every rule about what a file may hold lives here. Version 2 adds keys to version 1 and changes
none: `FIELDS` holds version 1's keys, `FIELDS_V2` what version 2 adds per kind, and `KINDS_V2`
the lists that only version-2 files may hold.

`parse_document` turns the file's bytes into JSON values (or one clear problem: not UTF-8,
not JSON, nested too deeply, a number too long). `validate_document` turns those values
into normalised entries (every optional key filled in, bodies cleaned) and a list of every
problem found, each naming kind, slug and field, so an editor can fix a file in one go.
The normalised form is also what the exporter writes, so comparing a file's
entry with a page's exported entry tells whether an import would change it.
"""

from __future__ import annotations

import codecs
import datetime
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_slug, validate_unicode_slug

from carepages.core import kinds
from carepages.core.blocks import clean_html

FORMAT_NAME = "carepages-content"
#: The versions a file may have; version 1 files keep importing with the same meaning.
FORMAT_VERSIONS = (1, 2)
#: The version the exporter writes.
FORMAT_VERSION = 2

#: The kinds of entry, in the order they are imported (later kinds refer to earlier ones).
KINDS = ("locations", "services", "pages", "conditions")
#: The kinds of entry that only version-2 files may hold (each is also in KINDS).
KINDS_V2: tuple[str, ...] = ()

ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
TITLE_MAX = 255
PHONE_MAX = 50

#: Files larger than this are refused before they are read (`import_content --max-mb` raises it):
#: ten times a large hospital's content, small enough that parsing stays within memory.
MAX_DOCUMENT_MB = 50
#: No number in the format needs more digits; longer ones are refused while parsing.
MAX_NUMBER_DIGITS = 20

# No text may hold C0/C1 control characters (NUL is refused by PostgreSQL, ESC and BEL reach
# terminals and logs) or lone surrogates (no UTF-8 form: neither database can store them).
# Multi-line text keeps tab, newline and carriage return.
_BAD_IN_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
# One-line values (slugs, titles, names, headings, phone numbers) also refuse tab and line breaks,
# and the bidirectional embeddings, overrides and isolates that reorder what is shown around
# them (after U+202E a title shows backwards in lists, the admin and logs).
_BAD_IN_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_LINE_BREAKS = "\n\r\u2028\u2029"

# key -> (required, type-name) per kind; the type names are checked by _Checker._value.
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

#: The keys version 2 adds per kind, in the same form as FIELDS.
FIELDS_V2: dict[str, dict[str, tuple[bool, str]]] = {kind: {} for kind in KINDS}

DEFAULTS = {"text": "", "phone": "", "slugs": [], "names": [], "sections": [], "date": None}


def fields_of(kind: str, version: int) -> dict[str, tuple[bool, str]]:
    """The keys an entry of this kind may have in a file of this version."""
    if version >= 2:
        return FIELDS.get(kind, {}) | FIELDS_V2.get(kind, {})
    return FIELDS[kind]


def kinds_of(version: int) -> tuple[str, ...]:
    """The entry lists a file of this version may hold, in import order."""
    return KINDS if version >= 2 else tuple(kind for kind in KINDS if kind not in KINDS_V2)


@dataclass(frozen=True)
class Problem:
    kind: str
    slug: str
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.kind} ‘{self.slug}’" if self.slug else self.kind
        text = f"{where}, {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        # Keys and values come from the file: never write their control characters to a terminal.
        return printable(text)


class ContentImportError(Exception):
    """The file cannot be imported; `problems` names every bad entry."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def printable(text: str) -> str:
    """The text with every control, line-break and bidi character written as an escape (\\x1b, \\u202e)."""
    return _BAD_IN_LINE.sub(_escape, text)


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def shown(value: Any, limit: int = 60) -> str:
    """A value from the file as a message quotes it: texts shortened, other values by their type.

    Never str() of the value itself: a 5,000-digit number or a deeply nested list would raise.
    """
    if isinstance(value, str):
        return f"‘{value[:limit]}…’" if len(value) > limit else f"‘{value}’"
    return _type_name(value)


def _type_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return "a text" if isinstance(value, str) else type(value).__name__


def text_problem(value: str, *, one_line: bool) -> str | None:
    """Why a text cannot be stored as it is, or None; the character is named by its code point."""
    match = (_BAD_IN_LINE if one_line else _BAD_IN_TEXT).search(value)
    if match is None:
        return None
    char, position = match.group(), match.start() + 1
    if char in _LINE_BREAKS:
        return f"cannot span lines (line break at character {position})"
    code = f"U+{ord(char):04X}"
    if "\u202a" <= char <= "\u202e" or "\u2066" <= char <= "\u2069":
        return f"holds the bidirectional control {code} at character {position}, which reorders the text"
    if "\ud800" <= char <= "\udfff":
        return f"holds a lone surrogate {code} at character {position} (not a character)"
    return f"holds the control character {code} at character {position}"


class JsonObject(dict):
    """A JSON object as parsed from a file, remembering keys given more than once (JSON keeps the last)."""

    duplicate_keys: tuple[str, ...] = ()


def _object(pairs: list[tuple[str, Any]]) -> JsonObject:
    obj = JsonObject(pairs)
    if len(obj) != len(pairs):
        obj.duplicate_keys = _repeated(key for key, _ in pairs)
    return obj


def _repeated(values) -> tuple:
    """The values that occur more than once, in order of appearance (one pass: files can be large)."""
    return tuple(value for value, count in Counter(values).items() if count > 1)


class _NotInFormat(ValueError):
    pass


def _number(text: str) -> int:
    # Checked before int(): Python refuses more than 4,300 digits with a message about sys.
    digits = len(text.lstrip("-"))
    if digits > MAX_NUMBER_DIGITS:
        raise _NotInFormat(f"a number of {digits} digits (numbers have at most {MAX_NUMBER_DIGITS})")
    return int(text)


def _constant(name: str) -> Any:
    raise _NotInFormat(f"{name} is not a JSON value")


def parse_document(data: bytes) -> Any:
    """The JSON values of a file's bytes, or a ContentImportError saying in one line why not.

    A UTF-8 byte order mark (files saved on Windows) is skipped. Objects are JsonObjects, so the
    checks can name keys that appear twice.
    """

    def refuse(message: str) -> ContentImportError:
        return ContentImportError([Problem("document", "", "", message)])

    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise refuse("UTF-16 text; save the file as UTF-8")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise refuse(f"not UTF-8 text (byte 0x{data[error.start]:02x} at offset {error.start})") from None
    if not text.strip():
        raise refuse("the file is empty")
    try:
        return json.loads(text, object_pairs_hook=_object, parse_int=_number, parse_constant=_constant)
    except json.JSONDecodeError as error:
        message = f"not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}"
        raise refuse(message) from None
    except RecursionError:
        raise refuse("not valid here: lists or objects nested too deeply") from None
    except _NotInFormat as error:
        raise refuse(f"not valid here: {error}") from None


@dataclass
class Known:
    """Slugs already in the database, which entries in a file may refer to."""

    locations: set[str] = field(default_factory=set)
    services: set[str] = field(default_factory=set)
    pages: set[str] = field(default_factory=set)
    conditions: set[str] = field(default_factory=set)


@dataclass
class Validated:
    """The normalised entries of a file and its problems.

    An entry holds every key of the file's version and only those: importing a version 1 file
    leaves what only version 2 describes (a campus's opening hours) as it is on the site.
    """

    entries: dict[str, list[dict[str, Any]]]
    problems: list[Problem]
    cleaned_bodies: int = 0
    version: int = FORMAT_VERSION


def validate_document(doc: Any, known: Known | None = None) -> Validated:
    known = known or Known()
    checker = _Checker()
    entries: dict[str, list[dict]] = {kind: [] for kind in KINDS}
    # Every entry that can be named, bad ones included: their references are checked too, so one
    # run names every problem. `named` holds their slugs, so a reference to a bad entry is not
    # reported twice.
    nameable: dict[str, list[tuple[str, dict]]] = {kind: [] for kind in KINDS}
    named: dict[str, set[str]] = {kind: set() for kind in KINDS}
    if not isinstance(doc, dict):
        checker.add("document", "", "", f"the file must hold one JSON object, not {_type_name(doc)}")
        return Validated(entries, checker.problems)
    checker.duplicate_keys("document", "", doc)
    version = doc.get("version")
    if doc.get("format") != FORMAT_NAME:
        checker.add("document", "", "format", f"must be “{FORMAT_NAME}”")
    # type() and not ==: true and 1.0 equal 1 in Python.
    if type(version) is not int or version not in FORMAT_VERSIONS:
        checker.add("document", "", "version", f"must be {' or '.join(map(str, FORMAT_VERSIONS))}")
        version = FORMAT_VERSION
    for key in doc:
        if key not in ("format", "version", *kinds_of(version)):
            checker.add("document", "", shown_key(key), _unknown(key in KINDS_V2))
    for kind in kinds_of(version):
        raw = doc.get(kind, [])
        if not isinstance(raw, list):
            checker.add("document", "", kind, f"must be a list, not {_type_name(raw)}")
            continue
        for position, item in enumerate(raw):
            name, entry, clean = checker.entry(kind, position, item, version)
            if entry is None:
                continue
            if name == entry["slug"]:
                if name in named[kind]:
                    checker.add(kind, name, "slug", "duplicate slug (it appears more than once in the file)")
                    continue
                named[kind].add(name)
            nameable[kind].append((name, entry))
            if clean:
                entries[kind].append(entry)
    _check_references(nameable, named, known, checker)
    return Validated(entries, checker.problems, checker.cleaned_bodies, version)


def _unknown(in_version_2: bool) -> str:
    return 'unknown key in a version 1 file (it needs "version": 2)' if in_version_2 else "unknown key"


def _check_references(
    nameable: dict[str, list[tuple[str, dict]]], named: dict[str, set[str]], known: Known, checker: _Checker
) -> None:
    locations = known.locations | named["locations"]
    services = known.services | named["services"]
    related = known.conditions | known.pages | named["conditions"] | named["pages"]
    for name, entry in nameable["services"]:
        _check_slugs(checker, "services", name, entry, "locations", locations, "location")
    for name, entry in nameable["conditions"]:
        _check_slugs(checker, "conditions", name, entry, "services", services, "service")
        _check_slugs(checker, "conditions", name, entry, "related", related, "condition or page")
        if isinstance(entry["related"], list) and entry["slug"] in entry["related"]:
            checker.add("conditions", name, "related", "a condition cannot refer to itself")


def _check_slugs(
    checker: _Checker, kind: str, name: str, entry: dict, key: str, known: set[str], what: str
) -> None:
    if not isinstance(entry[key], list):
        return  # a value of the wrong shape, already reported
    for slug in entry[key]:
        if slug not in known:
            checker.add(kind, name, key, f"unknown reference {shown(slug)} (no {what} with this slug)")


def shown_key(key: str) -> str:
    """A key from the file as a field name in a problem: shortened like a value."""
    return key if len(key) <= 60 else f"{key[:60]}…"


class _Checker:
    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.cleaned_bodies = 0

    def add(self, kind: str, slug: str, field_name: str, message: str) -> None:
        self.problems.append(Problem(kind, slug, field_name, message))

    def duplicate_keys(self, kind: str, name: str, obj: dict, where: str = "") -> None:
        for key in getattr(obj, "duplicate_keys", ()):
            field_name = f"{where}.{shown_key(key)}" if where else shown_key(key)
            self.add(kind, name, field_name, "given more than once in one object (which one counts?)")

    def entry(self, kind: str, position: int, item: Any, version: int) -> tuple[str, dict | None, bool]:
        """The entry's name (its slug, or #position), its normalised form and whether it is clean.

        The form is None when the item is not an object; it holds None for values that are wrong.
        """
        fields = fields_of(kind, version)
        label = f"#{position + 1}"
        if not isinstance(item, dict):
            self.add(kind, label, "", f"must be a JSON object, not {_type_name(item)}")
            return label, None, False
        slug = item.get("slug")
        slug_ok = isinstance(slug, str) and self.slug_problem(slug) is None
        name = slug if slug_ok else label
        if not slug_ok:
            self.add(kind, name, "slug", "missing slug" if slug in (None, "") else self.slug_problem(slug))
        before = len(self.problems)
        self.duplicate_keys(kind, name, item)
        for key in item:
            if key not in fields:
                self.add(kind, name, shown_key(key), _unknown(key in fields_of(kind, FORMAT_VERSIONS[-1])))
        entry: dict[str, Any] = {}
        for key, (required, type_name) in fields.items():
            if key not in item or item[key] is None:
                if required and key != "slug":
                    self.add(kind, name, key, f"missing {key}")
                entry[key] = DEFAULTS.get(type_name, "")
                continue
            if key == "slug":
                entry[key] = slug if slug_ok else None
                continue
            entry[key] = self._value(kind, name, key, type_name, item[key])
        return name, entry, slug_ok and len(self.problems) == before

    def slug_problem(self, slug: Any) -> str | None:
        if not isinstance(slug, str):
            return f"must be a text, not {_type_name(slug)}"
        if len(slug) > TITLE_MAX:
            return f"longer than {TITLE_MAX} characters"
        validator = (
            validate_unicode_slug if getattr(settings, "WAGTAIL_ALLOW_UNICODE_SLUGS", True) else validate_slug
        )
        try:
            validator(slug)
        except ValidationError:
            return f"{shown(slug)} is not a valid slug (letters, digits, - and _ only)"
        if slug != slug.lower():
            # Page URLs are lower case; ‘Rugpijn’ next to ‘rugpijn’ would be two pages.
            return f"{shown(slug)} holds capitals; slugs are lower case ({shown(slug.lower())})"
        return None

    def _value(self, kind: str, name: str, key: str, type_name: str, value: Any) -> Any:
        def bad(message: str) -> None:
            self.add(kind, name, key, message)

        if type_name in ("title", "text", "phone", "kind"):
            if not isinstance(value, str):
                return bad(f"must be a text, not {_type_name(value)}")
            problem = text_problem(value, one_line=type_name != "text")
            if problem:
                return bad(problem)
            if type_name == "title":
                if not value.strip():
                    return bad(f"missing {key}")
                if len(value) > TITLE_MAX:
                    return bad(f"longer than {TITLE_MAX} characters")
            if type_name == "phone" and len(value) > PHONE_MAX:
                return bad(f"longer than {PHONE_MAX} characters")
            if type_name == "kind":
                page_kinds = [kind.key for kind in kinds.for_format_key("pages")]
                if value not in page_kinds:
                    return bad(f"{shown(value)} is not one of {', '.join(page_kinds)}")
            return value
        if type_name == "date":
            # Only YYYY-MM-DD: fromisoformat alone would also take 20240702 or 2024-W27-2.
            if isinstance(value, str) and ISO_DATE.fullmatch(value):
                try:
                    return datetime.date.fromisoformat(value).isoformat()
                except ValueError:
                    pass
            if not isinstance(value, str):
                return bad(f"must be a date (YYYY-MM-DD), not {_type_name(value)}")
            return bad(f"bad date {shown(value)} (expected YYYY-MM-DD, e.g. 2024-07-02)")
        if type_name in ("slugs", "names"):
            if not isinstance(value, list):
                return bad(f"must be a list of texts, not {_type_name(value)}")
            if not all(isinstance(v, str) for v in value):
                wrong = next(v for v in value if not isinstance(v, str))
                return bad(f"must be a list of texts, but holds {_type_name(wrong)}")
            if type_name == "names":
                return self._names(bad, value)
            for slug in _repeated(value):
                bad(f"{shown(slug)} is listed twice")
            return list(value)
        if type_name == "sections":
            return self._sections(kind, name, value)
        raise AssertionError(type_name)

    def _names(self, bad, value: list[str]) -> list[str] | None:
        names = [v.strip() for v in value]
        if not all(names):
            return bad("holds an empty name")
        for number, text in enumerate(names, start=1):
            problem = text_problem(text, one_line=True)
            if problem:
                return bad(f"name {number} {problem}")
        return names

    def _sections(self, kind: str, name: str, value: Any) -> list[dict] | None:
        if not isinstance(value, list):
            self.add(kind, name, "sections", f"must be a list, not {_type_name(value)}")
            return None
        sections = []
        for number, section in enumerate(value, start=1):
            where = f"sections[{number}]"
            if not isinstance(section, dict):
                message = f"must be a JSON object with heading and body, not {_type_name(section)}"
                self.add(kind, name, where, message)
                continue
            self.duplicate_keys(kind, name, section, where)
            for key in section:
                if key not in ("heading", "body"):
                    self.add(kind, name, f"{where}.{shown_key(key)}", "unknown key")
            heading, body = section.get("heading"), section.get("body", "")
            heading_problem = self._heading_problem(heading)
            if heading_problem:
                self.add(kind, name, f"{where}.heading", heading_problem)
            if not isinstance(body, str):
                self.add(kind, name, f"{where}.body", f"must be a text (HTML), not {_type_name(body)}")
                continue
            body_problem = text_problem(body, one_line=False)
            if body_problem:
                self.add(kind, name, f"{where}.body", body_problem)
                continue
            cleaned = clean_html(body)
            if cleaned != body.strip():
                self.cleaned_bodies += 1
            sections.append({"heading": heading, "body": cleaned})
        return sections

    @staticmethod
    def _heading_problem(heading: Any) -> str | None:
        if heading is None or (isinstance(heading, str) and not heading.strip()):
            return "missing heading"
        if not isinstance(heading, str):
            return f"must be a text, not {_type_name(heading)}"
        if len(heading) > TITLE_MAX:
            return f"longer than {TITLE_MAX} characters"
        return text_problem(heading, one_line=True)
