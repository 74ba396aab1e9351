"""Cache-Control on what Django answers, so no shared cache keeps one visitor's rendering.

A CDN or proxy that ignores `Vary: Cookie` would otherwise keep an editor's page (with
the userbar) or a filtered page rendered for an editor, and hand it to everyone. The
rule (rule.py) says which requests are private; their answers get `private, no-store`
unless the view was as strict already (`no-store` alone keeps it out of every cache).
Public answers to page paths without a Cache-Control of their own (filtered and paged
pages, pages not kept by the publish cache) get the cached pages' `public, no-cache`:
shared caches must ask again each time.
"""

from .front import CACHE_CONTROL
from .rule import path_is_cacheable, request_is_private

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
