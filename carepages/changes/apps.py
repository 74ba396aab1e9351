from django.apps import AppConfig


class ChangesConfig(AppConfig):
    """The change feed: one ordered log of content changes that every other app follows."""

    name = "carepages.changes"
    label = "changes"
    verbose_name = "wijzigingen"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals

        signals.connect()
