from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "carepages.core"
    label = "core"

    def ready(self):
        from . import checks, health  # noqa: F401  (checks registers itself)

        health.discover()  # the other apps' health checks, for /healthz
