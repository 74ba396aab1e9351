"""Production settings (`make serve`): DEBUG off, secrets and hosts from the environment.

Passes `manage.py check --deploy --fail-level WARNING` (CI runs it). See docs/operations.md.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import BASE_DIR, DATABASES, MIDDLEWARE, TEMPLATES, email_settings, env_list, postgres_timeouts

DEBUG = False

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured(
        "SECRET_KEY is not set. The production settings (carepages.settings.production) refuse to start "
        "without one. Set the environment variable SECRET_KEY to a long random value, for example: "
        "export SECRET_KEY=\"$(python3 -c 'import secrets; print(secrets.token_urlsafe(50))')\" "
        "(keep it the same on every app server; see docs/operations.md)."
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

# A slow, frozen or stopped database must fail fast: published pages keep coming from the
# publish cache, and search, the API and the admin answer a 503 instead of hanging.
postgres_timeouts(DATABASES["default"], statement_timeout_default="5")
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["OPTIONS"]["connect_timeout"] = int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "3"))

# Password-reset and workflow mails: EMAIL_URL or EMAIL_HOST… (docs/configuration.md).
globals().update(email_settings(os.environ))

# Behind a TLS-terminating front (nginx, a load balancer) that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() == "true"
# Monitoring polls /healthz over plain HTTP on the private network (no redirect to https).
SECURE_REDIRECT_EXEMPT = [r"^healthz/?$"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview view allows its own frame (SAMEORIGIN override)

# Public pages: no inline script or style at all (JSON-LD data blocks are not scripts).
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
# Wagtail's admin still writes inline styles and scripts; it stays same-origin and unframeable.
CONTENT_SECURITY_POLICY_ADMIN = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self' data:; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'self'"
)

MIDDLEWARE = [
    MIDDLEWARE[0],  # SecurityMiddleware
    "django.middleware.gzip.GZipMiddleware",  # pages Django renders; static files come precompressed
    "carepages.security.headers.ContentSecurityPolicyMiddleware",
    *MIDDLEWARE[1:],
]

# Hashed names (carepages.4f1c….css), precompressed (gzip, brotli), cached for a year by WhiteNoise.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Published pages rendered once and answered by the front (carepages/serve.py) or nginx.
PUBLISH_CACHE_DIR = os.environ.get("PUBLISH_CACHE_DIR", str(BASE_DIR / "var" / "publish-cache"))

TEMPLATES[0]["APP_DIRS"] = False
TEMPLATES[0]["OPTIONS"]["loaders"] = [
    (
        "django.template.loaders.cached.Loader",
        [
            "django.template.loaders.filesystem.Loader",
            "django.template.loaders.app_directories.Loader",
        ],
    )
]
