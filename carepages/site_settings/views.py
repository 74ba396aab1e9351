"""The accent colour as a stylesheet: the CSP forbids inline styles, so the colour comes from a URL."""

from django.db import DatabaseError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.cache import patch_cache_control

from . import identity
from .contrast import darker
from .models import HospitalSettings

ONE_YEAR = 365 * 24 * 60 * 60


def accent_css(request, colour: str) -> HttpResponse:
    """`--brand` and its hover shade. The URL names the colour, so each URL's answer never changes.

    A page cached with an older colour's URL is sent on to the current colour. While the
    database is down (the 503 page links this too) the last known colour is still served.
    """
    try:
        hospital = HospitalSettings.load(request_or_site=request)
    except DatabaseError:
        hospital = identity.last_known()
        if colour != hospital.accent_slug:
            # A plain answer, no error page: that would need the database too.
            return HttpResponse(
                "/* colour unknown while the database is unreachable */",
                status=503,
                content_type="text/css; charset=utf-8",
            )
    if colour != hospital.accent_slug:
        response = redirect(hospital.accent_css_url)
        response["Cache-Control"] = "no-cache"
        return response
    css = f":root {{ --brand: {hospital.accent_color}; --brand-dark: {darker(hospital.accent_color)}; }}\n"
    response = HttpResponse(css, content_type="text/css; charset=utf-8")
    patch_cache_control(response, public=True, max_age=ONE_YEAR, immutable=True)
    return response
