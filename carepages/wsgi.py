"""Django's plain WSGI application (WSGI_APPLICATION: runserver, other WSGI servers).

`make serve` does not use it: it serves carepages/serve.py, which puts the
publish cache in front of this same Django application.
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "carepages.settings.production")

application = get_wsgi_application()
