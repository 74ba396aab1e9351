"""Development settings: what `make run` uses."""

import os

from .base import *  # noqa: F403
from .base import env_list

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY", "django-insecure-development-key-not-for-production")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# The site's own Dutch 404 page, not Django's English debug page (production does this without help).
MIDDLEWARE = [*MIDDLEWARE, "carepages.core.middleware.NotFoundPageMiddleware"]  # noqa: F405
