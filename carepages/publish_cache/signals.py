"""Which changes empty the publish cache.

Every cached page may show other pages: a condition lists its services and their
campuses, a campus lists its services, indexes list their children, the footer
is on every page. Rather than keep a record of which page shows which, any change
to public content starts a new generation (store.py): the cache empties and pages
are rendered again on their next request. Publishing is rare next to reading, a
page renders in a few milliseconds, and a broad purge cannot leave a stale page.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from .generation import content_changed

# Apps whose models are shown on public pages (orderables, site settings).
CONTENT_APPS = {
    "core",
    "home",
    "conditions",
    "services",
    "locations",
    "infopages",
    "site_settings",
    "vocabulary",  # the lay terms show on condition pages and in the A–Z list
}


def _on_page_event(sender, **kwargs):
    content_changed()


def _on_model_change(sender, instance=None, **kwargs):
    meta = sender._meta
    if isinstance(instance, Page):
        # Saving a draft revision saves the page row with update_fields: the live page is unchanged.
        # A page created live (add_child) or saved whole while live changes what visitors see.
        if kwargs.get("signal") is post_delete or (instance.live and kwargs.get("update_fields") is None):
            content_changed()
        return
    if meta.app_label in CONTENT_APPS or sender is Site:
        content_changed()


def connect() -> None:
    for signal in (page_published, page_unpublished, page_slug_changed, post_page_move):
        signal.connect(_on_page_event, dispatch_uid=f"publish_cache_{id(signal)}")
    post_save.connect(_on_model_change, dispatch_uid="publish_cache_save")
    post_delete.connect(_on_model_change, dispatch_uid="publish_cache_delete")
