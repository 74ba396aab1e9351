"""What editors see of the feedback in the admin: per page, the answers, the CSV; and who may see it."""

import csv
import datetime
import io
import json

from django.urls import reverse

from carepages.core.testing import read, text
from carepages.feedback.models import Feedback

from .conftest import CONDITION, OWN_ORIGIN, SERVICE, TREATMENT, form_data

REPORT = "/admin/feedback/"
ANSWERS = "/admin/feedback/antwoorden/"


def _answer(client, path: str, answer: str, comment: str = "") -> None:
    html = client.get(path).content
    response = client.post("/feedback/", form_data(html, nuttig=answer, opmerking=comment), **OWN_ORIGIN)
    assert response.status_code == 302


def _rows(soup) -> list[list[str]]:
    return [[text(cell) for cell in row.select("td")] for row in soup.select("table tbody tr")]


def _csv(response) -> list[list[str]]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))


def _patients_answer(client):
    """Three answers on the condition (2 yes, 1 no with a comment), one no on the service."""
    _answer(client, CONDITION, "ja")
    _answer(client, CONDITION, "ja", "Heel duidelijk.")
    _answer(client, CONDITION, "nee", "Te moeilijk, bel me op 0470 12 34 56.")
    _answer(client, SERVICE, "nee")


def test_the_report_shows_per_page_the_share_of_useful(admin_client, pages):
    _patients_answer(admin_client)
    soup = read(admin_client.get(REPORT))
    assert text(soup.select_one("h1")) == "Feedback per pagina"
    assert _rows(soup) == [["Hartfalen", "3", "2", "67", "2"], ["Cardiologie", "1", "0", "0", "0"]]
    assert TREATMENT not in str(soup), "pages without answers are not listed"
    link = soup.find("a", string=lambda s: s and s.strip() == "Hartfalen")
    assert link["href"] == f"{ANSWERS}?pagina={pages[CONDITION].pk}"


def test_the_answers_of_one_page_with_their_scrubbed_comments(admin_client, pages, today):
    _patients_answer(admin_client)
    response = admin_client.get(ANSWERS, {"pagina": pages[CONDITION].pk, "met_opmerking": "true"})
    rows = _rows(read(response))
    assert sorted(row[1:4] for row in rows) == [
        ["Hartfalen", "Ja", "Heel duidelijk."],
        ["Hartfalen", "Nee", "Te moeilijk, bel me op [nummer verwijderd]."],
    ]
    assert {row[0] for row in rows} == {"02/03/2026"}


def test_the_csv_exports_are_in_dutch(admin_client, pages, today):
    _patients_answer(admin_client)
    per_page = _csv(admin_client.get(REPORT, {"export": "csv"}))
    assert per_page == [
        ["Pagina", "Adres", "Antwoorden", "Nuttig", "% nuttig", "Opmerkingen"],
        ["Hartfalen", CONDITION, "3", "2", "67", "2"],
        ["Cardiologie", SERVICE, "1", "0", "0", "0"],
    ]
    answers = _csv(admin_client.get(ANSWERS, {"export": "csv", "antwoord": "nee"}))
    assert answers[0] == ["Dag", "Pagina", "Adres", "Nuttig?", "Opmerking"]
    assert sorted(answers[1:]) == [
        ["02/03/2026", "Cardiologie", SERVICE, "Nee", ""],
        ["02/03/2026", "Hartfalen", CONDITION, "Nee", "Te moeilijk, bel me op [nummer verwijderd]."],
    ]


def test_only_the_day_is_kept_not_the_time(admin_client, pages, today):
    _answer(admin_client, CONDITION, "ja")
    assert Feedback.objects.values_list("day", flat=True).get() == datetime.date(2026, 3, 2)
    field_names = {field.name for field in Feedback._meta.get_fields()}
    assert field_names == {"id", "page", "useful", "comment", "day"}


def test_editors_see_the_reports_only_when_allowed(editor_client, pages, client):
    # The answer comes from a patient before the editor logs in (same test client).
    _answer(client, CONDITION, "ja")
    refused = editor_client()
    for url in (REPORT, ANSWERS, f"{REPORT}?export=csv", f"{ANSWERS}?export=csv"):
        response = refused.get(url)
        assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home"), url


def test_an_editor_with_the_permission_finds_the_report_in_the_reports_menu(editor_client, pages):
    allowed = editor_client("feedback.view_feedback")
    soup = read(allowed.get(REPORT))
    assert text(soup.select_one("h1")) == "Feedback per pagina"
    props = read(allowed.get(reverse("wagtailadmin_home"))).select_one("#wagtail-sidebar-props")
    assert "Feedback van patiënten" in json.dumps(json.loads(props.string), ensure_ascii=False)


def test_an_editor_redacts_a_name_from_a_comment_through_the_report(admin_client, pages):
    _answer(admin_client, CONDITION, "nee", "Dokter Jan Peeters legde het anders uit.")
    row = Feedback.objects.get()
    soup = read(admin_client.get(ANSWERS))
    link = soup.find("a", string=lambda s: s and "Opmerking aanpassen of verwijderen" in s)
    edit = read(admin_client.get(link["href"]))
    fields = edit.select("form textarea, form input:not([type=hidden])")
    assert [field["name"] for field in fields] == ["comment"]
    response = admin_client.post(link["href"], {"comment": "Een arts legde het anders uit."})
    assert response.status_code == 302
    row.refresh_from_db()
    redacted = ("Een arts legde het anders uit.", False, pages[CONDITION].pk)
    assert (row.comment, row.useful, row.page_id) == redacted


def test_an_editor_deletes_an_answer(admin_client, pages):
    _answer(admin_client, CONDITION, "nee", "Mijn naam is An.")
    row = Feedback.objects.get()
    delete_url = reverse("feedback_answers:delete", args=[row.pk])
    assert admin_client.post(delete_url).status_code == 302
    assert not Feedback.objects.exists()


def test_nobody_adds_feedback_in_the_admin(admin_client, pages):
    response = admin_client.get(reverse("feedback_answers:add"))
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    response = admin_client.post(reverse("feedback_answers:add"), {"comment": "verzonnen"})
    assert not Feedback.objects.exists()


def test_an_editor_who_may_only_view_gets_no_edit_link_and_no_edit_page(editor_client, pages, client):
    _answer(client, CONDITION, "ja", "Goed.")
    viewer = editor_client("feedback.view_feedback")
    soup = read(viewer.get(ANSWERS))
    assert "Opmerking aanpassen of verwijderen" not in text(soup)
    edit_url = reverse("feedback_answers:edit", args=[Feedback.objects.get().pk])
    assert viewer.post(edit_url, {"comment": "weg"}).status_code == 302
    assert Feedback.objects.get().comment == "Goed."
