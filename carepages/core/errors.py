"""The server error page: a clear 503 while the database is unreachable, else the 500 page."""

import sys

from django.db import DatabaseError
from django.http import HttpResponse
from django.template import loader

RETRY_AFTER_SECONDS = 30


def server_error(request, template_name: str = "500.html") -> HttpResponse:
    """handler500: Django calls it while handling the exception, so sys.exc_info() names it.

    Rendered without the request context: context processors may need the database.
    """
    error = sys.exc_info()[1]
    if isinstance(error, DatabaseError):
        response = HttpResponse(loader.render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    else:
        response = HttpResponse(loader.get_template(template_name).render(), status=500)
    response["Cache-Control"] = "no-store"
    return response
