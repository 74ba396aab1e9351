"""Recording a review in the admin: one action, no new revision, logged in the history."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import GroupPagePermission, PageLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from carepages.conditions.models import ConditionPage
from carepages.content_io.importer import import_document
from carepages.core.testing import hospital_file, read, text


def edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def review_button(page_html):
    (button,) = [b for b in page_html.find_all("button") if text(b) == "Nagekeken, geen wijziging"]
    return button


def test_nagekeken_is_one_action_that_records_the_review_without_a_revision(editor, client, hernia, today):
    revisions = hernia.revisions.count()
    published = ConditionPage.objects.get(pk=hernia.pk).last_published_at
    form = read(editor.get(edit_url(hernia)))
    button = review_button(form)
    assert button["formmethod"] == "post"
    token = form.find("input", attrs={"name": "csrfmiddlewaretoken"})["value"]

    answer = editor.post(
        button["formaction"], {"csrfmiddlewaretoken": token, button["name"]: "1"}, follow=True
    )

    assert "‘Hernia’ is nagekeken. Volgende controle: 02/03/2029." in text(read(answer))
    hernia.refresh_from_db()
    assert hernia.reviewed_on == today
    assert hernia.revisions.count() == revisions
    assert hernia.last_published_at == published
    public = text(read(client.get("/aandoeningen/hernia/")))
    assert "Laatst bijgewerkt op 02/07/2024" in public
    assert "Laatst nagekeken op 02/03/2026 · Volgende controle: 02/03/2029" in public
    entry = PageLogEntry.objects.get(page=hernia, action="carepages.reviewed")
    assert entry.user.username == "redacteur"
    history = text(read(editor.get(reverse("wagtailadmin_pages:history", args=[hernia.pk]))))
    assert "Nagekeken, geen wijziging" in history


def test_a_later_edit_of_an_older_draft_keeps_the_review(editor, hernia, today):
    editor.post(reverse("reviews_mark_reviewed", args=[hernia.pk]))
    hernia.refresh_from_db()
    draft = hernia.get_latest_revision_as_object()
    assert draft.reviewed_on == today
    draft.intro = "Een nieuwe definitie."
    draft.save_revision().publish()
    hernia.refresh_from_db()
    assert (hernia.intro, hernia.reviewed_on) == ("Een nieuwe definitie.", today)


def test_the_page_listing_offers_the_review_with_a_confirmation(editor, hernia, site_structure, today):
    listing = read(editor.get(reverse("wagtailadmin_explore", args=[site_structure.conditions.pk])))
    url = reverse("reviews_mark_reviewed", args=[hernia.pk])
    assert [
        a for a in listing.find_all("a") if a.get("href") == url and text(a) == "Nagekeken, geen wijziging"
    ]
    confirm = read(editor.get(url))
    assert "‘Laatst bijgewerkt op’ en de inhoud blijven zoals ze zijn" in text(confirm)
    hernia.refresh_from_db()
    assert hernia.reviewed_on == datetime.date(2025, 3, 1), "a GET changes nothing"
    editor.post(url)
    hernia.refresh_from_db()
    assert hernia.reviewed_on == today


def test_only_who_may_edit_the_page_may_record_its_review(client, django_user_model, hernia):
    visitor_group = Group.objects.create(name="Lezers")
    user = django_user_model.objects.create_user("lezer", "lezer@example.be", "wachtwoord-123")
    user.groups.add(visitor_group)
    GroupPagePermission.objects.create(group=visitor_group, page=hernia.get_parent(), permission_type="view")
    client.force_login(user)
    assert client.post(reverse("reviews_mark_reviewed", args=[hernia.pk])).status_code in (302, 403)
    hernia.refresh_from_db()
    assert hernia.reviewed_on == datetime.date(2025, 3, 1)


def test_pages_without_a_review_cycle_have_no_review_action(editor, rug):
    assert editor.post(reverse("reviews_mark_reviewed", args=[rug.pk])).status_code == 404
    assert editor.post(reverse("reviews_mark_reviewed", args=[999999])).status_code == 404


def test_editor_enters_reviewers_and_sources_and_bad_sources_are_refused(editor, hernia, today):
    def post(sources):
        data = nested_form_data(
            {
                "title": "Hernia",
                "slug": "hernia",
                "intro": "Een hernia.",
                "also_known_as": "",
                "sections": streamfield(
                    [("section", {"heading": "Wat?", "body": rich_text("<p>Tekst.</p>")})]
                ),
                "service_links": inline_formset([]),
                "related_links": inline_formset([]),
                "comments": inline_formset([]),
                "reviewers": inline_formset([{"name": "Carla Janssens", "role": "huisarts"}]),
                "sources": inline_formset(sources),
                "updated_on": "",
                "reviewed_on": "",
                "next_review_on": "",
                "action-publish": "publish",
            }
        )
        return editor.post(edit_url(hernia), data)

    bad = post(
        [
            {"title": "Oud", "publisher": "", "year": "2099", "url": "javascript:alert(1)"},
            {"title": "", "publisher": "KCE", "year": "", "url": ""},
        ]
    )
    assert bad.status_code == 200
    page = text(read(bad))
    assert "2099 ligt in de toekomst." in page
    assert "Voer een geldige URL in." in page, page[page.index("Bronnen") :]
    stored = ConditionPage.objects.get(pk=hernia.pk)  # a fresh copy: the fixture's holds its own lists
    assert [s.title for s in stored.sources.all()] == [
        "Lage rugpijn en lumbosacraal radiculair syndroom",
        "Richtlijn hernia",
    ], "nothing half written"

    good = post(
        [{"title": "Hernia", "publisher": "Thuisarts", "year": "2024", "url": "https://www.thuisarts.nl/"}]
    )
    assert good.status_code == 302
    stored = ConditionPage.objects.get(pk=hernia.pk)
    assert "Carla Janssens, huisarts" in [str(r) for r in stored.reviewers.all()]
    assert {
        "title": "Hernia",
        "publisher": "Thuisarts",
        "year": 2024,
        "url": "https://www.thuisarts.nl/",
    } in [s.as_data() for s in stored.sources.all()]
    # An empty review date in the form does not erase the one on record (the later date wins).
    assert stored.reviewed_on == datetime.date(2025, 3, 1)


@pytest.mark.parametrize("period", [1, 3])
def test_the_site_default_period_is_a_setting(editor, period):
    url = reverse("wagtailsettings:edit", args=["site_settings", "reviewsettings"])
    form = read(editor.get(url, follow=True))
    url = form.find("form", attrs={"method": "POST"}).get("action") or url
    assert form.find("input", attrs={"name": "review_period_years"})["value"] == "3"
    assert editor.post(url, {"review_period_years": str(period)}).status_code == 302
    assert editor.post(url, {"review_period_years": "0"}).status_code == 200


def test_an_import_of_format_1_leaves_the_review_reviewers_and_sources(hernia):
    document = hospital_file()
    (entry,) = [c for c in document["conditions"] if c["slug"] == "hernia"]
    entry["intro"] = "Ingevoerd."
    import_document(document)
    stored = ConditionPage.objects.get(pk=hernia.pk)
    assert stored.intro == "Ingevoerd."
    assert stored.reviewed_on == datetime.date(2025, 3, 1)
    assert [r.name for r in stored.reviewers.all()] == ["An Voorbeeld", "Bert Peeters"]
    assert len(stored.sources.all()) == 2
