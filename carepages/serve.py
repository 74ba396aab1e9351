"""The production entry point (`make serve`): the publish-cache front before Django."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "carepages.settings.production")

from carepages.publish_cache.front import PublishCacheFront  # noqa: E402  (needs settings)

application = PublishCacheFront(get_wsgi_application())
