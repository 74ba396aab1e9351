"""What the import checks in a file and how it says what is wrong, as an editor fixing a file sees it.

Hostile files (NUL bytes, escape sequences, bombs) are in carepages/security/tests/test_hostile_import.py.
"""

import codecs
import json
from pathlib import Path

import jsonschema
import pytest

from carepages.conditions.models import ConditionPage
from carepages.content_io.exporter import export_document
from carepages.content_io.format import MAX_DOCUMENT_MB
from carepages.content_io.importer import ContentImportError, import_document
from carepages.content_io.testing import document, import_file
from carepages.locations.models import LocationPage


def problems_of(doc) -> set[tuple[str, str, str]]:
    with pytest.raises(ContentImportError) as caught:
        import_document(doc, dry_run=True)
    return {(p.kind, p.slug, p.field) for p in caught.value.problems}


def test_one_run_names_every_problem_of_an_entry_references_included(tmp_path, site_structure):
    doc = document(
        conditions=[
            {
                "slug": "rugpijn",
                "title": "Rugpijn",
                "last_updated": "02/07/2024",
                "services": ["orthopedie"],
                "related": ["hernia"],
            }
        ]
    )

    run = import_file(tmp_path, doc)

    assert not run.ok
    assert "conditions ‘rugpijn’, last_updated: bad date ‘02/07/2024’" in run.err
    assert "conditions ‘rugpijn’, services: unknown reference ‘orthopedie’ (no service" in run.err
    assert "conditions ‘rugpijn’, related: unknown reference ‘hernia’ (no condition or page" in run.err
    assert "3 problems found, nothing was imported" in run.err


def test_references_of_an_entry_without_a_usable_slug_are_named_by_its_position(site_structure):
    doc = document(services=[{"slug": "Orthopedie", "name": "Orthopedie", "locations": ["campus-oost"]}])
    assert problems_of(doc) == {("services", "#1", "slug"), ("services", "#1", "locations")}


def test_a_file_saved_with_a_byte_order_mark_imports(tmp_path, site_structure):
    # Notepad and Excel on Windows start UTF-8 files with a BOM.
    text = json.dumps(document(locations=[{"slug": "campus-noord", "name": "Campus Noord"}]))

    run = import_file(tmp_path, codecs.BOM_UTF8 + text.encode("utf-8"))

    assert run.ok, run.err
    assert LocationPage.objects.get(slug="campus-noord").title == "Campus Noord"


def test_multi_line_texts_keep_newlines_tabs_and_windows_line_ends(site_structure):
    doc = document(
        locations=[{"slug": "campus-noord", "name": "Campus Noord", "address": "Straat 1\r\n2000 Antwerpen"}],
        conditions=[
            {
                "slug": "rugpijn",
                "title": "Rugpijn",
                "intro": "Eerste regel.\nTweede\tregel.",
                "sections": [{"heading": "Wat nu?", "body": "<p>Een\n\tparagraaf.</p>"}],
            }
        ],
    )

    import_document(doc)

    exported = export_document()
    assert exported["locations"][0]["address"] == "Straat 1\r\n2000 Antwerpen"
    assert exported["conditions"][0]["intro"] == "Eerste regel.\nTweede\tregel."
    assert exported["conditions"][0]["sections"][0]["body"] == "<p>Een\n\tparagraaf.</p>"


@pytest.mark.parametrize(
    "entry, field",
    [
        ({"slug": "rugpijn", "title": "Rug\npijn"}, "title"),
        ({"slug": "rugpijn", "title": "Rug\tpijn"}, "title"),
        ({"slug": "rugpijn", "title": "Rugpijn", "also_known_as": ["lum\nbago"]}, "also_known_as"),
        (
            {"slug": "rugpijn", "title": "Rugpijn", "sections": [{"heading": "Wat\nnu?"}]},
            "sections[1].heading",
        ),
    ],
)
def test_one_line_values_refuse_line_breaks_and_tabs(entry, field, site_structure):
    assert problems_of(document(conditions=[entry])) == {("conditions", "rugpijn", field)}


@pytest.mark.parametrize(
    "change, field, message",
    [
        ({"title": {"nl": "Rugpijn"}}, "title", "must be a text, not an object"),
        ({"intro": ["Rugpijn"]}, "intro", "must be a text, not a list"),
        ({"also_known_as": "lumbago"}, "also_known_as", "must be a list of texts, not a text"),
        ({"services": [1, 2]}, "services", "must be a list of texts, but holds a number"),
        ({"related": {"slug": "hernia"}}, "related", "must be a list of texts, not an object"),
        ({"sections": "<p>Tekst</p>"}, "sections", "must be a list, not a text"),
        ({"sections": ["<p>Tekst</p>"]}, "sections[1]", "must be a JSON object with heading and body"),
        ({"sections": [{"heading": 5, "body": "x"}]}, "sections[1].heading", "must be a text, not a number"),
        ({"sections": [{"heading": "Wat?", "body": ["x"]}]}, "sections[1].body", "must be a text (HTML)"),
        ({"last_updated": 20240702}, "last_updated", "must be a date (YYYY-MM-DD), not a number"),
        ({"slug": ["rugpijn"]}, "slug", "must be a text, not a list"),
    ],
)
def test_values_of_the_wrong_shape_are_named_with_what_was_found(change, field, message, tmp_path, db):
    entry = {"slug": "rugpijn", "title": "Rugpijn", **change}
    name = "rugpijn" if field != "slug" else "#1"

    run = import_file(tmp_path, document(conditions=[entry]))

    assert not run.ok
    assert f"conditions ‘{name}’, {field}: {message}" in run.err


