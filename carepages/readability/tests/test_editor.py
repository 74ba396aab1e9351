"""The readability check as editors meet it: in the page editor, its preview and the dashboard."""

import json
import re

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from carepages.conditions.factories import ConditionPageFactory
from carepages.core.testing import read, text
from carepages.infopages.factories import InfoPageFactory
from carepages.readability.models import ReadabilityScore
from carepages.services.factories import ServicePageFactory

LONG_SENTENCE = (
    "Wanneer de klachten langer dan zes weken aanhouden of wanneer er sprake is van krachtverlies "
    "in het been, koorts of problemen met plassen, raadpleeg je best een arts."
)
HARD_TEXT = (
    "Lumbalgie, gedefinieerd als pijn gelokaliseerd tussen de onderste ribbenboog en de bilplooi, "
    "behoort tot de meest prevalente musculoskeletale aandoeningen. Bij radiculopathie ten gevolge "
    "van een discushernia wordt aanvullende beeldvorming overwogen."
)


def section(heading: str, html: str):
    return ("section", {"heading": heading, "body": html})


@pytest.fixture
def rugpijn(site_structure):
    return ConditionPageFactory(
        parent=site_structure.conditions,
        title="Rugpijn",
        intro="Rugpijn is pijn in je rug.",
        sections=[section("Wanneer ga je naar de arts?", f"<p>{LONG_SENTENCE}</p>")],
    )


def readability_panel(response):
    """The content of the editor's panel headed "Leesbaarheid"."""
    page = read(response)
    heading = page.find(id=re.compile(r"-leesbaarheid-heading$"))
    assert heading is not None and text(heading) == "Leesbaarheid", "no readability panel in the editor"
    return page.find(id=heading["id"].removesuffix("-heading") + "-content")


def test_the_editor_shows_the_long_sentence_of_the_condition(admin_client, rugpijn):
    panel = readability_panel(admin_client.get(reverse("wagtailadmin_pages:edit", args=[rugpijn.pk])))
    assert "Niveau: B1 (B1 of eenvoudiger: goed)" in text(panel)
    items = [text(li) for li in panel.find_all("li")]
    assert f"{LONG_SENTENCE} (28 woorden, meer dan 20)" in items
    assert "laatst bewaarde versie" in text(panel)


def test_the_editor_reads_the_latest_draft_not_the_live_version(admin_client, rugpijn):
    rugpijn.intro = HARD_TEXT
    rugpijn.save_revision()  # a draft: patients still see the easy version
    panel = readability_panel(admin_client.get(reverse("wagtailadmin_pages:edit", args=[rugpijn.pk])))
    assert "(moeilijker dan B1, het niveau voor patiëntinformatie)" in text(panel)
    jargon = text(panel)
    for word in ("lumbalgie", "radiculopathie", "discushernia"):
        assert word in jargon
    assert "wordt … overwogen" in jargon


def test_an_info_page_has_the_check_too(admin_client, site_structure):
    page = InfoPageFactory(parent=site_structure.info["treatment"], title="Rugrevalidatie", intro=HARD_TEXT)
    panel = readability_panel(admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])))
    assert "Niveau: C1+" in text(panel)


def test_the_preview_mode_checks_unsaved_text(admin_client, rugpijn):
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[rugpijn.pk])
    form = nested_form_data(
        {
            "title": "Rugpijn",
            "slug": "rugpijn",
            "intro": "Rugpijn is pijn in je rug.",
            "also_known_as": "",
            "sections": streamfield(
                [("section", {"heading": "Wat is de oorzaak?", "body": rich_text(f"<p>{HARD_TEXT}</p>")})]
            ),
            "service_links": inline_formset([]),
            "related_links": inline_formset([]),
            "comments": inline_formset([]),
            "reviewers": inline_formset([]),
            "sources": inline_formset([]),
            "updated_on": "",
        }
    )
    answer = admin_client.post(preview_url, form)
    assert json.loads(answer.content)["is_valid"] is True
    page = read(admin_client.get(preview_url, {"mode": "leesbaarheid"}))
    assert text(page.find("h1")) == "Leesbaarheid: Rugpijn"
    assert "(moeilijker dan B1, het niveau voor patiëntinformatie)" in text(page)
    assert "lumbalgie" in text(page)
    rugpijn.refresh_from_db()
    assert "Lumbalgie" not in rugpijn.get_latest_revision_as_object().sections.raw_data[0]["value"]["body"]


def dashboard_rows(admin_client):
    page = read(admin_client.get(reverse("wagtailadmin_home")))
    panel = page.find(id="leesbaarheid-section")
    assert panel is not None, "no readability panel on the dashboard"
    body = panel.find("tbody")
    return [
        (text(row.find("td")), row.find("a")["href"], text(row.find_all("td")[1]))
        for row in (body.find_all("tr") if body else [])
    ]


def test_the_dashboard_lists_the_hardest_page_first(admin_client, site_structure):
    ConditionPageFactory(parent=site_structure.conditions, title="Astma", intro="Je krijgt moeilijk lucht.")
    medium = ConditionPageFactory(
        parent=site_structure.conditions,
        title="Hartfalen",
        intro="Hartfalen is een aandoening waarbij het hart onvoldoende in staat is om voldoende bloed "
        "naar de organen te pompen. Typische klachten zijn vermoeidheid en kortademigheid bij inspanning.",
    )
    hardest = ConditionPageFactory(parent=site_structure.conditions, title="Lumbalgie", intro=HARD_TEXT)
    ServicePageFactory(parent=site_structure.services, title="Neurochirurgie", intro=HARD_TEXT)  # no check
    rows = dashboard_rows(admin_client)
    assert [(title, level) for title, _, level in rows] == [("Lumbalgie", "C1+"), ("Hartfalen", "B2")]
    assert rows[0][1] == reverse("wagtailadmin_pages:edit", args=[hardest.pk])
    assert rows[1][1] == reverse("wagtailadmin_pages:edit", args=[medium.pk])


def test_publishing_a_rewrite_takes_the_page_off_the_dashboard(
    admin_client, site_structure, django_capture_on_commit_callbacks
):
    page = ConditionPageFactory(parent=site_structure.conditions, title="Lumbalgie", intro=HARD_TEXT)
    assert [title for title, _, _ in dashboard_rows(admin_client)] == ["Lumbalgie"]

    page.intro = "Je hebt pijn onder in je rug. Dat gaat vaak vanzelf over. Blijf bewegen."
    with django_capture_on_commit_callbacks(execute=True):  # the score is written when the publish commits
        page.save_revision().publish()
    assert dashboard_rows(admin_client) == []
    assert "Alle gepubliceerde pagina's zijn op B1-niveau of eenvoudiger." in text(
        read(admin_client.get(reverse("wagtailadmin_home")))
    )

    page.unpublish()
    page.intro = HARD_TEXT
    page.save_revision()  # a hard draft that patients do not see
    assert dashboard_rows(admin_client) == []


def test_deleting_a_page_deletes_its_score(admin_client, site_structure):
    page = ConditionPageFactory(parent=site_structure.conditions, title="Lumbalgie", intro=HARD_TEXT)
    dashboard_rows(admin_client)
    assert ReadabilityScore.objects.filter(page_id=page.pk).exists()
    Page.objects.get(pk=page.pk).delete()
    assert not ReadabilityScore.objects.exists()
    assert dashboard_rows(admin_client) == []
