"""The condition page as a patient reads it."""

import pytest

from carepages.conditions.factories import ConditionPageFactory
from carepages.core.testing import read
from carepages.locations.factories import LocationPageFactory
from carepages.services.factories import ServicePageFactory


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
    soup = read(client.get("/aandoeningen/schouderpijn/"))
    assert soup.select_one(".services__count").get_text(strip=True) == "1 - 10 van 12"
    assert len(soup.select(".card")) == 10

    soup = read(client.get("/aandoeningen/schouderpijn/?pagina=2"))
    assert soup.select_one(".services__count").get_text(strip=True) == "11 - 12 van 12"


def test_campus_filter_narrows_the_list_and_the_count(client, condition_with_services):
    soup = read(client.get("/aandoeningen/schouderpijn/?locatie=campus-b"))
    assert soup.select_one(".services__count").get_text(strip=True) == "1 - 4 van 4"
    titles = [a.get_text() for a in soup.select(".card__title a")]
    assert titles == ["Dienst 01", "Dienst 04", "Dienst 07", "Dienst 10"]


@pytest.mark.parametrize("query", ["?locatie=bestaat-niet", "?pagina=abc", "?pagina=-3", "?pagina=999"])
def test_bad_filters_give_a_message_not_an_error(client, condition_with_services, query):
    soup = read(client.get("/aandoeningen/schouderpijn/" + query))
    assert soup.select(".notice")
    assert soup.select(".card")


def test_unpublished_service_disappears_from_the_condition(client, condition_with_services):
    condition, services, _ = condition_with_services
    services[0].unpublish()
    soup = read(client.get("/aandoeningen/schouderpijn/"))
    assert "Dienst 00" not in soup.get_text()
    assert soup.select_one(".services__count").get_text(strip=True) == "1 - 10 van 11"


def test_pager_links_keep_the_campus_filter(client, condition_with_services):
    condition, services, campuses = condition_with_services
    extra = ServicePageFactory(parent=services[0].get_parent(), title="Dienst 99", locations=campuses[:1])
    condition.service_links.create(service=extra)
    condition.save_revision().publish()
    soup = read(client.get("/aandoeningen/schouderpijn/?locatie=campus-a"))
    assert soup.select_one(".services__count").get_text(strip=True) == "1 - 5 van 5"

    soup = read(client.get("/aandoeningen/schouderpijn/"))
    pager = soup.find("nav", attrs={"aria-label": "Paginering diensten"})
    assert [(a.get_text(), a["href"]) for a in pager.find_all("a")] == [
        ("2", "?pagina=2#diensten"),
        ("Volgende", "?pagina=2#diensten"),
    ]
    assert pager.find(attrs={"aria-current": "page"}).get_text() == "1"


def test_pager_on_a_filtered_list_keeps_the_filter(client, site_structure):
    campus = LocationPageFactory(parent=site_structure.locations, title="Campus Z")
    other = LocationPageFactory(parent=site_structure.locations, title="Campus Y")
    services = [
        ServicePageFactory(parent=site_structure.services, title=f"Dienst {n:02d}", locations=[campus])
        for n in range(11)
    ] + [ServicePageFactory(parent=site_structure.services, title="Dienst Y", locations=[other])]
    ConditionPageFactory(parent=site_structure.conditions, title="Knieletsel", services=services)

    soup = read(client.get("/aandoeningen/knieletsel/?locatie=campus-z"))
    assert soup.select_one(".services__count").get_text(strip=True) == "1 - 10 van 11"
    pager = soup.find("nav", attrs={"aria-label": "Paginering diensten"})
    next_href = pager.find("a", rel="next")["href"]
    assert next_href == "?locatie=campus-z&pagina=2#diensten"

    soup = read(client.get("/aandoeningen/knieletsel/" + next_href.split("#")[0]))
    assert soup.select_one(".services__count").get_text(strip=True) == "11 - 11 van 11"
    assert [a.get_text() for a in soup.select(".card__title a")] == ["Dienst 10"]
    assert soup.find("select").find("option", selected=True)["value"] == "campus-z"


def test_the_filter_is_a_labelled_get_form_that_works_without_javascript(client, condition_with_services):
    soup = read(client.get("/aandoeningen/schouderpijn/"))
    form = soup.find("form", attrs={"method": "get"}, class_="filters__form")
    select = form.find("select", attrs={"name": "locatie"})
    assert form.find("label", attrs={"for": select["id"]}).get_text() == "Locatie"
    assert [o.get_text() for o in select.find_all("option")] == [
        "Alle locaties",
        "Campus A",
        "Campus B",
        "Campus C",
    ]
    assert form.find("button", attrs={"type": "submit"})
    assert not soup.find_all("script", src=True)


def test_unpublished_campus_leaves_the_filter_options(client, condition_with_services):
    _, _, campuses = condition_with_services
    campuses[1].unpublish()
    soup = read(client.get("/aandoeningen/schouderpijn/"))
    assert [o.get_text() for o in soup.find("select").find_all("option")] == [
        "Alle locaties",
        "Campus A",
        "Campus C",
    ]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?pagina=5", "Er zijn maar 2 pagina's. We tonen de laatste."),
        ("?locatie=campus-b&pagina=3", "Er is maar 1 pagina. We tonen die."),  # not "maar 1 pagina's"
    ],
)
def test_a_page_past_the_end_is_explained_in_correct_dutch(client, condition_with_services, query, message):
    soup = read(client.get("/aandoeningen/schouderpijn/" + query))
    assert [notice.get_text(strip=True) for notice in soup.select(".notice")] == [message]