@pytest.mark.parametrize(
    "doc, message",
    [
        (document(conditions=5), "document, conditions: must be a list, not a number"),
        (document(locations="campus-noord"), "document, locations: must be a list, not a text"),
        (document(pages={"slug": "mri"}), "document, pages: must be a list, not an object"),
        (document(services=None), "document, services: must be a list, not null"),
        (document(services=[["orthopedie"]]), "services ‘#1’: must be a JSON object, not a list"),
        ({"format": "carepages-content", "version": True}, "document, version: must be 1"),
        ({"format": "carepages-content", "version": "1"}, "document, version: must be 1"),
        ({"format": "carepages-content", "version": 1.0}, "document, version: must be 1"),
        ({"format": "carepages-content", "version": 3}, "document, version: must be 1 or 2"),
        ({"format": "carepages-content", "version": 0}, "document, version: must be 1 or 2"),
    ],
)
def test_a_document_of_the_wrong_shape_gets_a_message(doc, message, tmp_path, db):
    run = import_file(tmp_path, doc)
    assert not run.ok
    assert message in run.err


def test_a_key_given_twice_in_one_object_is_named(tmp_path, db):
    text = (
        '{"format": "carepages-content", "version": 1, "version": 1, "conditions": ['
        '{"slug": "rugpijn", "title": "Rugpijn", "title": "Lage rugpijn",'
        ' "sections": [{"heading": "Wat?", "body": "<p>a</p>", "body": "<p>b</p>"}]}]}'
    )

    run = import_file(tmp_path, text)

    assert not run.ok
    assert "document, version: given more than once in one object" in run.err
    assert "conditions ‘rugpijn’, title: given more than once" in run.err
    assert "conditions ‘rugpijn’, sections[1].body: given more than once" in run.err


def test_a_slug_with_capitals_is_refused_with_the_lower_case_form(site_structure):
    doc = document(conditions=[{"slug": "Rugpijn", "title": "Rugpijn"}])
    with pytest.raises(ContentImportError, match="slugs are lower case \\(‘rugpijn’\\)"):
        import_document(doc)


def test_dry_run_names_the_same_problems_as_the_import(tmp_path, site_structure):
    doc = document(
        locations=[{"slug": "campus-noord", "name": "Campus\x00Noord", "phone": "0" * 51}],
        conditions=[{"slug": "rugpijn", "title": "Rugpijn", "services": ["orthopedie"]}],
    )

    dry = import_file(tmp_path, doc, "--dry-run")
    real = import_file(tmp_path, doc)

    assert not dry.ok and not real.ok
    assert dry.err == real.err
    assert "3 problems found" in real.err
    assert not LocationPage.objects.exists() and not ConditionPage.objects.exists()


def test_a_file_larger_than_the_limit_is_refused_unread(tmp_path, db):
    doc = document(locations=[{"slug": "campus-noord", "name": "Campus Noord", "address": "x" * 1_100_000}])

    refused = import_file(tmp_path, doc, "--max-mb", "1")
    accepted = import_file(tmp_path, doc, "--max-mb", "2", "--dry-run")

    assert not refused.ok
    assert "document: larger than 1 MB, the limit (import_content --max-mb raises it)" in refused.err
    assert accepted.ok, accepted.err


def test_the_default_limit_is_documented():
    text = (Path(__file__).resolve().parents[3] / "docs" / "content-format.md").read_text(encoding="utf-8")
    assert f"at most {MAX_DOCUMENT_MB} MB" in text


SCHEMA = json.loads(
    (Path(__file__).resolve().parents[3] / "docs" / "content-format.schema.json").read_text(encoding="utf-8")
)


@pytest.mark.parametrize(
    "location",
    [
        {"slug": "campus-noord", "name": "Campus\x00Noord"},
        {"slug": "campus-noord", "name": "Campus\nNoord"},
        {"slug": "campus-noord", "name": "Campus \u202eNoord"},
        {"slug": "campus-noord", "name": "Campus Noord", "address": "Straat\x1b[2J 1"},
        {"slug": "campus-noord", "name": "Campus Noord", "phone": "03\t000"},
        {"slug": "Campus-Noord", "name": "Campus Noord"},
        {"slug": "campus-noord\n", "name": "Campus Noord"},
    ],
)
def test_the_published_schema_refuses_what_the_import_refuses(location, db):
    doc = document(locations=[location])
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, SCHEMA)
    with pytest.raises(ContentImportError):
        import_document(doc, dry_run=True)


def test_the_published_schema_accepts_multi_line_texts(db):
    doc = document(
        locations=[{"slug": "campus-noord", "name": "Campus Noord", "address": "Straat 1\r\n\t2000"}]
    )
    jsonschema.validate(doc, SCHEMA)
    import_document(doc, dry_run=True)
