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
    from wagtail.models import Page

    from .documents import rebuild_all
    from .models import SearchDocument

    # No document while pages beyond the root exist: built once (cheap when there is nothing to find).
    pages = Page.objects.using(using).filter(depth__gt=1)
    if not SearchDocument.objects.using(using).exists() and pages.exists():
        rebuild_all()
