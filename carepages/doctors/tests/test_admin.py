"""An editor adds a doctor in the admin: languages ticked by their Dutch name, a photo only with alt text."""

import pytest
from django.urls import reverse
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from carepages.core.testing import read, region, text
from carepages.doctors.models import DoctorPage


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("redacteur", "redactie@example.be", "wachtwoord-123")
    client.force_login(user)
    return client


def add_doctor(editor, site_structure, service, **fields):
    data = nested_form_data(
        {
            "title": "An Voorbeeld",
            "slug": "dr-an-voorbeeld",
            "honorific": "dr.",
            "role": "diensthoofd",
            "service_links": inline_formset([{"service": service.pk}]),
            "location_links": inline_formset([]),
            "photo": "",
            "photo_alt": "",
            "consultation": rich_text("<p>Dinsdag.</p>"),
            "comments": inline_formset([]),
            "action-publish": "publish",
            **fields,
        }
    )
    data["languages"] = ["nl", "fr"]
    url = reverse("wagtailadmin_pages:add", args=("doctors", "doctorpage", site_structure.doctors.pk))
    return editor.post(url, data)


def test_the_language_choices_are_dutch_names(editor, site_structure):
    url = reverse("wagtailadmin_pages:add", args=("doctors", "doctorpage", site_structure.doctors.pk))
    labels = [text(label) for label in read(editor.get(url)).find_all("label")]
    assert {"Nederlands", "Frans", "Engels"} <= set(labels)


def test_an_editor_adds_a_doctor_who_then_shows_on_the_service(editor, site_structure, client):
    from carepages.services.factories import ServicePageFactory

    cardio = ServicePageFactory(parent=site_structure.services, title="Cardiologie")
    image = Image.objects.create(title="Portret", file=get_test_image_file())
    refused = add_doctor(editor, site_structure, cardio, photo=image.pk)
    assert refused.status_code == 200
    assert "Geef een alternatieve tekst voor de foto." in text(read(refused))
    assert not DoctorPage.objects.exists()

    accepted = add_doctor(
        editor, site_structure, cardio, photo=image.pk, photo_alt="Portret van dr. An Voorbeeld"
    )
    assert accepted.status_code == 302
    doctor = DoctorPage.objects.get(slug="dr-an-voorbeeld")
    assert doctor.live and doctor.languages == ["nl", "fr"]
    assert doctor.language_names == "Nederlands, Frans"
    edit = read(editor.get(reverse("wagtailadmin_pages:edit", args=[doctor.pk])))
    assert edit.find("input", attrs={"name": "languages", "value": "fr"}).has_attr("checked")
    editor.logout()
    doctors = region(read(client.get("/diensten/cardiologie/")), "Artsen")
    assert [text(h) for h in doctors.find_all("h3")] == ["dr. An Voorbeeld"]
