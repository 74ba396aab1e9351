"""Import and export of the content interchange format v1, as a hospital moving its content in uses them."""

import copy
import io
import json
from pathlib import Path

import jsonschema
import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from wagtail.models import Page, PageLogEntry, Revision, Site

from carepages.conditions.models import ConditionPage
from carepages.content_io.exporter import export_document
from carepages.content_io.importer import ContentImportError, import_document
from carepages.core.testing import hospital_file as hospital
from carepages.doctors.factories import DoctorPageFactory
from carepages.infopages.models import InfoPage
from carepages.locations.models import LocationPage
from carepages.search.engine import search
from carepages.services.models import ServicePage

REPO = Path(__file__).resolve().parents[3]
SCHEMA = json.loads((REPO / "docs" / "content-format.schema.json").read_text(encoding="utf-8"))
DEMO = json.loads(
    (REPO / "carepages" / "content_io" / "demo" / "demo_content.json").read_text(encoding="utf-8")
)


def content_counts() -> dict:
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "log": PageLogEntry.objects.count(),
    }


def test_import_creates_published_pages_with_revisions_in_their_index(client, site_structure):
    report = import_document(hospital())

    assert report.summary["conditions"] == {"created": 2, "updated": 0, "unchanged": 0}
    hernia = ConditionPage.objects.get(slug="hernia")
    assert hernia.live and hernia.url == "/aandoeningen/hernia/"
    assert hernia.get_parent().pk == site_structure.conditions.pk
    assert hernia.revisions.count() == 1 and hernia.live_revision_id == hernia.latest_revision_id
    assert [s.slug for s in hernia.live_services()] == ["orthopedie", "neurologie"]
    assert [p.slug for p in hernia.live_related()] == ["ischias", "kinesitherapie", "mri"]
    assert InfoPage.objects.get(slug="mri").url == "/onderzoeken/mri/"
    assert InfoPage.objects.get(slug="kinesitherapie").url == "/behandelingen/kinesitherapie/"
    assert ServicePage.objects.get(slug="orthopedie").live_locations()[0].slug == "campus-zuid"
    # The tree stays consistent (paths, depths, child counts) for treebeard and the admin.
    assert Page.find_problems() == ([], [], [], [], [])

    html = client.get("/aandoeningen/hernia/").content.decode()
    assert "Laatst bijgewerkt op" in html and "02/07/2024" in html
    assert "Blijf <strong>actief</strong>" in html and "/behandelingen/kinesitherapie/" in html


def test_imported_pages_open_in_the_editor(client, site_structure):
    import_document(hospital())
    admin = get_user_model().objects.create_superuser("redactie", "redactie@example.com", "x")
    client.force_login(admin)
    for page in (ConditionPage.objects.get(slug="hernia"), LocationPage.objects.get(slug="campus-noord")):
        assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
        assert client.get(f"/admin/pages/{page.pk}/history/").status_code == 200


def test_a_second_import_of_the_same_file_changes_nothing(site_structure):
    import_document(hospital())
    before = content_counts()

    report = import_document(hospital())

    assert not report.changed
    assert report.summary["conditions"] == {"created": 0, "updated": 0, "unchanged": 2}
    assert content_counts() == before


def test_a_changed_entry_is_updated_with_a_new_revision(site_structure):
    import_document(hospital())
    changed = hospital()
    changed["conditions"][1]["title"] = "Ischias (zenuwpijn)"
    changed["pages"][1]["kind"] = "info"

    report = import_document(changed)

    assert report.summary["conditions"] == {"created": 0, "updated": 1, "unchanged": 1}
    ischias = ConditionPage.objects.get(slug="ischias")
    assert ischias.title == "Ischias (zenuwpijn)" and ischias.revisions.count() == 2
    assert InfoPage.objects.get(slug="mri").url == "/info/mri/"
    assert ConditionPage.objects.get(slug="hernia").revisions.count() == 1


def test_the_search_finds_what_an_import_wrote_and_follows_its_changes(site_structure):
    import_document(hospital())
    hit = search("discushernia").results[0]
    assert (hit.type, hit.slug, hit.url) == ("condition", "hernia", "/aandoeningen/hernia/")

    changed = hospital()
    changed["conditions"][1]["title"] = "Zenuwpijn in het been"
    changed["pages"][1]["kind"] = "info"
    import_document(changed)

    assert search("zenuwpijn").results[0].slug == "ischias"
    assert [(h.slug, h.url) for h in search("mri").results[:1]] == [("mri", "/info/mri/")]


