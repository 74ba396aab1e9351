"""Error answers: a clear 503 while the database is unreachable, else the 500 page.

HTML pages get templates/503.html (500.html otherwise), in the site's look with the
hospital's last known name and phone numbers (site_settings/identity.py): no database
query, so they render while it is down; JSON endpoints (the API, the search suggestions)
get a JSON 503 in the API's error shape, `{"error": …, "detail": …}`, so an app or
the search box's script can tell an outage from a bad request.
"""

import logging
import sys
from functools import wraps

from django.db import DatabaseError
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.urls import reverse

from carepages.site_settings import identity

RETRY_AFTER_SECONDS = 30

#: The last resort when even the error template fails: no template, no setting, no query.
BARE_ERROR_PAGE = """<!DOCTYPE html><html lang="nl-BE"><head><meta charset="utf-8">
<title>Er ging iets mis</title></head><body><h1>Er ging iets mis</h1>
<p>Probeer het over enkele minuten opnieuw. Dringende hulp: bel 112.</p>
<p><a href="/">Naar de startpagina</a></p></body></html>"""

logger = logging.getLogger(__name__)


def server_error(request, template_name: str = "500.html") -> HttpResponse:
    """handler500: Django calls it while handling the exception, so sys.exc_info() names it.

    Rendered without the request context: context processors may need the database.
    """
    error = sys.exc_info()[1]
    if _answers_json(request):
        if isinstance(error, DatabaseError):
            return database_unavailable_json()
        response = JsonResponse(
            {"error": "server_error", "detail": "Something went wrong on our side."}, status=500
        )
    elif isinstance(error, DatabaseError):
        response = HttpResponse(render_error_page("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    else:
        response = HttpResponse(render_error_page(template_name), status=500)
    response["Cache-Control"] = "no-store"
    return response


def render_error_page(template_name: str) -> str:
    """The error page with the last known identity; the bare page if anything in it fails.

    Never raises: an exception here would leave the visitor with the server's own blank 500.
    """
    try:
        hospital = identity.last_known()
        accent = reverse("accent_css", args=[hospital.accent_slug]) if hospital.accent_slug else ""
        return loader.render_to_string(template_name, {"hospital": hospital, "accent_css_url": accent})
    except Exception:
        logger.exception("the error page %s could not be rendered", template_name)
        return BARE_ERROR_PAGE


def database_unavailable_json() -> JsonResponse:
    response = JsonResponse(
        {
            "error": "unavailable",
            "detail": f"The database is temporarily unreachable; try again in {RETRY_AFTER_SECONDS} seconds.",
        },
        status=503,
    )
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def json_errors(view):
    """Mark a JSON view: a database outage inside it answers the JSON 503, never the HTML page."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except DatabaseError as error:
            logger.warning("%s: database unavailable (%s)", request.path, type(error).__name__)
            return database_unavailable_json()

    wrapper.json_errors = True
    return wrapper


def _answers_json(request) -> bool:
    match = getattr(request, "resolver_match", None)
    return bool(match and getattr(match.func, "json_errors", False))
