"""HTTP caching and CORS for the API: what apps, kiosks and GP portals need to read it cheaply.

Every response is public and the same for everyone, so any origin may read it
(GET only), and a client revalidates with If-None-Match / If-Modified-Since to
get a 304 instead of the body.
"""

from functools import wraps

from django.db import DatabaseError
from django.db.models import Max
from django.http import HttpResponse
from django.utils.cache import (
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
    set_response_etag,
)
from django.utils.http import http_date
from wagtail.models import PageLogEntry

from carepages.core.errors import database_unavailable_json

MAX_AGE = 300
CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, OPTIONS",
    "Access-Control-Allow-Headers": "Accept, Accept-Language, If-None-Match, If-Modified-Since",
    "Access-Control-Expose-Headers": "ETag, Last-Modified",
    "Access-Control-Max-Age": "86400",
}


def last_change():
    """When published content last changed: publish, unpublish, move and delete all enter the page history."""
    return PageLogEntry.objects.aggregate(latest=Max("timestamp"))["latest"]


def public_read(view):
    """CORS headers, Cache-Control, ETag and Last-Modified, and 304 on revalidation."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
        else:
            try:
                response = view(request, *args, **kwargs)
                if request.method == "GET" and response.status_code == 200:
                    response = _conditional(request, response)
            except DatabaseError:
                # An outage answers the API's JSON 503, with the CORS headers an app needs to read it.
                response = database_unavailable_json()
            if response.status_code in (200, 304, 400, 404):
                patch_cache_control(response, public=True, max_age=MAX_AGE)
        for header, value in CORS_HEADERS.items():
            response.headers.setdefault(header, value)
        patch_vary_headers(response, ["Accept-Encoding"])
        return response

    wrapper.json_errors = True  # any other failure: handler500 answers JSON (core/errors.py)
    return wrapper


def _conditional(request, response):
    if getattr(response, "streaming", False):
        return response
    set_response_etag(response)
    changed = last_change()
    if changed:
        response.headers["Last-Modified"] = http_date(changed.timestamp())
    return get_conditional_response(
        request,
        etag=response.headers.get("ETag"),
        last_modified=int(changed.timestamp()) if changed else None,
        response=response,
    )


#: Swagger UI styles its widgets with inline style attributes; scripts stay same-origin only.
DOCS_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'"
)


def docs_page(view):
    """The docs page's own Content-Security-Policy (the site's strict one would unstyle Swagger UI)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response.headers.setdefault("Content-Security-Policy", DOCS_CSP)
        return response

    return wrapper
