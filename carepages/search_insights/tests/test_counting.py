"""Searches on /zoeken/ and /api/v1/search/ are counted, and nothing else is kept or changed."""

import logging

import pytest
from django.db import connection
from django.utils import timezone

from carepages.search_insights.models import WeeklySearch
from carepages.search_insights.recording import week_of


def test_a_search_on_the_public_page_is_counted_for_this_week(client, hospital_db, counts, today):
    client.get("/zoeken/", {"q": "Pijn"})
    client.get("/zoeken/", {"q": "  pijn  "})
    client.get("/zoeken/", {"q": "valling"})
    assert counts() == {"pijn": (2, 0, 0), "valling": (1, 1, 0)}
    assert set(WeeklySearch.objects.values_list("week", flat=True)) == {week_of(timezone.localdate())}


def test_few_results_or_a_correction_count_as_poor(client, hospital_db, counts):
    client.get("/zoeken/", {"q": "coloscopie"})  # one page has the word
    client.get("/zoeken/", {"q": "astam"})  # found through "Bedoelde je astma?"
    assert counts() == {"coloscopie": (1, 0, 1), "astam": (1, 0, 1)}


def test_the_api_search_is_counted(client, hospital_db, counts):
    assert client.get("/api/v1/search/", {"q": "Valling"}).status_code == 200
    assert counts() == {"valling": (1, 1, 0)}


def test_further_pages_filters_and_suggestions_are_not_new_searches(client, hospital_db, counts):
    client.get("/zoeken/", {"q": "pijn", "pagina": "2"})
    client.get("/zoeken/", {"q": "pijn", "soort": "aandoening"})
    client.get("/api/v1/search/", {"q": "pijn", "offset": "10"})
    client.get("/zoeken/suggesties/", {"q": "pij"})
    client.get("/zoeken/", {"q": "pijn", "soort": "onbekend"})  # a 400: no search was made
    assert counts() == {}


@pytest.mark.parametrize(
    "query", ["jan.peeters@example.be", "85.07.30-033.28", "rijksregisternummer 85073003328", "03 000 00 00"]
)
def test_a_query_with_personal_data_is_answered_but_not_stored(client, hospital_db, counts, query):
    assert client.get("/zoeken/", {"q": query}).status_code == 200
    assert client.get("/api/v1/search/", {"q": query}).status_code == 200
    assert counts() == {}


def test_counting_sets_no_cookie_and_changes_no_header(client, hospital_db, counts):
    counted = client.get("/zoeken/", {"q": "rugpijn"})
    not_counted = client.get("/zoeken/", {"q": "rugpijn 85073003328"})
    api = client.get("/api/v1/search/", {"q": "rugpijn"})
    assert counts()["rugpijn"][0] == 2
    for response in (counted, api):
        assert not response.cookies
    # The same headers, with the same caching values, as a search that is not counted.
    assert sorted(counted.headers) == sorted(not_counted.headers)
    caching = ("Cache-Control", "Vary", "Expires")
    assert [counted.get(name) for name in caching] == [not_counted.get(name) for name in caching]
    assert not client.cookies


def test_a_database_that_refuses_the_count_does_not_break_the_search(client, hospital_db, counts, caplog):
    table = WeeklySearch._meta.db_table
    with connection.cursor() as cursor:  # rolled back with the test
        cursor.execute(f"ALTER TABLE {table} RENAME TO {table}_away")
    with caplog.at_level(logging.WARNING, logger="carepages.search_insights"):
        page = client.get("/zoeken/", {"q": "rugpijn"})
        api = client.get("/api/v1/search/", {"q": "rugpijn"})
    assert page.status_code == 200 and "Rugpijn" in page.text
    assert api.status_code == 200 and api.json()["results"][0]["slug"] == "rugpijn"
    assert "Search counts not written (1 searches dropped)" in caplog.text
    with connection.cursor() as cursor:
        cursor.execute(f"ALTER TABLE {table}_away RENAME TO {table}")
    assert counts() == {}
