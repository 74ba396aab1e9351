"""Issue 12: a page's reviewer may be a doctor from /artsen/; name-and-role reviewers keep working."""

import datetime
import json

import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from carepages.conditions.factories import ConditionPageFactory
from carepages.conditions.models import ConditionPage, ConditionReviewer
from carepages.core.testing import read, text


@pytest.fixture
def reviewed(staff, site_structure, today):
    page = ConditionPageFactory(parent=site_structure.conditions, title="Hartfalen", slug="hartfalen")
    page.reviewed_on = datetime.date(2025, 3, 1)
    page.reviewers = [
        ConditionReviewer(doctor=staff["an"], name="An Voorbeeld", role="", sort_order=0),
        ConditionReviewer(name="Dirk Dewolf", role="huisarts", sort_order=1),
    ]
    page.save_revision().publish()
    return page


def reviewers_line(page) -> str:
    (line,) = [p for p in page.find("main").find_all("p") if text(p).startswith("Nagekeken door:")]
    return line


def test_a_doctor_reviewer_links_to_the_doctors_page_with_title_and_role(client, reviewed):
    line = reviewers_line(read(client.get("/aandoeningen/hartfalen/")))
    assert text(line) == "Nagekeken door: dr. An Voorbeeld (diensthoofd), Dirk Dewolf (huisarts)"
    assert [(text(a), a["href"]) for a in line.find_all("a")] == [
        ("dr. An Voorbeeld", "/artsen/dr-an-voorbeeld/")
    ]


def test_the_doctors_page_decides_name_and_role(client, reviewed, staff):
    doctor = staff["an"]
    doctor.honorific = "prof. dr."
    doctor.role = "kliniekhoofd"
    doctor.save_revision().publish()
    line = reviewers_line(read(client.get("/aandoeningen/hartfalen/")))
    assert text(line).startswith("Nagekeken door: prof. dr. An Voorbeeld (kliniekhoofd),")


def test_an_unpublished_doctor_is_named_without_a_link(client, reviewed, staff):
    staff["an"].unpublish()
    line = reviewers_line(read(client.get("/aandoeningen/hartfalen/")))
    assert text(line) == "Nagekeken door: An Voorbeeld, Dirk Dewolf (huisarts)"
    assert line.find("a") is None


def test_jsonld_names_the_doctor_as_a_physician_with_its_url(client, reviewed):
    page = read(client.get("/aandoeningen/hartfalen/"))
    (data,) = [json.loads(s.string) for s in page.find_all("script", type="application/ld+json")]
    assert data["reviewedBy"] == [
        {
            "@type": "Physician",
            "name": "An Voorbeeld",
            "url": "http://localhost/artsen/dr-an-voorbeeld/",
            "honorificPrefix": "dr.",
            "jobTitle": "diensthoofd",
        },
        {"@type": "Person", "name": "Dirk Dewolf", "jobTitle": "huisarts"},
    ]


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("redacteur", "redactie@example.be", "wachtwoord-123")
    client.force_login(user)
    return client


def post_reviewers(editor, page, reviewers):
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "intro": "",
            "also_known_as": "",
            "sections": streamfield([("section", {"heading": "Wat?", "body": rich_text("<p>Tekst.</p>")})]),
            "service_links": inline_formset([]),
            "related_links": inline_formset([]),
            "comments": inline_formset([]),
            "reviewers": inline_formset(reviewers),
            "sources": inline_formset([]),
            "updated_on": "",
            "reviewed_on": "",
            "next_review_on": "",
            "action-publish": "publish",
        }
    )
    return editor.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def test_editor_chooses_a_doctor_as_reviewer_and_must_name_anyone_else(editor, staff, site_structure):
    page = ConditionPageFactory(parent=site_structure.conditions, title="Eczeem", slug="eczeem")
    refused = post_reviewers(editor, page, [{"doctor": "", "name": "", "role": "huisarts"}])
    assert refused.status_code == 200
    assert "Kies een arts of vul een naam in." in text(read(refused))

    accepted = post_reviewers(editor, page, [{"doctor": staff["bert"].pk, "name": "", "role": ""}])
    assert accepted.status_code == 302
    (reviewer,) = ConditionPage.objects.get(pk=page.pk).reviewers.all()
    assert reviewer.doctor.specific == staff["bert"]
    assert reviewer.name == "prof. dr. Bert Proef", "the name is kept should the doctor's page go"


def test_a_reviewer_whose_doctor_page_is_private_is_named_without_a_link(client, reviewed, staff):
    PageViewRestriction.objects.create(
        page=staff["an"], restriction_type=PageViewRestriction.PASSWORD, password="geheim-123"
    )
    line = reviewers_line(read(client.get("/aandoeningen/hartfalen/")))
    assert line.find_all("a") == []
    assert "An Voorbeeld" in text(line)
