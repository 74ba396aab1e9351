from django.apps import AppConfig


class ReadabilityConfig(AppConfig):
    """Plain language, measured: the readability check in the page editor and on the dashboard."""

    name = "carepages.readability"
    label = "readability"
    verbose_name = "leesbaarheid"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import scores

        scores.connect()
