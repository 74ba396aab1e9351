"""Error answers: a clear 503 while the database is unreachable, else the 500 page.

HTML pages get templates/503.html; JSON endpoints (the API, the search suggestions)
get a JSON 503 in the API's error shape, `{"error": …, "detail": …}`, so an app or
the search box's script can tell an outage from a bad request.
"""

import logging
import sys
from functools import wraps

from django.db import DatabaseError
from django.http import HttpResponse, JsonResponse
from django.template import loader

RETRY_AFTER_SECONDS = 30

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
        response = HttpResponse(loader.render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    else:
        response = HttpResponse(loader.get_template(template_name).render(), status=500)
    response["Cache-Control"] = "no-store"
    return response


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
