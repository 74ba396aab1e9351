"""Pages editors promote for a query come first in the site's own search."""

from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from carepages.core.testing import read


def _promote(query: str, *pages):
    promoted = Query.get(query)
    for order, page in enumerate(pages):
        SearchPromotion.objects.create(query=promoted, page=page, sort_order=order)


def _slugs(client, query: str, **params) -> list[str]:
    return [hit["slug"] for hit in client.get("/api/v1/search/", {"q": query, **params}).json()["results"]]


def test_promoted_pages_come_first_in_the_editors_order_for_that_query_only(client, hospital_db):
    before = _slugs(client, "rugpijn")
    _promote("Rugpijn", hospital_db["kindergeneeskunde"], hospital_db["rugrevalidatie"])
    assert _slugs(client, "RUGPIJN")[:3] == ["kindergeneeskunde", "rugrevalidatie", "rugpijn"]
    assert _slugs(client, "rugpijn oefeningen")[:1] != ["kindergeneeskunde"]
    assert sorted(_slugs(client, "rugpijn")) == sorted({*before, "kindergeneeskunde"})


def test_a_promotion_answers_a_word_no_page_uses_without_a_correction(client, hospital_db):
    _promote("valling", hospital_db["allergische-rinitis"])
    soup = read(client.get("/zoeken/", {"q": "valling"}))
    assert soup.select_one(".search-result a")["href"] == "/aandoeningen/allergische-rinitis/"
    assert "Bedoelde je" not in soup.get_text()


def test_an_unpublished_promoted_page_is_not_shown(client, hospital_db):
    _promote("valling", hospital_db["allergische-rinitis"])
    hospital_db["allergische-rinitis"].unpublish()
    assert _slugs(client, "valling") == []


def test_a_kind_filter_still_applies_to_promoted_pages(client, hospital_db):
    _promote("rugpijn", hospital_db["kindergeneeskunde"])
    assert "kindergeneeskunde" not in _slugs(client, "rugpijn", type="condition")
