"""WSGI entry point, used by `make serve`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "carepages.settings.production")

application = get_wsgi_application()
