"""Fixtures of the attacker's checklist: the publish-cache front over the real Django, a cached page."""

import pytest

from carepages.conditions.factories import ConditionPageFactory
from carepages.locations.factories import LocationPageFactory
from carepages.publish_cache.testing import front_in_this_process
from carepages.services.factories import ServicePageFactory

PAGE = "/aandoeningen/hartfalen/"


@pytest.fixture
def front(db, tmp_path):
    with front_in_this_process(tmp_path / "publish-cache") as front:
        yield front


@pytest.fixture
def condition(site_structure, django_capture_on_commit_callbacks):
    """A live condition page at PAGE, with a service and a campus."""
    with django_capture_on_commit_callbacks(execute=True):
        campus = LocationPageFactory(parent=site_structure.locations, title="Campus Noord")
        service = ServicePageFactory(parent=site_structure.services, title="Cardiologie", locations=[campus])
        return ConditionPageFactory(parent=site_structure.conditions, title="Hartfalen", services=[service])


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """`with commit():` runs the on-commit callbacks, as the end of a real transaction would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
