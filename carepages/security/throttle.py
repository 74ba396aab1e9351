"""Login throttling: the Dutch lockout page, and axes' counting for the password forms it does not see.

django-axes counts failed logins on /admin/login/ and /_util/login/ itself (its
authentication backend and the `user_login_failed` signal). Two more forms guess or
abuse a secret without going through `authenticate()`: the password of a
password-protected page and the admin's password reset (each request sends a
mail). This middleware feeds them to axes as well, under a username of their own,
so one database-backed count, one lockout page and one unlock command cover all four.
"""

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.http import HttpRequest, HttpResponse
from django.template import loader
from django.urls import Resolver404, resolve

PAGE_PASSWORD_VIEW = "wagtailcore_authenticate_with_password"
PASSWORD_RESET_VIEW = "wagtailadmin_password_reset"
PASSWORD_RESET_USERNAME = "wachtwoord-reset"


def page_password_username(restriction_id: int) -> str:
    """The name axes records for guesses at one password-protected page (unlock with axes_reset_username)."""
    return f"paginawachtwoord-{restriction_id}"


def client_ip(request: HttpRequest) -> str:
    """The visitor's address, as axes counts it.

    Behind TRUSTED_PROXY_COUNT proxies that each append the address they saw to
    X-Forwarded-For (nginx's $proxy_add_x_forwarded_for), the visitor is that many
    entries from the right; entries further left were sent by the visitor and may be forged.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    return hops[-count] if len(hops) >= count else remote


def lockout_response(request: HttpRequest, original_response=None, credentials=None) -> HttpResponse:
    """What a locked-out visitor or editor sees: a Dutch page, 429, and when to try again."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    html = loader.render_to_string("security/lockout.html", {"minutes": minutes})
    response = HttpResponse(html, status=429)
    response["Retry-After"] = str(minutes * 60)
    response["Cache-Control"] = "no-store"
    return response


class PasswordFormThrottleMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        credentials = _throttled_credentials(request)
        if credentials is None:
            return self.get_response(request)
        if not AxesProxyHandler.is_allowed(request, credentials):
            return lockout_response(request, credentials=credentials)
        response = self.get_response(request)
        if _counts_as_failure(credentials, response):
            user_login_failed.send(sender=__name__, credentials=credentials, request=request)
            if getattr(request, "axes_locked_out", False):
                return lockout_response(request, credentials=credentials)
        return response


def _throttled_credentials(request: HttpRequest) -> dict | None:
    """The axes credentials of a POST to one of the two forms, None for any other request."""
    if request.method != "POST":
        return None
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None
    if match.url_name == PAGE_PASSWORD_VIEW:
        return {"username": page_password_username(match.kwargs["page_view_restriction_id"])}
    if match.url_name == PASSWORD_RESET_VIEW:
        return {"username": PASSWORD_RESET_USERNAME}
    return None


def _counts_as_failure(credentials: dict, response: HttpResponse) -> bool:
    # Every reset request sends a mail, so each one counts; a page password counts
    # only when Wagtail shows the form again (a right one redirects).
    if credentials["username"] == PASSWORD_RESET_USERNAME:
        return True
    return response.status_code == 200
