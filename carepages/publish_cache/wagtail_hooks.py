from wagtail import hooks

from .front import CACHEABLE_PAGE_KEY
from .rule import memory_key, page_is_public, request_may_use_cache


# After Wagtail's own before_serve_page hooks (order 0), which answer a restricted page
# (login redirect, password form) before it is rendered. This hook does not rely on that:
# it asks the rule (rule.py) about the page and the request itself.
@hooks.register("before_serve_page", order=1000)
def mark_public_page(page, request, serve_args, serve_kwargs):
    """Tell the front (front.py) that this response is a public page it may keep.

    Previews do not pass through here. A filtered or paged request (`memory_key`) is
    marked too; the Cache-Control middleware takes the mark away again when the page's
    listing corrected the query (a page past the last one, an unknown campus).
    """
    may_use_cache = request_may_use_cache(request.META) or memory_key(request.META) is not None
    if may_use_cache and page_is_public(page):
        request.META[CACHEABLE_PAGE_KEY] = True
