"""The condition page as a patient reads it."""

import pytest
from bs4 import BeautifulSoup

from carepages.conditions.factories import ConditionPageFactory
from carepages.locations.factories import LocationPageFactory
from carepages.services.factories import ServicePageFactory


def _soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def condition_with_services(site_structure):
    campuses = [LocationPageFactory(parent=site_structure.locations, title=f"Campus {c}") for c in "ABC"]
    services = [
        ServicePageFactory(
            parent=site_structure.services, title=f"Dienst {n:02d}", locations=[campuses[n % 3]]
        )
        for n in range(12)
    ]
    condition = ConditionPageFactory(
        parent=site_structure.conditions, title="Schouderpijn", services=services
    )
    return condition, services, campuses


def test_services_are_paged_by_ten_with_a_count(client, condition_with_services):
    soup = _soup(client.get("/aandoeningen/schouderpijn/"))
    assert soup.select_one(".services__count").get_text(strip=True) == "1 - 10 van 12"
    assert len(soup.select(".card")) == 10

    soup = _soup(client.get("/aandoeningen/schouderpijn/?pagina=2"))
    assert soup.select_one(".services__count").get_text(strip=True) == "11 - 12 van 12"


def test_campus_filter_narrows_the_list_and_the_count(client, condition_with_services):
    soup = _soup(client.get("/aandoeningen/schouderpijn/?locatie=campus-b"))
    assert soup.select_one(".services__count").get_text(strip=True) == "1 - 4 van 4"
    titles = [a.get_text() for a in soup.select(".card__title a")]
    assert titles == ["Dienst 01", "Dienst 04", "Dienst 07", "Dienst 10"]


@pytest.mark.parametrize("query", ["?locatie=bestaat-niet", "?pagina=abc", "?pagina=-3", "?pagina=999"])
def test_bad_filters_give_a_message_not_an_error(client, condition_with_services, query):
    soup = _soup(client.get("/aandoeningen/schouderpijn/" + query))
    assert soup.select(".notice")
    assert soup.select(".card")


def test_unpublished_service_disappears_from_the_condition(client, condition_with_services):
    condition, services, _ = condition_with_services
    services[0].unpublish()
    soup = _soup(client.get("/aandoeningen/schouderpijn/"))
    assert "Dienst 00" not in soup.get_text()
    assert soup.select_one(".services__count").get_text(strip=True) == "1 - 10 van 11"
