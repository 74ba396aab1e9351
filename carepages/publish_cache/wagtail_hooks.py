from wagtail import hooks

from .front import CACHEABLE_PAGE_KEY


# After Wagtail's own before_serve_page hooks (order 0): a page behind a view restriction
# has been answered by them already (login redirect, password form) for anyone without
# a session, and requests with a session never come from the cache. So reaching this hook
# means the page is public, without a query of its own.
@hooks.register("before_serve_page", order=1000)
def mark_public_page(page, request, serve_args, serve_kwargs):
    """Tell the front (front.py) that this response is a live public page it may keep.

    Previews do not pass through here. Filtered or paged requests are never kept.
    """
    if page.live and not request.GET:
        request.META[CACHEABLE_PAGE_KEY] = True
