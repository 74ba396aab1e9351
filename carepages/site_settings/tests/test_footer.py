"""The footer texts are site settings: editing them in the admin changes every page's footer."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import rich_text

from carepages.core.testing import read, region, text
from carepages.site_settings.models import FooterSettings, HospitalSettings


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("redacteur", "redactie@example.be", "geheim-wachtwoord")
    client.force_login(user)
    return client


def footer(client, url: str = "/"):
    (element,) = read(client.get(url)).find_all("footer")
    return element


def test_editing_the_footer_settings_in_the_admin_changes_the_footer_on_every_page(editor, demo_content):
    settings = FooterSettings.load()
    url = reverse("wagtailsettings:edit", args=["site_settings", "footersettings", settings.pk])
    response = editor.post(
        url,
        {
            "ombudsdienst": rich_text("<p>Bel de ombudsdienst op <b>03 280 20 00</b>.</p>"),
            "publisher": rich_text("<p>ZAS vzw, Lindendreef 1, 2020 Antwerpen</p>"),
            "email": "info@example.be",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    # The central number is part of the hospital's identity (header and footer).
    hospital = HospitalSettings.load()
    url = reverse("wagtailsettings:edit", args=["site_settings", "hospitalsettings", hospital.pk])
    response = editor.post(
        url,
        {
            "name": "AZ Voorbeeld",
            "phone": "03 280 00 00",
            "emergency_phone": "112",
            "accent_color": "#00507a",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]

    editor.logout()
    for url in ["/", "/aandoeningen/rugpijn/", "/locaties/zas-cadix/"]:
        element = footer(editor, url)
        assert (
            text(region(element, "Info ombudsdienst"))
            == "Info ombudsdienst Bel de ombudsdienst op 03 280 20 00."
        )
        assert region(element, "Info ombudsdienst").find("strong")
        assert "ZAS vzw, Lindendreef 1, 2020 Antwerpen" in text(region(element, "Verantwoordelijke uitgever"))
        contact = region(element, "Contact")
        assert tuple(a["href"] for a in contact.find_all("a")) == ("tel:032800000", "mailto:info@example.be")
    assert "Voorbeeldtekst" not in text(footer(editor, "/"))


def test_without_contact_data_there_is_no_empty_contact_block(client, site_structure):
    FooterSettings.objects.create(ombudsdienst="<p>Ombudsdienst</p>", publisher="<p>Uitgever</p>")
    assert "Contact" not in [text(h) for h in footer(client).find_all("h2")]


def test_the_statements_an_editor_links_are_in_every_footer(client, site_structure):
    FooterSettings.objects.create(
        privacy_url="https://www.azecht.be/privacy",
        accessibility_url="https://www.azecht.be/toegankelijkheid",
        cookies_url="https://www.azecht.be/cookies",
    )
    about = region(footer(client), "Over deze website")
    assert [(text(a), a["href"]) for a in about.find_all("a")] == [
        ("Privacyverklaring", "https://www.azecht.be/privacy"),
        ("Toegankelijkheidsverklaring", "https://www.azecht.be/toegankelijkheid"),
        ("Cookiebeleid", "https://www.azecht.be/cookies"),
    ]


def test_without_statements_there_is_no_empty_block(client, site_structure):
    FooterSettings.objects.create(ombudsdienst="<p>Ombudsdienst</p>")
    assert "Over deze website" not in [text(h) for h in footer(client).find_all("h2")]


def test_a_statement_link_must_be_a_web_address(editor, site_structure):
    settings = FooterSettings.load()
    url = reverse("wagtailsettings:edit", args=["site_settings", "footersettings", settings.pk])
    response = editor.post(
        url,
        {
            "ombudsdienst": rich_text("<p>Ombudsdienst</p>"),
            "publisher": rich_text("<p>Uitgever</p>"),
            "email": "",
            "privacy_url": "javascript:alert(1)",
            "accessibility_url": "",
            "cookies_url": "",
        },
    )
    assert response.status_code == 200
    assert FooterSettings.load().privacy_url == ""
