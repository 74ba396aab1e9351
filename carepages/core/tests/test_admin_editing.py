"""Editors at work in the real Wagtail admin: create, edit, publish, preview, schedule, moderate.

Every test posts the admin's own forms (as the browser would) and then reads
the public page as a patient does.
"""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, Revision, Workflow, WorkflowPage, WorkflowState
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from carepages.conditions.models import ConditionPage
from carepages.core.testing import blocks, links, read, region, text
from carepages.infopages.models import InfoPage, Kind
from carepages.locations.factories import LocationPageFactory
from carepages.locations.models import LocationPage
from carepages.services.factories import ServicePageFactory
from carepages.services.models import ServicePage


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("redacteur", "redactie@example.be", "wachtwoord-123")
    client.force_login(user)
    return client


def add_url(model, parent) -> str:
    return reverse("wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk])


def edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def create(client, model, parent, fields: dict, action: str = "action-publish"):
    # The review cycle's inline panels (reviewers, sources) are part of every content page's form.
    empty = {name: inline_formset([]) for name in ("comments", "reviewers", "sources")}
    if model is LocationPage:  # a campus's hours and their exceptions are StreamFields
        empty |= {"opening_hours": streamfield([]), "hours_exceptions": streamfield([])}
    data = nested_form_data({**empty, **fields})
    data[action] = action.removeprefix("action-")
    response = client.post(add_url(model, parent), data)
    assert response.status_code == 302, form_errors(response)
    return model.objects.get(slug=fields["slug"])


def edit_form(client, page):
    """The edit form's data as the browser would submit it unchanged.

    The StreamField editor is drawn by JavaScript, so its fields are not in
    the HTML: they are filled from the page's current sections, as it would.
    """
    data = querydict_from_html(client.get(edit_url(page)).content.decode(), form_id="page-edit-form")
    if hasattr(page.specific, "sections"):
        current = [
            ("section", {"heading": block.value["heading"], "body": rich_text(block.value["body"].source)})
            for block in page.specific.sections
        ]
        data.update(nested_form_data({"sections": streamfield(current)}))
    if hasattr(page.specific, "opening_hours"):
        data.update(nested_form_data(campus_hours(page.specific)))
    return data


def campus_hours(campus) -> dict:
    """A campus's hours and exceptions as the StreamField editor would submit them."""

    def hhmm(value):
        return value.strftime("%H:%M") if value else ""

    hours = [
        (
            "hours",
            {
                **block.value,
                "days": tuple(block.value["days"]),
                "opens": hhmm(block.value["opens"]),
                "closes": hhmm(block.value["closes"]),
            },
        )
        for block in campus.opening_hours
    ]
    exceptions = [
        (
            "exception",
            {
                **block.value,
                "start": block.value["start"].isoformat(),
                "end": block.value["end"].isoformat() if block.value["end"] else "",
                "closed": "on" if block.value["closed"] else "",
                "opens": hhmm(block.value["opens"]),
                "closes": hhmm(block.value["closes"]),
            },
        )
        for block in campus.hours_exceptions
    ]
    return {"opening_hours": streamfield(hours), "hours_exceptions": streamfield(exceptions)}


def edit(client, page, changes: dict, action: str = "action-publish"):
    """Open the edit form, change some fields, submit it: what an editor does."""
    data = edit_form(client, page)
    for name, value in changes.items():
        data[name] = value
    data[action] = action.removeprefix("action-")
    response = client.post(edit_url(page), data)
    assert response.status_code == 302, form_errors(response)
    return type(page).objects.get(pk=page.pk)


def form_errors(response) -> str:
    soup = read(response, status=response.status_code)
    errors = [text(e) for e in soup.select(".error-message, .help-critical, .w-field__errors")]
    return f"status {response.status_code}: {errors}"


def section(heading: str, body: str):
    return ("section", {"heading": heading, "body": rich_text(body)})


@pytest.fixture
def campus_and_service(site_structure):
    campus = LocationPageFactory(parent=site_structure.locations, title="Campus Oost")
    service = ServicePageFactory(parent=site_structure.services, title="Orthopedie", locations=[campus])
    return campus, service


def test_create_and_publish_a_condition_with_everything(editor, site_structure, campus_and_service):
    campus, service = campus_and_service
    treatment = create(
        editor,
        InfoPage,
        site_structure.info[Kind.TREATMENT],
        {
            "title": "Kinesitherapie",
            "slug": "kinesitherapie",
            "intro": "Oefeningen.",
            "sections": streamfield([]),
        },
    )
    condition = create(
        editor,
        ConditionPage,
        site_structure.conditions,
        {
            "title": "Hernia",
            "slug": "hernia",
            "intro": "Een hernia is een uitstulping van een tussenwervelschijf.",
            "also_known_as": "discushernia\nhernia nuclei pulposi",
            "sections": streamfield(
                [
                    section("Wat is de oorzaak?", "<p>Vaak <b>slijtage</b>.</p>"),
                    section("Wat kan ik zelf doen?", "<ul><li>Blijf bewegen.</li></ul>"),
                ]
            ),
            "service_links": inline_formset([{"service": service.pk}]),
            "related_links": inline_formset([{"related_page": treatment.pk}]),
            "updated_on": "2024-07-02",
        },
    )
    assert condition.live

    page = read(editor.get("/aandoeningen/hernia/"))
    assert [text(h) for h in region(page, "Over").find_all("h3")] == [
        "Wat is de oorzaak?",
        "Wat kan ik zelf doen?",
    ]
    assert [text(s) for s in page.find("main").find_all("strong")] == ["slijtage"]
    assert "Ook bekend als: discushernia, hernia nuclei pulposi" in blocks(page.find("main"))
    assert links(region(page, "Zie ook")) == [("Kinesitherapie", "/behandelingen/kinesitherapie/")]
    assert "Laatst bijgewerkt op 02/07/2024" in blocks(page.find("main"))
    services = region(page, "Diensten")
    assert links(services) == [
        ("Orthopedie", "/diensten/orthopedie/"),
        ("Campus Oost", "/locaties/campus-oost/"),
    ]


def test_create_a_service_on_two_campuses(editor, site_structure, campus_and_service):
    campus, _ = campus_and_service
    other = create(
        editor, LocationPage, site_structure.locations, {"title": "ZAS Paola", "slug": "zas-paola"}
    )
    create(
        editor,
        ServicePage,
        site_structure.services,
        {
            "title": "Neurologie",
            "slug": "neurologie",
            "intro": "Zenuwstelsel.",
            "sections": streamfield([]),
            "location_links": inline_formset([{"location": other.pk}, {"location": campus.pk}]),
        },
    )
    page = read(editor.get("/diensten/neurologie/"))
    assert links(region(page, "Aanwezig op de volgende locaties")) == [
        ("ZAS Paola", "/locaties/zas-paola/"),
        ("Campus Oost", "/locaties/campus-oost/"),
    ]
    assert ("Neurologie", "/diensten/neurologie/") in links(
        read(editor.get("/locaties/zas-paola/")).find("main")
    )


def test_create_a_campus_with_address(editor, site_structure):
    create(
        editor,
        LocationPage,
        site_structure.locations,
        {
            "title": "ZAS Augustinus",
            "slug": "zas-augustinus",
            "address": "Oosterveldlaan 24\n2610 Wilrijk",
            "phone": "03 443 30 11",
        },
    )
    page = read(editor.get("/locaties/zas-augustinus/"))
    assert "Oosterveldlaan 24" in text(page.find("address"))


def test_create_an_examination(editor, site_structure):
    create(
        editor,
        InfoPage,
        site_structure.info[Kind.EXAMINATION],
        {
            "title": "EMG",
            "slug": "emg",
            "intro": "Een onderzoek van zenuwen en spieren.",
            "sections": streamfield([section("Hoe verloopt het?", "<p>Het duurt een half uur.</p>")]),
        },
    )
    page = read(editor.get("/onderzoeken/emg/"))
    assert blocks(page.find("main"))[3:7] == [
        "Onderzoek",
        "EMG",
        "Een onderzoek van zenuwen en spieren.",
        "Hoe verloopt het?",
    ]


def test_edit_and_republish_keeps_revisions(editor, demo_content):
    rugpijn = ConditionPage.objects.get(slug="rugpijn")
    before = Revision.page_revisions.filter(object_id=str(rugpijn.pk)).count()

    rugpijn = edit(editor, rugpijn, {"intro": "Een nieuwe definitie.", "also_known_as": "lumbago"})
    assert "Een nieuwe definitie." in blocks(read(editor.get("/aandoeningen/rugpijn/")).find("main"))
    assert Revision.page_revisions.filter(object_id=str(rugpijn.pk)).count() == before + 1
    # The sections, services and "Zie ook" survived the round trip through the form.
    page = read(editor.get("/aandoeningen/rugpijn/"))
    assert len(region(page, "Over").find_all("h3")) == 3
    assert len(links(region(page, "Zie ook"))) == 2
    assert "1 - 1 van 1" in blocks(region(page, "Diensten"))


def test_save_draft_leaves_the_live_page_alone(editor, demo_content):
    rugpijn = ConditionPage.objects.get(slug="rugpijn")
    rugpijn = edit(editor, rugpijn, {"intro": "Nog niet klaar."}, action="action-draft")
    assert rugpijn.has_unpublished_changes
    assert "Nog niet klaar." not in text(read(editor.get("/aandoeningen/rugpijn/")))


def test_empty_review_date_shows_the_publication_date(editor, demo_content, today):
    rugpijn = ConditionPage.objects.get(slug="rugpijn")
    edit(editor, rugpijn, {"updated_on": ""})
    assert "Laatst bijgewerkt op 02/03/2026" in blocks(
        read(editor.get("/aandoeningen/rugpijn/")).find("main")
    )


def test_preview_shows_unsaved_changes_with_the_chosen_services(editor, demo_content, campus_and_service):
    _, orthopedie = campus_and_service
    rugpijn = ConditionPage.objects.get(slug="rugpijn")
    data = edit_form(editor, rugpijn)
    data["intro"] = "Voorvertoning van een nieuwe definitie."
    # Add a second service in the form only: the preview must show it from the in-memory relations.
    total = int(data["service_links-TOTAL_FORMS"])
    data.update(
        {
            f"service_links-{total}-service": str(orthopedie.pk),
            f"service_links-{total}-ORDER": str(total),
            f"service_links-{total}-DELETE": "",
            f"service_links-{total}-id": "",
            "service_links-TOTAL_FORMS": str(total + 1),
        }
    )
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[rugpijn.pk])
    response = editor.post(preview_url, data)
    assert response.status_code == 200 and response.json()["is_valid"] is True

    preview = read(editor.get(preview_url))
    assert "Voorvertoning van een nieuwe definitie." in blocks(preview.find("main"))
    services = region(preview, "Diensten")
    assert "1 - 2 van 2" in blocks(services)
    assert ("Orthopedie", "/diensten/orthopedie/") in links(services)
    # Nothing was saved: the public page is unchanged.
    public = read(editor.get("/aandoeningen/rugpijn/"))
    assert "Voorvertoning" not in text(public) and "1 - 1 van 1" in blocks(region(public, "Diensten"))


