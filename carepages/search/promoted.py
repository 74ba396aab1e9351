"""The pages editors put first for a query, asked once per query and kept until content changes.

The pages come from the Wagtail hook named `events.PROMOTION_HOOK` (one small query
each time it is asked). A process keeps the answers for the version of its index
(`following.IndexCache.version`): any change in the change feed starts a new
version, and the app that stores promotions records a change when one is saved
or deleted, so every process asks again after an editor's change, and a search
on a query it has seen costs no query for its promotions.
"""

from wagtail import hooks

from .events import PROMOTION_HOOK

#: Distinct queries kept per version; past it the answers start over (a flood of distinct
#: queries cannot grow the memory of a process).
MAX_QUERIES = 2000


def promoted_page_ids(query: str) -> list[int]:
    """The pages editors put first for this query, in their order (hooks named PROMOTION_HOOK)."""
    page_ids: list[int] = []
    for hook in hooks.get_hooks(PROMOTION_HOOK):
        page_ids.extend(hook(query))
    return list(dict.fromkeys(page_ids))


class PromotionCache:
    """`promoted_page_ids` per query, for one version of the content. Used under the index's lock."""

    def __init__(self):
        self.version: int | None = None
        self.by_query: dict[str, list[int]] = {}

    def get(self, query: str, version: int) -> list[int]:
        if version != self.version or len(self.by_query) >= MAX_QUERIES:
            self.version, self.by_query = version, {}
        page_ids = self.by_query.get(query)
        if page_ids is None:
            page_ids = self.by_query[query] = promoted_page_ids(query)
        return page_ids


#: This process's promotions (beside `following.cache`, the index they go with).
cache = PromotionCache()
