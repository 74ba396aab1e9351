"""Security headers: the Content-Security-Policy Django 5.2 lacks, and the set the front repeats.

Django's SecurityMiddleware sends HSTS, nosniff, Referrer-Policy and COOP on responses
Django renders; ContentSecurityPolicyMiddleware adds the CSP. Pages answered by the
publish-cache front (publish_cache/front.py) never reach Django, so the front sends the same headers itself,
built from the same settings by `security_headers()`.
"""

from django.conf import settings


def csp_for(path: str) -> str:
    """The admin's own scripts need inline code; the public site gets the strict policy."""
    admin_policy = getattr(settings, "CONTENT_SECURITY_POLICY_ADMIN", "")
    if admin_policy and path.startswith("/admin/"):
        return admin_policy
    return getattr(settings, "CONTENT_SECURITY_POLICY", "")


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = csp_for(request.path)
        if policy and "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = policy
        return response


def security_headers() -> list[tuple[str, str]]:
    """The headers Django's middleware would add to a public page served over HTTPS."""
    headers = []
    if policy := getattr(settings, "CONTENT_SECURITY_POLICY", ""):
        headers.append(("Content-Security-Policy", policy))
    if settings.SECURE_HSTS_SECONDS:
        value = f"max-age={settings.SECURE_HSTS_SECONDS}"
        if settings.SECURE_HSTS_INCLUDE_SUBDOMAINS:
            value += "; includeSubDomains"
        if settings.SECURE_HSTS_PRELOAD:
            value += "; preload"
        headers.append(("Strict-Transport-Security", value))
    if settings.SECURE_CONTENT_TYPE_NOSNIFF:
        headers.append(("X-Content-Type-Options", "nosniff"))
    if settings.SECURE_REFERRER_POLICY:
        headers.append(("Referrer-Policy", settings.SECURE_REFERRER_POLICY))
    if settings.SECURE_CROSS_ORIGIN_OPENER_POLICY:
        headers.append(("Cross-Origin-Opener-Policy", settings.SECURE_CROSS_ORIGIN_OPENER_POLICY))
    headers.append(("X-Frame-Options", settings.X_FRAME_OPTIONS))
    return headers
