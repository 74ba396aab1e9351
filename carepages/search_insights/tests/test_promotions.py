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


def test_a_repeated_search_asks_for_its_promotions_once_until_a_promotion_changes(client, hospital_db):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from carepages.search.engine import search

    search("rugpijn")
    with CaptureQueriesContext(connection) as queries:
        search("rugpijn")
    assert not [q for q in queries.captured_queries if "search_promotions" in q["sql"]]
    _promote("rugpijn", hospital_db["kindergeneeskunde"])
    assert [hit.slug for hit in search("rugpijn").results][:1] == ["kindergeneeskunde"]
    SearchPromotion.objects.filter(query__query_string="rugpijn").delete()
    assert [hit.slug for hit in search("rugpijn").results][:1] != ["kindergeneeskunde"]


def test_a_promotion_saved_in_another_process_shows_at_the_next_search(hospital_db):
    from carepages.search.following import IndexCache
    from carepages.search.promoted import PromotionCache

    # A second process: its own index and its own promotions, knowing only the change feed.
    index, promotions = IndexCache(), PromotionCache()
    index.current()
    assert promotions.get("valling", index.version) == []
    _promote("valling", hospital_db["allergische-rinitis"])
    index.current()
    assert promotions.get("valling", index.version) == [hospital_db["allergische-rinitis"].pk]
