"""The search tests' small hospital, and the people who read the report."""

import pytest
from django.contrib.auth.models import Group, Permission

from carepages.search.tests.conftest import hospital, hospital_db  # noqa: F401  (fixtures)
from carepages.search_insights.models import WeeklySearch


@pytest.fixture
def counts():
    """The stored counts, as {query: (searches, without results, poor results)}."""

    def read() -> dict[str, tuple[int, int, int]]:
        rows = WeeklySearch.objects.values_list("query", "searches", "without_results", "poor_results")
        return {query: tuple(numbers) for query, *numbers in rows}

    return read


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("beheerder", "beheer@example.be", "wachtwoord-123")
    client.force_login(user)
    return client


@pytest.fixture
def editor_client(client, django_user_model):
    """A member of Wagtail's Editors group, who may see the report once an admin allowed it."""

    def login(may_see_report: bool):
        group = Group.objects.get(name="Editors")
        if may_see_report:
            group.permissions.add(Permission.objects.get(codename="view_weeklysearch"))
        user = django_user_model.objects.create_user("redacteur", "redactie@example.be", "wachtwoord-123")
        user.groups.add(group)
        client.force_login(user)
        return client

    return login
