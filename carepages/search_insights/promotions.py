"""Wagtail's search promotions ("Uitgelichte zoekresultaten") for the site's own search.

An editor promotes pages for a query in the admin; engine.search asks this
module (through the hook named in carepages/search/events.py) and puts those
pages first, in the editor's order. External links of a promotion are not
shown: the site's results are its own pages.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.search.utils import normalise_query_string

from carepages.changes import feed


def promoted_page_ids(query: str) -> list[int]:
    return list(
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(query), page__isnull=False)
        .order_by("sort_order", "pk")
        .values_list("page_id", flat=True)
    )


def _promotions_changed(sender, **kwargs):
    # Every process keeps the promotions it asked for until the change feed moves on
    # (carepages/search/promoted.py): a promotion saved or deleted is such a change.
    feed.record()


def connect() -> None:
    for signal in (post_save, post_delete):
        signal.connect(_promotions_changed, sender=SearchPromotion, dispatch_uid="carepages_search_promotion")
