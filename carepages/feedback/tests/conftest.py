"""A small hospital with one page of each kind that asks for feedback, and the publish cache over it."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission

from carepages.conditions.factories import ConditionPageFactory
from carepages.infopages.factories import InfoPageFactory
from carepages.publish_cache.testing import front_in_this_process
from carepages.services.factories import ServicePageFactory

CONDITION = "/aandoeningen/hartfalen/"
SERVICE = "/diensten/cardiologie/"
TREATMENT = "/behandelingen/hartrevalidatie/"
#: What a browser sends with a form posted from one of the site's own pages.
OWN_ORIGIN = {"HTTP_ORIGIN": "http://testserver"}


@pytest.fixture
def pages(site_structure, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        service = ServicePageFactory(parent=site_structure.services, title="Cardiologie")
        condition = ConditionPageFactory(
            parent=site_structure.conditions, title="Hartfalen", services=[service]
        )
        treatment = InfoPageFactory(parent=site_structure.info["treatment"], title="Hartrevalidatie")
    return {CONDITION: condition, SERVICE: service, TREATMENT: treatment}


@pytest.fixture
def front(db, tmp_path):
    with front_in_this_process(tmp_path / "publish-cache") as front:
        yield front


def form_data(html: bytes | str, **answers: str) -> dict[str, str]:
    """The feedback form's fields as the page sends them, plus what the visitor fills in."""
    form = read_form(html)
    data = {
        field["name"]: field.get("value", "")
        for field in form.find_all("input")
        if field.get("type") != "radio"
    }
    data.update({"opmerking": ""}, **answers)
    return data


def read_form(html: bytes | str):
    soup = BeautifulSoup(html, "html.parser")
    forms = [form for form in soup.find_all("form") if form.get("action") == "/feedback/"]
    assert len(forms) == 1, f"expected one feedback form, found {len(forms)}"
    return forms[0]


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("beheerder", "beheer@example.be", "wachtwoord-123")
    client.force_login(user)
    return client


@pytest.fixture
def editor_client(client, django_user_model):
    """A member of Wagtail's Editors group, who may see the reports once an admin allowed it."""

    def login(may_see_feedback: bool):
        group = Group.objects.get(name="Editors")
        if may_see_feedback:
            group.permissions.add(
                Permission.objects.get(content_type__app_label="feedback", codename="view_feedback")
            )
        user = django_user_model.objects.create_user("redacteur", "redactie@example.be", "wachtwoord-123")
        user.groups.add(group)
        client.force_login(user)
        return client

    return login
