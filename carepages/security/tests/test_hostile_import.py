"""`import_content` against an attacker's checklist: hostile bytes, bombs and disguised values.

Every hostile file gets a message naming kind, entry and field, never a traceback; the output
never carries the file's control characters to the operator's terminal; `--dry-run` refuses
exactly what the import refuses, on SQLite and PostgreSQL alike (PostgreSQL refuses NUL bytes
that SQLite stores, so a check the database makes would break the SQLite → PostgreSQL move);
and a refused file writes nothing.
"""

from __future__ import annotations

import copy
import json
import unicodedata

import pytest
from wagtail.models import Page, Revision

from carepages.conditions.models import ConditionPage
from carepages.content_io.exporter import export_document
from carepages.content_io.importer import ContentImportError, import_document
from carepages.content_io.testing import CommandRun, document, import_file, run_import


def small_site() -> dict:
    return document(
        locations=[{"slug": "campus-noord", "name": "Campus Noord", "address": "Straat 1", "phone": "03"}],
        services=[
            {"slug": "orthopedie", "name": "Orthopedie", "intro": "Botten.", "locations": ["campus-noord"]}
        ],
        pages=[{"slug": "mri", "title": "MRI", "kind": "examination", "intro": "Een scan."}],
        conditions=[
            {
                "slug": "rugpijn",
                "title": "Rugpijn",
                "also_known_as": ["lumbago"],
                "sections": [{"heading": "Wat nu?", "body": "<p>Beweeg.</p>"}],
                "services": ["orthopedie"],
                "related": ["mri"],
            }
        ],
    )


# Where a hostile text goes: (kind, field as the problem names it, how to put it there).
PLACES = {
    "location name": ("locations", "name", lambda d, t: d["locations"][0].update(name=f"Campus{t}")),
    "location address": ("locations", "address", lambda d, t: d["locations"][0].update(address=t)),
    "location phone": ("locations", "phone", lambda d, t: d["locations"][0].update(phone=f"03{t}")),
    "service intro": ("services", "intro", lambda d, t: d["services"][0].update(intro=t)),
    "page title": ("pages", "title", lambda d, t: d["pages"][0].update(title=f"MRI{t}")),
    "page kind": ("pages", "kind", lambda d, t: d["pages"][0].update(kind=f"info{t}")),
    "condition intro": ("conditions", "intro", lambda d, t: d["conditions"][0].update(intro=t)),
    "also known as": (
        "conditions",
        "also_known_as",
        lambda d, t: d["conditions"][0].update(also_known_as=[t]),
    ),
    "heading": (
        "conditions",
        "sections[1].heading",
        lambda d, t: d["conditions"][0]["sections"][0].update(heading=t),
    ),
    "body": ("conditions", "sections[1].body", lambda d, t: d["conditions"][0]["sections"][0].update(body=t)),
}
SLUG_OF = {"locations": "campus-noord", "services": "orthopedie", "pages": "mri", "conditions": "rugpijn"}


def with_text(place: str, text: str) -> tuple[dict, tuple[str, str, str]]:
    """The small site with `text` in one place, and the problem that must name it."""
    kind, field, put = PLACES[place]
    doc = small_site()
    put(doc, f"x{text}y")
    return doc, (kind, SLUG_OF[kind], field)


def problems(doc: dict, dry_run: bool) -> set[tuple[str, str, str]]:
    with pytest.raises(ContentImportError) as caught:
        import_document(doc, dry_run=dry_run)
    return {(p.kind, p.slug, p.field) for p in caught.value.problems}


def assert_no_raw_control_characters(run: CommandRun) -> None:
    for char in run.out + run.err:
        assert char == "\n" or unicodedata.category(char) not in ("Cc", "Cf", "Cs", "Zl", "Zp"), repr(char)


# --- NUL and control characters ---------------------------------------------------------------


@pytest.mark.parametrize("place", PLACES)
def test_a_nul_byte_is_refused_by_dry_run_and_import_naming_entry_and_field(place, site_structure):
    doc, expected = with_text(place, "\x00")
    pages = Page.objects.count()

    assert problems(doc, dry_run=True) == {expected}
    # The real import refuses it the same way, on PostgreSQL too (no DataError traceback).
    assert problems(doc, dry_run=False) == {expected}
    assert Page.objects.count() == pages  # nothing half-written