def test_export_then_import_into_an_empty_database_gives_the_same_site(site_structure):
    import_document(hospital())
    exported = export_document()
    jsonschema.validate(exported, SCHEMA)

    # Empty the database, as after `migrate`: no home page, no indexes, no content, no site.
    site_structure.home.delete()
    Site.objects.all().delete()
    assert Page.objects.filter(depth__gt=1).count() == 0

    import_document(exported)
    assert export_document() == exported
    assert ConditionPage.objects.get(slug="hernia").url == "/aandoeningen/hernia/"


def test_the_export_is_version_2_and_a_version_1_file_reads_the_same_as_version_2(site_structure):
    version_1 = hospital()
    assert version_1["version"] == 1
    import_document(version_1)
    assert export_document()["version"] == 2

    report = import_document({**version_1, "version": 2})

    assert not report.changed


def test_the_export_carries_what_was_imported(site_structure):
    import_document(hospital())
    exported = {kind: {e["slug"]: e for e in export_document()[kind]} for kind in ("locations", "conditions")}
    assert exported["locations"]["campus-noord"]["address"] == "Lange straat 1\n2000 Antwerpen"
    hernia = exported["conditions"]["hernia"]
    assert hernia["also_known_as"] == ["discushernia", "hernia nuclei pulposi"]
    assert hernia["related"] == ["ischias", "kinesitherapie", "mri"]
    assert hernia["last_updated"] == "2024-07-02"
    assert hernia["sections"][1] == {
        "heading": "Wat kan je doen?",
        "body": "<h3>Beweeg</h3><p>Blijf <strong>actief</strong>.</p>",
    }
    assert "last_updated" not in exported["conditions"]["ischias"]


def test_scripts_handlers_and_javascript_links_never_reach_a_page(client, site_structure):
    doc = hospital()
    doc["conditions"][0]["sections"][0]["body"] = (
        '<p onclick="steal()">Rust <script>alert("x")</script>wat.</p>'
        '<p><a href="javascript:alert(1)">klik</a> <img src="x" onerror="alert(2)"></p>'
        '<div style="color:red"><h2>Kop</h2></div><iframe src="https://evil.example"></iframe>'
    )
    report = import_document(doc)
    assert report.cleaned_bodies == 1

    body = export_document()["conditions"][0]["sections"][0]["body"]
    assert body == "<p>Rust wat.</p><p><a>klik</a> </p>Kop"
    html = client.get("/aandoeningen/hernia/").content.decode()
    for unsafe in ("steal()", "alert", "javascript:", "onerror", "<iframe", "evil.example"):
        assert unsafe not in html
    assert "Rust wat." in html and "klik" in html


def test_a_file_with_errors_changes_nothing_and_names_every_bad_entry(site_structure):
    import_document(hospital())
    before = content_counts()
    bad = hospital()
    bad["locations"][0]["name"] = "Campus Noord (nieuw)"  # a valid change that must not be written
    bad["services"][0]["locations"].append("campus-oost")
    bad["pages"][0]["last_updated"] = "02/07/2024"
    bad["pages"][1]["kind"] = "operation"
    bad["conditions"][0]["title"] = ""
    bad["conditions"][0]["related"].append("bestaat-niet")
    bad["conditions"][1]["colour"] = "blue"
    bad["conditions"].append({"slug": "ischias", "title": "Ischias bis"})
    bad["conditions"].append({"title": "Zonder slug"})

    with pytest.raises(ContentImportError) as caught:
        import_document(bad)

    found = {(p.kind, p.slug, p.field) for p in caught.value.problems}
    assert found == {
        ("services", "orthopedie", "locations"),
        ("pages", "kinesitherapie", "last_updated"),
        ("pages", "mri", "kind"),
        ("conditions", "hernia", "title"),
        # Named in the same run as hernia's missing title: references of bad entries are checked too.
        ("conditions", "hernia", "related"),
        ("conditions", "ischias", "colour"),
        ("conditions", "ischias", "slug"),
        ("conditions", "#4", "slug"),
    }
    messages = str(caught.value)
    assert "unknown reference ‘campus-oost’" in messages
    assert "bad date ‘02/07/2024’" in messages
    assert "missing title" in messages and "unknown key" in messages and "duplicate slug" in messages
    assert content_counts() == before
    assert LocationPage.objects.get(slug="campus-noord").title == "Campus Noord"


