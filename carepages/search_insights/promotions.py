"""Wagtail's search promotions ("Uitgelichte zoekresultaten") for the site's own search.

An editor promotes pages for a query in the admin; engine.search asks this
module (through the hook named in carepages/search/events.py) and puts those
pages first, in the editor's order. External links of a promotion are not
shown: the site's results are its own pages.
"""

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.search.utils import normalise_query_string


def promoted_page_ids(query: str) -> list[int]:
    return list(
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(query), page__isnull=False)
        .order_by("sort_order", "pk")
        .values_list("page_id", flat=True)
    )
