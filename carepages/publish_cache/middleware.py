"""Cache-Control on what Django answers, so no shared cache keeps one visitor's rendering.

A CDN or proxy that ignores `Vary: Cookie` would otherwise keep an editor's page (with
the userbar) or a filtered page rendered for an editor, and hand it to everyone. The
rule (rule.py) says which requests are private; their answers get `private, no-store`
unless the view was as strict already (`no-store` alone keeps it out of every cache).
Public answers to page paths without a Cache-Control of their own (filtered and paged
pages, pages not kept by the publish cache) get the cached pages' `public, no-cache`:
shared caches must ask again each time.

It also checks a filtered or paged page before the front keeps it (rule.listing_is_exact):
Django's template response still holds the page's context here.
"""

from .front import CACHE_CONTROL, CACHEABLE_PAGE_KEY
from .rule import listing_is_exact, path_is_cacheable, request_is_private

PRIVATE = "private, no-store"


class CacheControlMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        current = response.get("Cache-Control", "")
        if request_is_private(request.META):
            if "no-store" not in current:
                response["Cache-Control"] = PRIVATE
        elif not current and path_is_cacheable(request.path_info):
            response["Cache-Control"] = CACHE_CONTROL
        return response

    def process_template_response(self, request, response):
        """A page with a query string is kept only when its listing is exactly what was asked."""
        filtered = request.META.get(CACHEABLE_PAGE_KEY) and request.META.get("QUERY_STRING")
        if filtered and not listing_is_exact(response.context_data or {}):
            request.META[CACHEABLE_PAGE_KEY] = False
        return response
