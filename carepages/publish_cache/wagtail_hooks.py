from wagtail import hooks

from .front import CACHEABLE_PAGE_KEY


@hooks.register("before_serve_page")
def mark_public_page(page, request, serve_args, serve_kwargs):
    """Tell the front (front.py) that this response is a live public page it may keep.

    Previews do not pass through here; pages behind a view restriction never qualify.
    """
    if request.GET:
        return  # filters and paging are rendered for each request, never kept
    if page.live and not page.get_view_restrictions().exists():
        request.META[CACHEABLE_PAGE_KEY] = True
