"""An editor fills in a campus in the real Wagtail admin: address, hours, exceptions, route."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from carepages.core.testing import blocks, read, region, text
from carepages.locations.models import LocationPage


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("redacteur", "redactie@example.be", "wachtwoord-123")
    client.force_login(user)
    return client


def post_campus(client, parent, hours, exceptions=(), **fields):
    # Days are a tuple: nested_form_data would spread a list over numbered keys, while the
    # browser sends the ticked boxes as one key with several values.
    data = nested_form_data(
        {
            "title": "ZAS Augustinus",
            "slug": "zas-augustinus",
            "opening_hours": streamfield(list(hours)),
            "hours_exceptions": streamfield(list(exceptions)),
            "directions": rich_text("<p>Bus 17, halte Oosterveld.</p>"),
            "comments": inline_formset([]),
            **fields,
        }
    )
    data["action-publish"] = "publish"
    url = reverse("wagtailadmin_pages:add", args=["locations", "locationpage", parent.pk])
    return client.post(url, data)


def test_an_editor_enters_address_hours_and_a_holiday(editor, site_structure, today):
    response = post_campus(
        editor,
        site_structure.locations,
        [
            (
                "hours",
                {
                    "label": "Bezoekuren",
                    "days": ("mo", "tu", "we", "th", "fr"),
                    "opens": "14:00",
                    "closes": "20:00",
                },
            )
        ],
        [
            (
                "exception",
                {
                    "note": "Kerstmis",
                    "start": "2026-12-25",
                    "end": "",
                    "closed": "on",
                    "opens": "",
                    "closes": "",
                },
            )
        ],
        street="Oosterveldlaan 24",
        postal_code="2610",
        city="Wilrijk",
        latitude="51.170000",
        longitude="4.390000",
    )
    assert response.status_code == 302
    page = read(editor.get("/locaties/zas-augustinus/"))
    assert text(region(page, "Adres en contact").find("address")) == "Oosterveldlaan 24 2610 Wilrijk"
    assert blocks(region(page, "Openings- en bezoekuren"))[1:] == [
        "Bezoekuren",
        "ma–vr 14:00–20:00",
        "Uitzonderingen",
        "Kerstmis: 25/12/2026 gesloten",
    ]
    assert "Bus 17, halte Oosterveld." in text(region(page, "Route en parking"))


def test_hours_that_close_before_they_open_or_half_a_position_are_refused_with_a_message(
    editor, site_structure
):
    response = post_campus(
        editor,
        site_structure.locations,
        [("hours", {"label": "Onthaal", "days": ("mo",), "opens": "18:00", "closes": "08:00"})],
        latitude="51.170000",
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Het sluitingsuur moet na het openingsuur liggen." in html
    assert "Vul breedte- en lengtegraad allebei in" in html
    assert not LocationPage.objects.filter(slug="zas-augustinus").exists()
