"""Format version 2: doctors, and the review keys of conditions and pages (docs/content-format.md)."""

import copy
import json
from pathlib import Path

import jsonschema
import pytest
from wagtail.models import Page, Site

from carepages.conditions.models import ConditionPage, ConditionReviewer
from carepages.content_io.exporter import export_document
from carepages.content_io.importer import ContentImportError, import_document
from carepages.core.testing import blocks, read
from carepages.doctors.models import DoctorPage
from carepages.infopages.models import InfoPage

REPO = Path(__file__).resolve().parents[3]
SCHEMA = json.loads((REPO / "docs" / "content-format.schema.json").read_text(encoding="utf-8"))


def v2_file() -> dict:
    """A small hospital in version 2: two campuses, two services, two (invented) doctors."""
    return {
        "format": "carepages-content",
        "version": 2,
        "locations": [
            {"slug": "campus-noord", "name": "Campus Noord"},
            {"slug": "campus-zuid", "name": "Campus Zuid"},
        ],
        "services": [
            {"slug": "neurochirurgie", "name": "Neurochirurgie", "locations": ["campus-noord"]},
            {"slug": "orthopedie", "name": "Orthopedie", "locations": ["campus-noord", "campus-zuid"]},
        ],
        "doctors": [
            {
                "slug": "dr-an-voorbeeld",
                "name": "An Voorbeeld",
                "title": "dr.",
                "role": "diensthoofd",
                "services": ["neurochirurgie"],
                "locations": ["campus-zuid", "campus-noord"],
                "languages": ["nl", "fr", "en"],
            },
            {"slug": "bert-proef", "name": "Bert Proef"},
        ],
        "pages": [
            {
                "slug": "mri",
                "title": "MRI",
                "kind": "examination",
                "last_reviewed": "2025-01-15",
                "reviewed_by": ["bert-proef"],
                "sources": [{"title": "MRI-veiligheid", "year": 2022}],
            }
        ],
        "conditions": [
            {
                "slug": "hernia",
                "title": "Hernia",
                "services": ["neurochirurgie"],
                "related": ["mri"],
                "last_updated": "2024-07-02",
                "last_reviewed": "2025-03-01",
                "next_review": "2027-03-01",
                "reviewed_by": ["dr-an-voorbeeld", "bert-proef"],
                "sources": [
                    {
                        "title": "Lage rugpijn en lumbosacraal radiculair syndroom",
                        "publisher": "KCE",
                        "year": 2017,
                        "url": "https://kce.fgov.be/nl/lage-rugpijn",
                    }
                ],
            }
        ],
    }


def problems_of(doc) -> list[str]:
    with pytest.raises(ContentImportError) as error:
        import_document(doc)
    return [str(problem) for problem in error.value.problems]


def test_a_version_2_file_creates_doctors_and_the_review_of_its_pages(client, site_structure):
    import_document(v2_file())
    doctor = DoctorPage.objects.get(slug="dr-an-voorbeeld")
    assert doctor.live and doctor.url == "/artsen/dr-an-voorbeeld/"
    assert (doctor.honorific, doctor.role, doctor.languages) == ("dr.", "diensthoofd", ["nl", "fr", "en"])
    assert [s.slug for s in doctor.live_services()] == ["neurochirurgie"]
    assert [loc.slug for loc in doctor.live_locations()] == ["campus-zuid", "campus-noord"]

    page = blocks(read(client.get("/aandoeningen/hernia/")).find("main"))
    assert "Laatst nagekeken op 01/03/2025 · Volgende controle: 01/03/2027" in page
    assert "Nagekeken door: dr. An Voorbeeld (diensthoofd), Bert Proef" in page
    doctor.delete()  # the reviewer keeps the doctor's name
    page = blocks(read(client.get("/aandoeningen/hernia/")).find("main"))
    assert "Nagekeken door: dr. An Voorbeeld, Bert Proef" in page
    mri = InfoPage.objects.get(slug="mri")
    assert [r.doctor.slug for r in mri.reviewers.all()] == ["bert-proef"]
    assert [(s.title, s.year, s.url) for s in mri.sources.all()] == [("MRI-veiligheid", 2022, "")]
    assert "Dr. An Voorbeeld" not in client.get("/artsen/").content.decode()  # the title stays lower case


def test_import_export_import_round_trips_and_follows_the_schema(site_structure):
    import_document(v2_file())
    exported = export_document()
    jsonschema.validate(exported, SCHEMA)
    assert {d["slug"]: d for d in exported["doctors"]}["dr-an-voorbeeld"] == v2_file()["doctors"][0]
    hernia = {c["slug"]: c for c in exported["conditions"]}["hernia"]
    original = v2_file()["conditions"][0]
    for key in ("last_reviewed", "next_review", "reviewed_by", "sources"):
        assert hernia[key] == original[key], key
    assert not import_document(exported).changed

    site_structure.home.delete()
    Site.objects.all().delete()
    assert Page.objects.filter(depth__gt=1).count() == 0
    import_document(exported)
    assert export_document() == exported