def test_scheduled_publishing(editor, site_structure, today, time_machine):
    go_live = timezone.localtime() + datetime.timedelta(days=1)
    page = create(
        editor,
        ConditionPage,
        site_structure.conditions,
        {
            "title": "Griep",
            "slug": "griep",
            "intro": "Een virusinfectie.",
            "sections": streamfield([]),
            "service_links": inline_formset([]),
            "related_links": inline_formset([]),
            "go_live_at": go_live.strftime("%Y-%m-%d %H:%M"),
        },
    )
    assert not page.live
    assert editor.get("/aandoeningen/griep/").status_code == 404
    revision = page.scheduled_revision
    assert revision is not None

    # The go-live moment passes; the scheduler (a cron job: manage.py publish_scheduled) runs.
    call_command("publish_scheduled")
    assert editor.get("/aandoeningen/griep/").status_code == 404
    time_machine.move_to(go_live + datetime.timedelta(minutes=1))
    call_command("publish_scheduled")
    assert editor.get("/aandoeningen/griep/").status_code == 200


def test_moderators_approval_workflow_is_on_for_the_whole_site(db):
    workflow = Workflow.objects.get(name="Goedkeuring door moderatoren")
    assert workflow.active
    assert WorkflowPage.objects.get(page=Page.get_first_root_node()).workflow == workflow


