"""Fixtures shared by every app's tests."""

import datetime
import io
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command

from carepages.content_io.site_structure import ensure_site_structure


@pytest.fixture
def site_structure(db):
    """The home page and the indexes (/aandoeningen/, /diensten/, …), as after install."""
    return ensure_site_structure()


@pytest.fixture
def demo_content(site_structure):
    """The demo content of `make run` (the seed page on back pain), loaded by its own command."""
    call_command("load_demo_content", stdout=io.StringIO())
    return site_structure


#: "Now" in tests whose answer depends on today's date: a Monday morning in Brussels.
TODAY = datetime.datetime(2026, 3, 2, 9, 30, tzinfo=ZoneInfo("Europe/Brussels"))


@pytest.fixture
def today(time_machine) -> datetime.date:
    """The clock set to TODAY (and ticking from there), so a date on a page is known in advance."""
    time_machine.move_to(TODAY, tick=True)
    return TODAY.date()
