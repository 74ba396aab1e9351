from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "carepages.core"
    label = "core"