def test_an_editor_submits_and_a_moderator_approves(client, django_user_model, demo_content):
    writer = django_user_model.objects.create_user(
        "schrijver", "s@example.be", "wachtwoord-123", is_staff=True
    )
    writer.groups.add(Group.objects.get(name="Editors"))
    moderator = django_user_model.objects.create_user(
        "nazicht", "n@example.be", "wachtwoord-123", is_staff=True
    )
    moderator.groups.add(Group.objects.get(name="Moderators"))
    rugpijn = ConditionPage.objects.get(slug="rugpijn")

    client.force_login(writer)
    edit(client, rugpijn, {"intro": "Nagekeken definitie."}, action="action-submit")
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(rugpijn.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert "Nagekeken definitie." not in text(read(client.get("/aandoeningen/rugpijn/")))

    client.force_login(moderator)
    task_state = state.current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[rugpijn.pk, "approve", task_state.pk])
    assert client.post(url, {"comment": ""}).status_code in (200, 302)
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert "Nagekeken definitie." in blocks(read(client.get("/aandoeningen/rugpijn/")).find("main"))


@pytest.mark.parametrize(
    ("slug", "url"),
    [
        ("fysische-geneeskunde-en-revalidatie", "/diensten/fysische-geneeskunde-en-revalidatie/"),
        ("zas-cadix", "/locaties/zas-cadix/"),
        ("rugrevalidatie", "/behandelingen/rugrevalidatie/"),
        ("rugpijn-onderzoeken", "/onderzoeken/rugpijn-onderzoeken/"),
    ],
)
def test_edit_and_publish_every_page_type(editor, demo_content, slug, url):
    page = Page.objects.get(slug=slug).specific
    before = read(editor.get(url)).find("main")
    edit(editor, page, {"title": f"{page.title} (herzien)"})
    after = read(editor.get(url)).find("main")
    assert text(after.find("h1")) == f"{page.title} (herzien)"
    # Everything else survived the round trip through the form: texts, sections, campus and service links.
    assert blocks(after) == [
        f"{page.title} (herzien)" if item == page.title else item for item in blocks(before)
    ]
    assert links(after) == links(before)


def test_the_admin_speaks_dutch(editor, site_structure):
    page = read(editor.get(reverse("wagtailadmin_home")))
    assert page.html["lang"].startswith("nl")
    form = read(editor.get(add_url(ConditionPage, site_structure.conditions)))
    labels = {text(label) for label in form.find_all("label")}
    assert {"Definitie", "Ook bekend als", "Laatst nagekeken op"} <= {
        label.rstrip("*").strip() for label in labels
    }
