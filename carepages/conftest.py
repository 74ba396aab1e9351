"""Fixtures shared by every app's tests."""

import pytest

from carepages.content_io.site_structure import ensure_site_structure


@pytest.fixture
def site_structure(db):
    """The home page and the indexes (/aandoeningen/, /diensten/, …), as after install."""
    return ensure_site_structure()