@pytest.mark.parametrize(
    "char", ["\x07", "\x1b", "\x7f", "\x9b", "\x0b", "\x0c"], ids=["BEL", "ESC", "DEL", "CSI", "VT", "FF"]
)
@pytest.mark.parametrize("place", ["location address", "heading", "body"])
def test_control_characters_are_refused_in_one_line_and_multi_line_texts(char, place, db):
    doc, expected = with_text(place, char)
    assert problems(doc, dry_run=True) == {expected}


@pytest.mark.parametrize("char", ["\u202e", "\u2066", "\u2028"], ids=["RLO", "LRI", "LS"])
@pytest.mark.parametrize(
    "place", ["location name", "page title", "also known as", "heading", "location phone"]
)
def test_bidi_overrides_and_line_separators_are_refused_in_one_line_values(char, place, db):
    # After U+202E a title shows backwards: in lists, the admin and logs it reads as something else.
    doc, expected = with_text(place, char)
    assert problems(doc, dry_run=True) == {expected}


def test_a_lone_surrogate_is_refused(tmp_path, site_structure):
    # "\ud800" is valid JSON, but no UTF-8 exists for it: neither database could store it.
    text = json.dumps(small_site()).replace('"Rugpijn"', '"Rug\\ud800pijn"')

    run = import_file(tmp_path, text)

    assert not run.ok
    assert "conditions ‘rugpijn’, title: holds a lone surrogate U+D800 at character 4" in run.err
    assert not ConditionPage.objects.exists()


def test_a_nul_byte_in_a_changed_page_leaves_the_page_as_it_was(tmp_path, site_structure):
    # The case that failed on PostgreSQL with a DataError naming no entry.
    import_document(small_site())
    revisions = Revision.objects.count()
    doc = small_site()
    doc["conditions"][0]["title"] = "Rugpijn\x00(nieuw)"

    dry = import_file(tmp_path, doc, "--dry-run")
    real = import_file(tmp_path, doc)

    for run in (dry, real):
        assert not run.ok
        assert "conditions ‘rugpijn’, title: holds the control character U+0000 at character 8" in run.err
    assert ConditionPage.objects.get(slug="rugpijn").title == "Rugpijn"
    assert Revision.objects.count() == revisions


def test_the_output_never_echoes_raw_control_characters(tmp_path, site_structure):
    doc = small_site()
    doc["\x1b[2J\x1b]0;pwned\x07"] = 1  # clear the screen, set the terminal's title
    doc["conditions"][0]["title"] = "Rug\x1b[31mpijn"
    doc["conditions"][0]["last_updated"] = "\x1b[1A\u202e2024"
    doc["conditions"][0]["related"] = ["mri", "evil\x07\u202e"]
    doc["pages"][0]["kind"] = "\x9b2J"
    doc["locations"].append({"slug": "exe.\u202egnp", "name": "Campus"})

    run = import_file(tmp_path, doc)

    assert not run.ok
    assert_no_raw_control_characters(run)
    assert "document, \\x1b[2J\\x1b]0;pwned\\x07: unknown key" in run.err
    assert "bad date ‘\\x1b[1A\\u202e2024’" in run.err
    assert "unknown reference ‘evil\\x07\\u202e’" in run.err
    assert "pages ‘mri’, kind: holds the control character U+009B at character 1" in run.err
    assert "‘exe.\\u202egnp’ is not a valid slug" in run.err


def test_a_file_name_with_control_characters_is_escaped_too(tmp_path, db):
    run = run_import(str(tmp_path / "bestaat\x1b[2Jniet.json"))
    assert not run.ok
    assert_no_raw_control_characters(run)
    assert "bestaat\\x1b[2Jniet.json" in run.err


# --- bombs: nesting, numbers, size ------------------------------------------------------------


