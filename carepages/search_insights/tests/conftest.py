"""The search tests' small hospital and the stored counts; the admin logins are in carepages/conftest.py."""

import pytest

from carepages.search.tests.conftest import hospital, hospital_db  # noqa: F401  (fixtures)
from carepages.search_insights.models import WeeklySearch


@pytest.fixture
def counts():
    """The stored counts, as {query: (searches, without results, poor results)}."""

    def read() -> dict[str, tuple[int, int, int]]:
        rows = WeeklySearch.objects.values_list("query", "searches", "without_results", "poor_results")
        return {query: tuple(numbers) for query, *numbers in rows}

    return read