def test_a_version_1_file_leaves_doctors_reviews_and_sources_as_they_are(site_structure):
    import_document(v2_file())
    version_1 = copy.deepcopy(v2_file())
    version_1["version"] = 1
    del version_1["doctors"]
    for entry in version_1["conditions"] + version_1["pages"]:
        for key in ("last_reviewed", "next_review", "reviewed_by", "sources"):
            entry.pop(key, None)
    version_1["conditions"][0]["title"] = "Discushernia"
    import_document(version_1)
    hernia = ConditionPage.objects.get(slug="hernia")
    assert hernia.title == "Discushernia"
    assert hernia.reviewed_on.isoformat() == "2025-03-01"
    assert [r.doctor.slug for r in hernia.reviewers.all()] == ["dr-an-voorbeeld", "bert-proef"]
    assert hernia.sources.count() == 1
    assert DoctorPage.objects.count() == 2


def test_a_version_1_file_may_not_list_doctors(site_structure):
    doc = v2_file()
    doc["version"] = 1
    problems = problems_of(doc)
    assert 'document, doctors: unknown key in a version 1 file (it needs "version": 2)' in problems
    assert (
        'conditions ‘hernia’, reviewed_by: unknown key in a version 1 file (it needs "version": 2)'
        in problems
    )


def test_reviewers_named_without_a_doctors_page_survive_an_import(site_structure):
    import_document(v2_file())
    hernia = ConditionPage.objects.get(slug="hernia")
    hernia.reviewers.add(ConditionReviewer(name="Dirk Dewolf", role="huisarts"))
    hernia.save_revision().publish()
    doc = v2_file()
    doc["conditions"][0]["reviewed_by"] = ["bert-proef"]
    import_document(doc)
    hernia = ConditionPage.objects.get(slug="hernia")
    assert [(r.doctor.slug if r.doctor else r.name) for r in hernia.reviewers.all()] == [
        "bert-proef",
        "Dirk Dewolf",
    ]
    assert not import_document(doc).changed


def test_a_doctor_may_be_named_by_a_page_when_already_on_the_site(site_structure):
    import_document(v2_file())
    doc = v2_file()
    del doc["doctors"]
    assert not import_document(doc).changed


def test_every_bad_value_is_named_by_kind_slug_and_field(site_structure):
    doc = v2_file()
    an = doc["doctors"][0]
    an["languages"] = ["nl", "vl"]
    an["services"] = ["kardiologie"]
    an["title"] = ["dr."]
    doc["doctors"][1]["role"] = "r" * 201
    doc["doctors"][1]["locations"] = ["campus-west"]
    hernia = doc["conditions"][0]
    hernia["reviewed_by"] = ["dr-niemand"]
    hernia["next_review"] = "2025-01-01"
    hernia["sources"] = [
        {"title": "Oud", "year": 25, "url": "javascript:alert(1)"},
        {"publisher": "KCE", "year": "2017", "colour": "blue"},
        "KCE 2017",
    ]
    doc["pages"][0]["last_reviewed"] = "2099-01-01"
    problems = problems_of(doc)
    expected = [
        "doctors ‘dr-an-voorbeeld’, languages: unknown language code ‘vl’ (ISO 639-1, one of nl, fr, en,",
        "doctors ‘dr-an-voorbeeld’, title: must be a text, not a list",
        "doctors ‘bert-proef’, role: longer than 200 characters",
        "doctors ‘bert-proef’, locations: unknown reference ‘campus-west’ (no location with this slug)",
        "conditions ‘hernia’, reviewed_by: unknown reference ‘dr-niemand’ (no doctor with this slug)",
        "conditions ‘hernia’, next_review: 2025-01-01 must come after last_reviewed (2025-03-01)",
        "conditions ‘hernia’, sources[1].year: must be a 4-digit year from 1900 to",
        "conditions ‘hernia’, sources[1].url: ‘javascript:alert(1)’ is not an http:// or https:// address",
        "conditions ‘hernia’, sources[2].colour: unknown key",
        "conditions ‘hernia’, sources[2].title: missing title",
        "conditions ‘hernia’, sources[2].year: must be a 4-digit year from 1900 to",
        "conditions ‘hernia’, sources[3]: must be a JSON object with a title, not a text",
        "pages ‘mri’, last_reviewed: 2099-01-01 lies in the future",
    ]
    for line in expected:
        assert any(problem.startswith(line) for problem in problems), (line, problems)
    assert DoctorPage.objects.count() == 0, "nothing half written"


def test_the_schema_knows_the_same_languages_as_the_importer():
    from carepages.doctors.languages import LANGUAGES

    assert SCHEMA["$defs"]["doctor"]["properties"]["languages"]["items"]["enum"] == list(LANGUAGES)
    jsonschema.validate(v2_file(), SCHEMA)
