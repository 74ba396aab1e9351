"""Settings shared by every environment.

Configuration that differs between machines comes from the environment
(docs/configuration.md): DATABASE_URL, SECRET_KEY, ALLOWED_HOSTS.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
import dj_email_url

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


INSTALLED_APPS = [
    "carepages.changes",
    "carepages.core",
    "carepages.home",
    "carepages.conditions",
    "carepages.services",
    "carepages.locations",
    "carepages.infopages",
    "carepages.doctors",
    "carepages.site_settings",
    "carepages.search",
    "carepages.vocabulary",
    "carepages.search_insights",
    "carepages.api",
    "carepages.content_io",
    "ninja",  # API docs page: Swagger UI from the package's own static files, no CDN
    "carepages.publish_cache",
    "carepages.security",
    "axes",
    "carepages.readability",
    "carepages.feedback",
    "carepages.reviews",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Near the top, so it sees the final answer: Cache-Control for private and filtered answers.
    "carepages.publish_cache.middleware.CacheControlMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Throttles the password forms axes does not see; then axes turns a lockout into the Dutch page.
    "carepages.security.throttle.PasswordFormThrottleMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "carepages.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "carepages.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


def postgres_timeouts(database: dict, statement_timeout_default: str) -> None:
    """Fail fast instead of hanging (docs/configuration.md): a 503 beats a worker stuck for minutes.

    `statement_timeout` makes PostgreSQL cancel a query stuck on a lock or a slow disk;
    `tcp_user_timeout` and keepalives let the client notice a server or network that froze
    without closing the connection (unacknowledged data, unanswered probes).
    """
    if database["ENGINE"] != "django.db.backends.postgresql":
        return
    statement_seconds = int(os.environ.get("DATABASE_STATEMENT_TIMEOUT", statement_timeout_default))
    tcp_seconds = int(os.environ.get("DATABASE_TCP_TIMEOUT", "10"))
    options = database.setdefault("OPTIONS", {})
    options["options"] = f"-c statement_timeout={statement_seconds * 1000}"
    options.update(
        tcp_user_timeout=tcp_seconds * 1000,
        keepalives=1,
        keepalives_idle=max(1, tcp_seconds // 2),
        keepalives_interval=max(1, tcp_seconds // 4),
        keepalives_count=2,
    )


# Off (0) by default: migrations and imports may rightly run long; production sets 5 s.
postgres_timeouts(DATABASES["default"], statement_timeout_default="0")

# Login throttling (docs/security.md): django-axes refuses a login before checking the password
# once a username has failed too often from one address. Its records live in the database,
# so every app server sees the same count and an operator unlocks with `manage.py axes_reset…`.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "10"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_COOLOFF_MINUTES", "30")))
# Per username and address: an attacker cannot lock an editor out from elsewhere, and many
# editors behind the hospital's one public address do not lock each other out.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "carepages.security.throttle.lockout_response"
AXES_HTTP_RESPONSE_CODE = 429
# Behind the front, each proxy appends the address it saw to X-Forwarded-For (docs/operations.md).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "carepages.security.throttle.client_ip"
# "Was deze informatie nuttig?" answers one address may send per hour (docs/security.md);
# generous, since patients on the hospital's guest Wi-Fi share one address.
FEEDBACK_LIMIT_PER_HOUR = 20
# Days a feedback answer is kept (docs/operations.md, "Data that expires"): two years, long enough to
# compare a page's answers before and after a rewrite; `purge_feedback` deletes older ones daily.
FEEDBACK_RETENTION_DAYS = int(os.environ.get("FEEDBACK_RETENTION_DAYS", "730"))


def email_settings(environ) -> dict:
    """The mail settings from EMAIL_URL, or from EMAIL_HOST and its companions (docs/configuration.md).

    Nothing set: mails are logged as not sent (carepages.core.mail), and `check --deploy` warns.
    """
    if environ.get("EMAIL_URL"):
        found = dj_email_url.parse(environ["EMAIL_URL"])
    elif environ.get("EMAIL_HOST"):
        found = {
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": environ["EMAIL_HOST"],
            "EMAIL_PORT": int(environ.get("EMAIL_PORT", "587")),
            "EMAIL_HOST_USER": environ.get("EMAIL_HOST_USER", ""),
            "EMAIL_HOST_PASSWORD": environ.get("EMAIL_HOST_PASSWORD", ""),
            "EMAIL_USE_TLS": environ.get("EMAIL_USE_TLS", "true").lower() == "true",
            "EMAIL_USE_SSL": environ.get("EMAIL_USE_SSL", "false").lower() == "true",
        }
    else:
        found = {"EMAIL_BACKEND": "carepages.core.mail.NotConfiguredBackend"}
    # An explicit variable wins over the URL's `_default_from_email` / `_server_email`.
    for name in ("DEFAULT_FROM_EMAIL", "SERVER_EMAIL"):
        if environ.get(name):
            found[name] = environ[name]
        elif not found.get(name):
            found.pop(name, None)
    found.pop("EMAIL_FILE_PATH", None)
    # A mail server that does not answer must not hold a worker (a password reset waits for it).
    found["EMAIL_TIMEOUT"] = found.get("EMAIL_TIMEOUT") or int(environ.get("EMAIL_TIMEOUT", "10"))
    return found


AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Public texts are Dutch as spoken in Belgium; the admin follows the language.
LANGUAGE_CODE = "nl-be"
LANGUAGES = [("nl-be", "Nederlands")]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = BASE_DIR / "var" / "static"
STATIC_URL = "/static/"
MEDIA_ROOT = BASE_DIR / "var" / "media"
MEDIA_URL = "/media/"
# The hospital's name and phone numbers as last read, for the 500 and 503 pages that render
# without the database (carepages/site_settings/identity.py; docs/operations.md).
HOSPITAL_IDENTITY_FILE = os.environ.get(
    "HOSPITAL_IDENTITY_FILE", str(BASE_DIR / "var" / "hospital-identity.json")
)

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "carepages"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        "SEARCH_CONFIG": "dutch",
    }
}
# The admin makes no requests to other sites (the editors' IP addresses and e-mail hashes stay
# in the hospital): no Gravatar, no update check, no "what's new" banner.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAIL_I18N_ENABLED = False
# Weeks of search counts kept for the editors' report (docs/search.md, "What is logged and for how long").
SEARCH_INSIGHTS_RETENTION_WEEKS = int(os.environ.get("SEARCH_INSIGHTS_RETENTION_WEEKS", "26"))
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_MODERATION_ENABLED = True
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# SVG for the hospital's logo (site setting "Ziekenhuis"); shown only as <img>, where SVG runs no script.
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp", "svg"]

# Bodies are plain prose: the editor offers what the import format allows.
RICH_TEXT_FEATURES = ["bold", "italic", "h3", "ol", "ul", "link"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
