from django.apps import AppConfig
from django.db.models.signals import post_migrate


class SearchConfig(AppConfig):
    name = "carepages.search"
    label = "carepages_search"

    def ready(self):
        from . import signals

        signals.connect()
        post_migrate.connect(_build_once, sender=self, dispatch_uid="carepages_search_build_once")


def _build_once(sender, using="default", **kwargs):
    """A database that had pages before the search documents existed gets them at its next migrate."""
    from .documents import rebuild_all
    from .models import SearchCounter

    if not SearchCounter.objects.using(using).exists():
        rebuild_all()
        SearchCounter.objects.using(using).get_or_create(pk=1)
