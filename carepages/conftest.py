"""Fixtures shared by every app's tests."""

import datetime
import io
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command

from carepages.conditions.factories import ConditionPageFactory
from carepages.content_io.site_structure import ensure_site_structure
from carepages.core.testing import superuser_client
from carepages.locations.factories import LocationPageFactory
from carepages.services.factories import ServicePageFactory


def pytest_collection_modifyitems(config, items):
    """Tests marked `postgresql` test what only PostgreSQL does (writers that overlap).

    On SQLite they are left out, not skipped: there is nothing they could check there. CI runs
    the suite on both databases (.ci/run), so they run on every change.
    """
    from django.db import connection

    if connection.vendor == "postgresql":
        return
    left_out = [item for item in items if item.get_closest_marker("postgresql")]
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = [item for item in items if not item.get_closest_marker("postgresql")]


@pytest.fixture
def site_structure(db):
    """The home page and the indexes (/aandoeningen/, /diensten/, …), as after install."""
    return ensure_site_structure()


@pytest.fixture
def demo_content(site_structure):
    """The demo content of `make run` (the seed page on back pain), loaded by its own command."""
    call_command("load_demo_content", stdout=io.StringIO())
    return site_structure


@pytest.fixture
def small_hospital(site_structure, django_capture_on_commit_callbacks) -> SimpleNamespace:
    """The shared small test hospital, published, its on-commit work (search, publish cache) done:

    the campus "Campus Noord", the service "Cardiologie" present there, and the
    condition "Hartfalen" (/aandoeningen/hartfalen/) that Cardiologie treats.
    """
    site = site_structure
    with django_capture_on_commit_callbacks(execute=True):
        campus = LocationPageFactory(parent=site.locations, title="Campus Noord")
        service = ServicePageFactory(parent=site.services, title="Cardiologie", locations=[campus])
        condition = ConditionPageFactory(parent=site.conditions, title="Hartfalen", services=[service])
    return SimpleNamespace(site=site, campus=campus, service=service, condition=condition)


@pytest.fixture
def admin_client(client, db):
    """The test client logged in to the admin as a superuser ("beheerder")."""
    return superuser_client(client, "beheerder")


@pytest.fixture
def editor_client(client, django_user_model):
    """`editor_client("feedback.view_feedback")`: the test client logged in as a member of Wagtail's
    Editors group ("redacteur"), with the permissions named on top of the group's own."""

    def login(*permissions: str):
        group = Group.objects.get(name="Editors")
        for permission in permissions:
            app_label, codename = permission.split(".")
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
        user = django_user_model.objects.create_user("redacteur", "redactie@example.be", "wachtwoord-123")
        user.groups.add(group)
        client.force_login(user)
        return client

    return login


#: "Now" in tests whose answer depends on today's date: a Monday morning in Brussels.
TODAY = datetime.datetime(2026, 3, 2, 9, 30, tzinfo=ZoneInfo("Europe/Brussels"))


@pytest.fixture
def today(time_machine) -> datetime.date:
    """The clock set to TODAY (and ticking from there), so a date on a page is known in advance."""
    time_machine.move_to(TODAY, tick=True)
    return TODAY.date()
