"""Counts are kept 26 weeks: dropped when a new week starts, and by a command safe under cron."""

import io
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone

from carepages.search_insights.models import WeeklySearch
from carepages.search_insights.recording import week_of


def _weeks_ago(n: int):
    return week_of(timezone.localdate()) - timedelta(weeks=n)


def _stored_weeks() -> list:
    return sorted(WeeklySearch.objects.values_list("week", flat=True).distinct())


def test_the_first_search_of_a_new_week_drops_the_weeks_past_26(client, hospital_db, today):
    for weeks_ago in (40, 26, 25, 1):
        WeeklySearch.objects.create(week=_weeks_ago(weeks_ago), query="valling", searches=3)
    client.get("/zoeken/", {"q": "valling"})
    assert _stored_weeks() == [_weeks_ago(25), _weeks_ago(1), _weeks_ago(0)]


def test_the_purge_command_keeps_the_last_26_weeks_and_can_run_twice(db, today):
    for weeks_ago in (52, 26, 25, 0):
        WeeklySearch.objects.create(week=_weeks_ago(weeks_ago), query="plaaster", searches=1)
    out = io.StringIO()
    call_command("purge_search_insights", stdout=out)
    assert _stored_weeks() == [_weeks_ago(25), _weeks_ago(0)]
    oldest = f"{_weeks_ago(25):%d/%m/%Y}"
    assert f"2 rows deleted; kept the last 26 weeks (from the week of {oldest})" in out.getvalue()
    call_command("purge_search_insights", stdout=out)
    assert "0 rows deleted" in out.getvalue()
    assert _stored_weeks() == [_weeks_ago(25), _weeks_ago(0)]


def test_the_retention_is_a_setting(db, settings, today):
    settings.SEARCH_INSIGHTS_RETENTION_WEEKS = 4
    for weeks_ago in (4, 3):
        WeeklySearch.objects.create(week=_weeks_ago(weeks_ago), query="spuit", searches=1)
    call_command("purge_search_insights", stdout=io.StringIO())
    assert _stored_weeks() == [_weeks_ago(3)]


def test_a_purge_the_database_refuses_says_so(db):
    table = WeeklySearch._meta.db_table
    with connection.cursor() as cursor:  # rolled back with the test
        cursor.execute(f"ALTER TABLE {table} RENAME TO {table}_away")
    with pytest.raises(CommandError, match="Search counts not purged: the database refused"):
        call_command("purge_search_insights", stdout=io.StringIO())
    with connection.cursor() as cursor:
        cursor.execute(f"ALTER TABLE {table}_away RENAME TO {table}")
