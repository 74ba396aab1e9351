"""Wagtail and Django signals that keep the search documents current.

A page save covers publish, unpublish, a renamed title or slug, and pages
created directly as live (imports, factories); a delete removes the document;
a move or a parent's slug change rewrites the URLs below it.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_slug_changed, post_page_move

from carepages.vocabulary.signals import terms_changed

from .documents import defer, remove_page, sync_page, sync_subtree, vocabulary_changed


def _on_save(sender, instance, raw=False, **kwargs):
    if isinstance(instance, Page) and not raw and not defer(instance.pk):
        sync_page(instance.pk)


def _on_published(sender, instance, **kwargs):
    # The importer creates pages in bulk without a save signal; it sends this for each one.
    if not defer(instance.pk, instance):
        sync_page(instance.pk, page=instance)


def _on_delete(sender, instance, **kwargs):
    # Deleting a specific page sends this for the Page row as well; the second call finds nothing to do.
    if isinstance(instance, Page):
        remove_page(instance.pk)


def _on_move(sender, instance, **kwargs):
    sync_subtree(Page.objects.get(pk=instance.pk))


def _on_slug_changed(sender, instance, **kwargs):
    sync_subtree(Page.objects.get(pk=instance.pk))


def _on_terms_changed(sender, **kwargs):
    vocabulary_changed()


def connect() -> None:
    terms_changed.connect(_on_terms_changed, dispatch_uid="carepages_search_vocabulary")
    post_save.connect(_on_save, dispatch_uid="carepages_search_save")
    page_published.connect(_on_published, dispatch_uid="carepages_search_published")
    post_delete.connect(_on_delete, dispatch_uid="carepages_search_delete")
    post_page_move.connect(_on_move, dispatch_uid="carepages_search_move")
    page_slug_changed.connect(_on_slug_changed, dispatch_uid="carepages_search_slug")
