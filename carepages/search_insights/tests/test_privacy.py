"""Which queries are never stored: anything that may identify a person."""

import pytest

from carepages.search_insights.privacy import storable


@pytest.mark.parametrize(
    "query",
    [
        "jan.peeters@example.be",
        "resultaat voor an@zas",
        "85.07.30-033.28",  # rijksregisternummer with dots and a dash
        "85073003328",
        "rijksregisternummer 850730 033 28",
        "03 000 00 00",  # a phone number in groups
        "+32 470 12 34 56",
        "0470/12.34.56",
        "BE68 5390 0754 7034",  # a bank account
        "geboren 02/07/1985",
        "dossier 123456",
        "x" * 101,  # a long sentence is likelier to tell something about someone
    ],
)
def test_personal_data_is_never_stored(query):
    assert storable(query) is None


@pytest.mark.parametrize(
    ("query", "stored"),
    [
        ("Rugpijn", "rugpijn"),
        ("  pijn   in mijn\tHIEL ", "pijn in mijn hiel"),
        ("covid 19", "covid 19"),
        ("campus 2020 antwerpen", "campus 2020 antwerpen"),  # a postal code is not a person
        ("vitamine b12", "vitamine b12"),
    ],
)
def test_other_queries_are_stored_lower_case_with_single_spaces(query, stored):
    assert storable(query) == stored
