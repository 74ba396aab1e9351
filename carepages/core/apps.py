from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "carepages.core"
    label = "core"

    def ready(self):
        from . import health

        health.discover()  # the other apps' health checks, for /healthz
