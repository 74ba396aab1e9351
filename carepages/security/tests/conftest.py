"""Fixtures of the attacker's checklist: the publish-cache front over the real Django, a cached page."""

import pytest

from carepages.publish_cache.testing import front_in_this_process

PAGE = "/aandoeningen/hartfalen/"


@pytest.fixture
def front(db, tmp_path):
    with front_in_this_process(tmp_path / "publish-cache") as front:
        yield front


@pytest.fixture
def condition(small_hospital):
    """A live condition page at PAGE, with a service and a campus: the shared small hospital's."""
    return small_hospital.condition


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """`with commit():` runs the on-commit callbacks, as the end of a real transaction would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
