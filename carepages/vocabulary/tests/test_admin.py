import pytest
from django.urls import reverse

from carepages.core.testing import read
from carepages.vocabulary.models import LayTerm

pytestmark = pytest.mark.django_db


def test_the_add_form_is_prefilled_from_the_query_string(admin_client):
    url = reverse("wagtailsnippets_vocabulary_layterm:add") + "?term=valling"
    page = read(admin_client.get(url))
    assert page.find("input", attrs={"name": "term"})["value"] == "valling"


def test_an_editor_adds_a_term_in_the_admin(admin_client):
    response = admin_client.post(
        reverse("wagtailsnippets_vocabulary_layterm:add"),
        {"term": "snotvalleke", "means": "verkoudheid", "kind": "be", "source": ""},
    )
    assert response.status_code == 302
    assert LayTerm.objects.get(term="snotvalleke").means == "verkoudheid"


def test_a_term_without_letters_gets_a_clear_error(admin_client):
    response = admin_client.post(
        reverse("wagtailsnippets_vocabulary_layterm:add"),
        {"term": "???", "means": ", ,", "kind": "be", "source": ""},
    )
    assert response.status_code == 200
    assert "Geef een woord met letters of cijfers." in response.content.decode()
    assert "Geef minstens één woord" in response.content.decode()
    assert not LayTerm.objects.filter(term="???").exists()
