"""Test settings: fast and isolated, on whatever DATABASE_URL names."""

import os

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-key-not-secret"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
# Serve static files from the apps' folders: tests never run collectstatic.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# A page type that only the tests know: it shows a new kind needs nothing outside its own app.
INSTALLED_APPS = [*INSTALLED_APPS, "carepages.core.tests.example_brochures"]  # noqa: F405
# Tests keep the hospital identity in memory only, unless they name a file (a real server's tests do).
HOSPITAL_IDENTITY_FILE = os.environ.get("HOSPITAL_IDENTITY_FILE", "")