def test_unknown_related_slug_is_named_even_when_the_rest_is_fine(site_structure):
    bad = hospital()
    bad["conditions"][1]["related"] = ["hernia", "rugpijn"]
    with pytest.raises(ContentImportError) as caught:
        import_document(bad)
    assert [str(p) for p in caught.value.problems] == [
        "conditions ‘ischias’, related: unknown reference ‘rugpijn’ (no condition or page with this slug)"
    ]
    assert not ConditionPage.objects.exists()


def test_the_command_exits_non_zero_and_lists_the_problems(tmp_path, site_structure):
    path = tmp_path / "bad.json"
    bad = hospital()
    bad["conditions"][0]["last_updated"] = "2024-13-40"
    bad["extra"] = []
    path.write_text(json.dumps(bad), encoding="utf-8")
    err = io.StringIO()

    with pytest.raises(CommandError, match="2 problems found, nothing was imported"):
        call_command("import_content", str(path), stdout=io.StringIO(), stderr=err)

    assert "conditions ‘hernia’, last_updated: bad date ‘2024-13-40’" in err.getvalue()
    assert "document, extra: unknown key" in err.getvalue()
    assert not ConditionPage.objects.exists()


def test_the_command_reports_broken_json_with_its_position(tmp_path, site_structure):
    path = tmp_path / "broken.json"
    path.write_text('{"format": "carepages-content",\n "version": 1,,}', encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_content", str(path), stdout=io.StringIO(), stderr=err)
    assert "not valid JSON" in err.getvalue() and "line 2" in err.getvalue()


def test_dry_run_reports_what_would_change_and_writes_nothing(tmp_path, site_structure):
    path = tmp_path / "hospital.json"
    path.write_text(json.dumps(hospital()), encoding="utf-8")
    before = content_counts()
    out = io.StringIO()

    call_command("import_content", str(path), "--dry-run", stdout=out)

    assert content_counts() == before
    assert "Dry run" in out.getvalue()
    assert "conditions  created      2   updated      0   unchanged      0" in out.getvalue()


def test_the_command_summarises_per_kind(tmp_path, site_structure):
    path = tmp_path / "hospital.json"
    path.write_text(json.dumps(hospital()), encoding="utf-8")
    call_command("import_content", str(path), stdout=io.StringIO())
    out = io.StringIO()

    call_command("import_content", str(path), stdout=out)

    assert "locations   created      0   updated      0   unchanged      2" in out.getvalue()
    assert "Nothing changed." in out.getvalue()


def test_export_command_writes_a_file_that_imports_unchanged(tmp_path, demo_content):
    path = tmp_path / "export.json"
    call_command("export_content", str(path), stdout=io.StringIO())
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert [c["slug"] for c in doc["conditions"]] == ["rugpijn"]
    assert not import_document(doc).changed


def test_export_command_counts_every_list_of_the_file_doctors_too(tmp_path, site_structure):
    import_document(hospital())
    DoctorPageFactory(parent=site_structure.doctors, title="An Voorbeeld")
    out = io.StringIO()

    call_command("export_content", str(tmp_path / "export.json"), stdout=out)

    assert "Exported 2 locations, 2 services, 1 doctors, 2 pages, 2 conditions to " in out.getvalue()


def test_demo_and_example_files_follow_the_published_schema():
    jsonschema.validate(DEMO, SCHEMA)
    jsonschema.validate(hospital(), SCHEMA)
    wrong = copy.deepcopy(DEMO)
    wrong["conditions"][0]["colour"] = "blue"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(wrong, SCHEMA)


def test_the_documented_full_example_is_the_demo_file():
    text = (REPO / "docs" / "content-format.md").read_text(encoding="utf-8")
    example = text.split("## Full example", 1)[1].split("```json", 1)[1].split("```", 1)[0]
    assert json.loads(example) == DEMO


def test_load_demo_content_twice_loads_it_once(demo_content):
    before = content_counts()
    out = io.StringIO()
    call_command("load_demo_content", stdout=out)
    assert "already loaded" in out.getvalue()
    assert content_counts() == before
