"""Where editors may create which page: the tree keeps the public URLs (docs/urls.md) intact."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from carepages.conditions.models import ConditionIndexPage, ConditionPage
from carepages.home.models import HomePage
from carepages.infopages.models import InfoIndexPage, InfoPage
from carepages.locations.models import LocationIndexPage, LocationPage
from carepages.services.models import ServiceIndexPage, ServicePage


@pytest.mark.parametrize(
    ("model", "parents"),
    [
        (HomePage, {Page}),
        (ConditionIndexPage, {HomePage}),
        (ServiceIndexPage, {HomePage}),
        (LocationIndexPage, {HomePage}),
        (InfoIndexPage, {HomePage}),
        (ConditionPage, {ConditionIndexPage}),
        (ServicePage, {ServiceIndexPage}),
        (LocationPage, {LocationIndexPage}),
        (InfoPage, {InfoIndexPage}),
    ],
)
def test_allowed_parent_page_types(model, parents):
    assert set(model.allowed_parent_page_models()) == parents


@pytest.mark.parametrize("model", [ConditionPage, ServicePage, LocationPage, InfoPage])
def test_content_pages_have_no_subpages(model):
    assert model.allowed_subpage_models() == []


def test_what_can_be_created_where(site_structure):
    home, conditions, services = site_structure.home, site_structure.conditions, site_structure.services
    assert ConditionPage.can_create_at(conditions)
    assert not ConditionPage.can_create_at(services)
    assert not ConditionPage.can_create_at(home)
    assert ServicePage.can_create_at(services)
    assert LocationPage.can_create_at(site_structure.locations)
    assert all(InfoPage.can_create_at(index) for index in site_structure.info.values())
    # One home page, one index per kind: a second would compete for the same URL.
    assert not HomePage.can_create_at(Page.get_first_root_node())
    for model in (ConditionIndexPage, ServiceIndexPage, LocationIndexPage, InfoIndexPage):
        assert not model.can_create_at(home), model


@pytest.fixture
def editor(client, django_user_model):
    client.force_login(
        django_user_model.objects.create_superuser("redacteur", "r@example.be", "wachtwoord-123")
    )
    return client


def test_the_admin_refuses_a_condition_under_the_services(editor, site_structure):
    url = reverse("wagtailadmin_pages:add", args=["conditions", "conditionpage", site_structure.services.pk])
    assert editor.get(url).status_code in (302, 403)
    response = editor.post(url, {"title": "Verkeerd", "slug": "verkeerd", "action-publish": "publish"})
    assert response.status_code in (302, 403)
    assert not ConditionPage.objects.filter(slug="verkeerd").exists()


def test_the_admin_offers_only_condition_pages_under_the_conditions(editor, site_structure):
    url = reverse("wagtailadmin_pages:add_subpage", args=[site_structure.conditions.pk])
    response = editor.get(url)
    # With one allowed type Wagtail goes straight to its form.
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "wagtailadmin_pages:add", args=["conditions", "conditionpage", site_structure.conditions.pk]
    )
