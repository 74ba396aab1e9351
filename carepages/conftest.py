"""Fixtures shared by every app's tests."""

import io

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
