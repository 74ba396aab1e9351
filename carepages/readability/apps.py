from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ReadabilityConfig(AppConfig):
    """Plain language, measured: the readability check in the page editor and on the dashboard."""

    name = "carepages.readability"
    label = "readability"
    verbose_name = "leesbaarheid"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import scores

        scores.connect()
        post_migrate.connect(_score_existing_pages, sender=self, dispatch_uid="carepages_readability_migrate")


def _score_existing_pages(sender, **kwargs):
    """A database with pages from before this app gets their scores at its next migrate."""
    from .scores import score_missing

    score_missing()
