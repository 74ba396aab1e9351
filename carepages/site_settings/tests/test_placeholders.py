"""The editors' warning about placeholder texts and "#" links on the live site."""

import pytest
from django.urls import reverse

from carepages.conditions.factories import ConditionPageFactory
from carepages.conditions.models import ConditionPage
from carepages.core.testing import read, text
from carepages.locations.models import LocationPage
from carepages.site_settings.models import FooterSettings, HospitalSettings
from carepages.site_settings.placeholders import find_placeholders, problems_in

#: A hospital site owes its visitors these statements: flagged until an editor links them.
MISSING_STATEMENTS = (
    "nog in te vullen: privacyverklaring",
    "nog in te vullen: toegankelijkheidsverklaring",
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("<p>Lorem ipsum dolor sit amet</p>", ("voorbeeldtekst ‘Lorem ipsum’",)),
        ("Nullam id dolor id nibh ultricies", ("voorbeeldtekst ‘Nullam id dolor’",)),
        ("VOORBEELDTEKST van de demo", ("voorbeeldtekst ‘VOORBEELDTEKST’",)),
        ("Voorbeeldinhoud: de redactie", ("voorbeeldtekst ‘Voorbeeldinhoud’",)),
        ('<a href="#">Rugrevalidatie</a>', ("link zonder bestemming (#)",)),
        ("<a href=''>leeg</a>", ("link zonder bestemming (#)",)),
        ('<a href=" # ">spaties</a>', ("link zonder bestemming (#)",)),
        ('<a href="#diensten">anker</a> <a href="https://zas.be">echt</a>', ()),
        ('<a linktype="page" id="7">interne link</a>', ()),
        ("Rugpijn is een pijnlijk gevoel in de rug.", ()),
        ("Voorbeelden van oefeningen", ()),
    ],
)
def test_what_counts_as_a_placeholder(value, expected):
    assert problems_in([value]) == expected


def test_the_demo_content_placeholders_are_found(demo_content):
    found = {finding.label: finding.problems for finding in find_placeholders()}
    # The demo knows no campus's address, phone, hours or route, nor the service's appointment
    # number: they stay empty rather than invented, and the editors see what is left to fill in.
    unknown_campus_facts = tuple(
        f"nog in te vullen: {name}" for name in ("adres", "telefoon", "openingsuren", "route")
    )
    campuses = {page.title: unknown_campus_facts for page in LocationPage.objects.live()}
    assert len(campuses) == 10
    assert found == {
        "Ziekenhuis": ("voorbeeldnaam ‘Voorbeeldziekenhuis’", "voorbeeldnummer ‘03 000 00 00’"),
        "Voettekst en contact": ("voorbeeldtekst ‘Voorbeeldtekst’", *MISSING_STATEMENTS),
        "Fysische geneeskunde en revalidatie": (
            "voorbeeldtekst ‘Voorbeeldinhoud’",
            "nog in te vullen: afspraak maken (telefoon of online)",
        ),
        **campuses,
    }


def test_a_dead_link_in_a_section_and_lorem_ipsum_in_the_footer(site_structure):
    ConditionPageFactory(
        parent=site_structure.conditions,
        title="Rugpijn",
        sections=[
            ("section", {"heading": "Zie ook", "body": '<ul><li><a href="#">Rugrevalidatie</a></li></ul>'})
        ],
    )
    FooterSettings.objects.create(
        ombudsdienst="<p>Lorem ipsum dolor sit amet.</p>", publisher="<p>ZAS vzw</p>"
    )
    found = {finding.label: finding.problems for finding in find_placeholders()}
    assert found == {
        "Ziekenhuis": ("voorbeeldnaam ‘Voorbeeldziekenhuis’",),
        "Voettekst en contact": ("voorbeeldtekst ‘Lorem ipsum’", *MISSING_STATEMENTS),
        "Rugpijn": ("link zonder bestemming (#)",),
    }


def test_drafts_are_not_listed_and_fixing_the_text_clears_the_warning(demo_content):
    for finding in find_placeholders():
        if hasattr(finding.instance, "unpublish"):
            finding.instance.unpublish()
    footer = FooterSettings.load()
    footer.ombudsdienst = "<p>Bel 03 280 00 00.</p>"
    footer.publisher = "<p>ZAS vzw, Antwerpen</p>"
    footer.save()
    fill_in_identity()
    assert find_placeholders() == []


def fill_in_identity() -> None:
    """What an editor fills in on a new site: the hospital's name and number, its statements."""
    hospital = HospitalSettings.load()
    hospital.name = "AZ Echt"
    hospital.phone = "03 123 45 67"
    hospital.save()
    footer = FooterSettings.load()
    footer.privacy_url = "https://www.azecht.be/privacy"
    footer.accessibility_url = "https://www.azecht.be/toegankelijkheid"
    footer.save()


def test_each_missing_statement_is_flagged_until_it_is_linked(site_structure):
    footer = FooterSettings.load()
    footer.privacy_url = "https://www.azecht.be/privacy"
    footer.save()
    found = {finding.label: finding.problems for finding in find_placeholders()}
    assert found["Voettekst en contact"] == ("nog in te vullen: toegankelijkheidsverklaring",)


def test_the_example_identity_is_flagged_until_an_editor_changes_it(site_structure):
    assert [(f.label, f.problems) for f in find_placeholders()] == [
        ("Ziekenhuis", ("voorbeeldnaam ‘Voorbeeldziekenhuis’",)),
        ("Voettekst en contact", MISSING_STATEMENTS),
    ]
    fill_in_identity()
    assert find_placeholders() == []


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("redacteur", "redactie@example.be", "geheim-wachtwoord")
    client.force_login(user)
    return client


def test_the_dashboard_warns_editors_with_edit_links(admin_client, demo_content):
    page = read(admin_client.get(reverse("wagtailadmin_home")))
    panel = page.find(id="voorbeeldteksten-section")
    assert panel is not None
    rows = {text(row.find("td")): row.find("a")["href"] for row in panel.find("tbody").find_all("tr")}
    service = ConditionPage.objects.get(slug="rugpijn").live_services()[0]
    assert rows["Fysische geneeskunde en revalidatie"] == reverse(
        "wagtailadmin_pages:edit", args=[service.pk]
    )
    footer = FooterSettings.load()
    assert rows["Voettekst en contact"] == reverse(
        "wagtailsettings:edit", args=["site_settings", "footersettings", footer.pk]
    )
    assert admin_client.get(rows["Voettekst en contact"]).status_code == 200


def test_no_panel_when_nothing_is_left(admin_client, site_structure):
    fill_in_identity()
    page = read(admin_client.get(reverse("wagtailadmin_home")))
    assert page.find(id="voorbeeldteksten-section") is None
