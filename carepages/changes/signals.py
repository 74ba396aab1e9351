"""What is a content change: the model signals that write to the change feed.

Every public page may show other pages: a condition lists its services and their
campuses, a campus lists its services, indexes list their children, the footer
is on every page. So any change to public content is recorded, with the page's id
when it is one page; the publish cache empties on every change (a broad purge
cannot leave a stale page), the search re-reads the pages a change names.

The changes are caught on the models (Django's post_save, post_delete, m2m_changed),
not in admin views, so a change made from a shell, a script or an import counts the
same as one made in the admin. Privacy is a change: a view restriction (login,
password, groups) added, changed or lifted on any page.
"""

import functools

from django.db.models.signals import m2m_changed, post_delete, post_save
from modelcluster.fields import ParentalKey
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import COMMENTS_RELATION_NAME, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from . import feed

# Apps whose models (other than pages and their inline rows) are shown on public pages:
# the footer and identity settings, the vocabulary's lay terms (condition pages, the A–Z).
# A page app needs no entry: its pages and their inline rows count by themselves.
CONTENT_APPS = {"home", "site_settings", "vocabulary"}
# Wagtail models whose change alters what visitors get: privacy, redirects, the site.
WAGTAIL_MODELS = (PageViewRestriction, Redirect, Site)
# A page saved with only these fields changed its draft, not what visitors see.
DRAFT_FIELDS = {
    COMMENTS_RELATION_NAME,
    "latest_revision",
    "latest_revision_created_at",
    "draft_title",
    "has_unpublished_changes",
    "locked",
    "locked_at",
    "locked_by",
}


def _on_page_event(sender, instance=None, **kwargs):
    feed.record(instance.pk if isinstance(instance, Page) else None)


def _on_model_change(sender, instance=None, **kwargs):
    if isinstance(instance, Page):
        # Saving a draft revision saves the page row with draft fields only: the live page is
        # unchanged. Any other save (a page created, `live` set from a shell) may be visible.
        update_fields = kwargs.get("update_fields")
        draft_only = update_fields is not None and set(update_fields) <= DRAFT_FIELDS
        if kwargs.get("signal") is post_delete or not draft_only:
            feed.record(instance.pk)
        return
    if sender._meta.app_label in CONTENT_APPS or issubclass(sender, WAGTAIL_MODELS) or _is_page_row(sender):
        feed.record()


@functools.cache
def _is_page_row(model) -> bool:
    """A row of a page's inline list (a ParentalKey to a page: services, campuses, sources, …):
    it shows on its page and, for links, on the page it links to, whichever app holds it."""
    return any(
        isinstance(field, ParentalKey) and issubclass(field.related_model, Page)
        for field in model._meta.concrete_fields
    )


def _on_restriction_groups(sender, action=None, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        feed.record()


def connect() -> None:
    for signal in (page_published, page_unpublished, page_slug_changed, post_page_move):
        signal.connect(_on_page_event, dispatch_uid=f"changes_{id(signal)}")
    post_save.connect(_on_model_change, dispatch_uid="changes_save")
    post_delete.connect(_on_model_change, dispatch_uid="changes_delete")
    m2m_changed.connect(
        _on_restriction_groups, sender=PageViewRestriction.groups.through, dispatch_uid="changes_groups"
    )