@pytest.mark.parametrize(
    "text, message",
    [
        ('{"conditions": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested too deeply"),
        ('{"conditions": [' + '{"a": ' * 100_000 + "1" + "}" * 100_000 + "]}", "nested too deeply"),
        ('{"format": "carepages-content", "version": ' + "9" * 5000 + "}", "a number of 5000 digits"),
        ('{"format": "carepages-content", "version": -' + "9" * 5000 + "}", "a number of 5000 digits"),
        ('{"format": "carepages-content", "version": NaN}', "NaN is not a JSON value"),
        ('{"format": "carepages-content", "version": Infinity}', "Infinity is not a JSON value"),
        ('{"format": "carepages-content", "version": -Infinity}', "-Infinity is not a JSON value"),
    ],
    ids=["deep lists", "deep objects", "5000 digits", "-5000 digits", "NaN", "Infinity", "-Infinity"],
)
def test_bombs_answer_one_message_and_no_traceback(text, message, tmp_path, db):
    run = import_file(tmp_path, text)
    assert not run.ok
    assert message in run.err and "1 problem found, nothing was imported" in run.err


def test_many_repeated_keys_and_slugs_are_counted_in_one_pass(tmp_path, db):
    # 200,000 repeats: counting each against all the others would take hours, not a moment.
    repeated_keys = '{"format": "carepages-content", "version": 1' + ', "x": 1' * 200_000 + "}"
    run = import_file(tmp_path, repeated_keys)
    assert "document, x: given more than once in one object" in run.err

    doc = small_site()
    doc["conditions"][0]["services"] = ["orthopedie"] * 200_000
    run = import_file(tmp_path, doc)
    assert "conditions ‘rugpijn’, services: ‘orthopedie’ is listed twice" in run.err
    assert "1 problem found" in run.err


def test_an_endless_file_is_read_only_up_to_the_limit(db):
    run = run_import("/dev/zero")
    assert not run.ok
    assert "document: larger than 50 MB, the limit" in run.err


def test_a_directory_is_not_a_file(tmp_path, db):
    run = run_import(str(tmp_path))
    assert not run.ok
    assert f"document: cannot read {tmp_path}: Is a directory" in run.err


def test_a_late_problem_in_a_large_file_writes_nothing(tmp_path, site_structure):
    # More than 300 entries: the import with a progress bar; the check still comes first.
    doc = small_site()
    doc["conditions"] += [{"slug": f"aandoening-{i}", "title": f"Aandoening {i}"} for i in range(300)]
    doc["conditions"][-1]["intro"] = "\x00"
    pages = Page.objects.count()

    run = import_file(tmp_path, doc)

    assert not run.ok
    assert "conditions ‘aandoening-299’, intro: holds the control character U+0000" in run.err
    assert Page.objects.count() == pages


# --- not a JSON document ----------------------------------------------------------------------

LATIN_1 = '{"format": "carepages-content", "version": 1, "locations": [{"name": "Café"}]}'.encode("latin-1")


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "the file is empty"),
        (b" \n\t\r\n", "the file is empty"),
        (LATIN_1, f"not UTF-8 text (byte 0xe9 at offset {LATIN_1.index(0xE9)})"),
        (b"\xff\xfe{\x00}\x00", "UTF-16 text; save the file as UTF-8"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not UTF-8 text (byte 0x89 at offset 0)"),
        (b"<!doctype html><title>Rugpijn</title>", "not valid JSON: Expecting value at line 1, column 1"),
        (b"format: carepages-content\nversion: 1\n", "not valid JSON"),
        (b'{"format": "carepages-content", "version": 1', "not valid JSON"),
        (b"[]", "the file must hold one JSON object, not a list"),
        (b'"carepages-content"', "the file must hold one JSON object, not a text"),
        (b"null", "the file must hold one JSON object, not null"),
    ],
    ids=["empty", "blank", "latin-1", "utf-16", "png", "html", "yaml", "cut off", "array", "string", "null"],
)
def test_a_file_that_is_not_a_json_document_is_named_as_such(content, message, tmp_path, db):
    run = import_file(tmp_path, content)
    assert not run.ok
    assert f"document: {message}" in run.err
    assert_no_raw_control_characters(run)


