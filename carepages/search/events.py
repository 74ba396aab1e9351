"""What the search tells the apps above it, without knowing them.

`searched` is sent once per patient search: the /zoeken/ page (first page,
no kind filter) and the API search (offset 0). The suggestions under the
search box are not: they are words still being typed. Receivers get the
`query` as searched and the engine's `response`; a receiver must be cheap
and must not fail the search (see carepages/search_insights/).

`PROMOTION_HOOK` names the Wagtail hook that lists, for a query, the ids of
pages editors want first: `engine.search` puts them first when they are live.
"""

from django.dispatch import Signal

searched = Signal()

PROMOTION_HOOK = "carepages_search_promoted_pages"