# --- disguised values -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "slug, message",
    [
        ("../admin", "is not a valid slug"),
        ("..", "is not a valid slug"),
        ("a/b", "is not a valid slug"),
        ("a\\b", "is not a valid slug"),
        ("%2e%2e", "is not a valid slug"),
        ("rug pijn", "is not a valid slug"),
        ("rugpijn\n", "is not a valid slug"),
        ("Rugpijn", "slugs are lower case (‘rugpijn’)"),
        ("RUGPIJN", "slugs are lower case (‘rugpijn’)"),
        ("r" * 256, "longer than 255 characters"),
        ("", "missing slug"),
    ],
)
def test_slugs_that_leave_their_folder_or_disguise_themselves_are_refused(slug, message, tmp_path, db):
    doc = small_site()
    doc["pages"][0]["slug"] = slug

    run = import_file(tmp_path, doc)

    assert not run.ok
    assert "pages ‘#1’, slug: " in run.err and message in run.err
    # The condition's "related" pointed at the page; it is named in the same run.
    assert "conditions ‘rugpijn’, related: unknown reference ‘mri’" in run.err


def test_duplicate_slugs_in_one_file_are_refused(site_structure):
    doc = small_site()
    doc["conditions"].append({"slug": "rugpijn", "title": "Rugpijn (kopie)"})
    assert problems(doc, dry_run=True) == {("conditions", "rugpijn", "slug")}


@pytest.mark.parametrize(
    "place, text",
    [
        ("location name", "N" * 256),
        ("page title", "T" * 256),
        ("heading", "H" * 256),
        ("location phone", "0" * 51),
    ],
)
def test_values_longer_than_their_database_field_are_refused(place, text, site_structure):
    kind, field, put = PLACES[place]
    doc = small_site()
    put(doc, text)
    with pytest.raises(ContentImportError, match="longer than"):
        import_document(doc, dry_run=True)
    assert problems(doc, dry_run=False) == {(kind, SLUG_OF[kind], field)}


def test_values_that_look_odd_but_are_fine_import_as_they_are_on_every_database(site_structure):
    # Dry run and import agree on what is accepted as well: nothing here may fail when written.
    doc = small_site()
    doc["locations"][0]["name"] = "𝄞" * 255  # 255 characters of four bytes each
    doc["locations"][0]["phone"] = "☎" * 50
    doc["locations"][0]["address"] = "Straat 1\r\n2000 Antwerpen\tBelgië"
    doc["pages"][0]["title"] = "MRI\u200b – بالعربية – עברית"
    doc["pages"][0]["intro"] = "Mixed \u202bעברית\u202c text keeps its embedding in prose."
    doc["conditions"][0]["also_known_as"] = ["lumbago 🙂", "ischialgie"]
    doc["conditions"][0]["sections"][0]["body"] = "<p>Tab\there,\nline\nthere; &lt;script&gt; as text.</p>"

    import_document(doc, dry_run=True)
    report = import_document(doc)

    assert report.summary["locations"]["created"] == 1
    exported = export_document()
    # The export is version 2: the version 1 keys of the entry come back as they were.
    assert {key: exported["locations"][0][key] for key in doc["locations"][0]} == doc["locations"][0]
    assert exported["pages"][0]["title"] == doc["pages"][0]["title"]
    assert exported["pages"][0]["intro"] == doc["pages"][0]["intro"]
    assert exported["conditions"][0]["also_known_as"] == ["lumbago 🙂", "ischialgie"]
    assert exported["conditions"][0]["sections"][0]["body"] == doc["conditions"][0]["sections"][0]["body"]


@pytest.mark.parametrize(
    "link",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "&#106;avascript:alert(1)",
        "javascript&colon;alert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "vbscript:msgbox(1)",
    ],
)
def test_script_links_in_bodies_never_reach_a_page(link, client, site_structure):
    doc = small_site()
    doc["conditions"][0]["sections"][0]["body"] = f'<p><a href="{link}">klik</a></p>'

    import_document(doc)

    body = export_document()["conditions"][0]["sections"][0]["body"]
    assert body == "<p><a>klik</a></p>"
    html = client.get("/aandoeningen/rugpijn/").content.decode().lower()
    for unsafe in ("javascript", "vbscript", "data:text"):
        assert unsafe not in html


def test_a_refused_file_changes_nothing_on_an_existing_site(tmp_path, site_structure):
    import_document(small_site())
    before = export_document(), Revision.objects.count()
    doc = copy.deepcopy(small_site())
    doc["locations"][0]["name"] = "Campus Noord (nieuw)"  # a valid change, not written either
    doc["conditions"][0]["sections"][0]["heading"] = "Wat\u202enu?"

    run = import_file(tmp_path, doc)

    assert not run.ok
    assert (export_document(), Revision.objects.count()) == before
