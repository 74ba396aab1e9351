"""Create many new Wagtail pages under one parent in a few queries per batch.

`parent.add_child()` followed by `save_revision().publish()` costs about 94
queries a page (treebeard locking and renumbering, the search index, the
reference index, log entries, one save per step). For an import of thousands
of new pages the same rows are written in bulk here, with the result Wagtail
itself would leave behind:

* tree rows with paths after the parent's last child, the parent's numchild updated;
* one revision per page, published (live_revision = latest_revision);
* the "created" and "published" entries in the page history;
* the search index and the reference index ("usage" in the admin) filled;
* the `page_published` signal sent, so anything listening (caches, search) hears it.

Changed pages go through the ordinary Wagtail calls instead; they are few.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.contrib.contenttypes.models import ContentType
from django.db import connection, models
from django.utils import timezone
from modelcluster.models import get_all_child_relations
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision
from wagtail.search.backends import get_search_backends
from wagtail.signals import page_published

BATCH = 500


def insert_pages(parent: Page, pages: Sequence[Page]) -> None:
    """Give `pages` (unsaved, of one specific type) tree rows as the last children of `parent`.

    Sets their primary keys; the caller then sets their child relations and calls `publish_new`.
    """
    if not pages:
        return
    parent = Page.objects.select_for_update().get(pk=parent.pk)
    last = parent.get_last_child()
    position = last._get_lastpos_in_path() if last else 0
    now = timezone.now()
    for page in pages:
        position += 1
        page.depth = parent.depth + 1
        page.path = Page._get_path(parent.path, page.depth, position)
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.content_type = ContentType.objects.get_for_model(page)
        page.locale_id = parent.locale_id
        page.draft_title = page.title
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = page.last_published_at = page.latest_revision_created_at = now
    base_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
    for batch in _batches(pages):
        bases = [Page(**{f.attname: getattr(page, f.attname) for f in base_fields}) for page in batch]
        Page.objects.bulk_create(bases)
        for page, base in zip(batch, bases, strict=True):
            page.id = page.page_ptr_id = base.pk
            page._state.adding = False
    _insert_own_rows(type(pages[0]), pages)
    Page.objects.filter(pk=parent.pk).update(numchild=models.F("numchild") + len(pages))


def publish_new(pages: Sequence[Page], child_relations: Sequence[str] = ()) -> None:
    """Save the child relations of freshly inserted pages, then revise and publish them as Wagtail would."""
    if not pages:
        return
    model = type(pages[0])
    # New pages have no other children (comments, …): saying so in memory spares a query per
    # page where Wagtail reads them (reference index, revision content).
    for relation in get_all_child_relations(model):
        name = relation.get_accessor_name()
        if name not in child_relations:
            for page in pages:
                setattr(page, name, [])
    for name in child_relations:
        children = []
        for page in pages:
            for order, child in enumerate(getattr(page, name).all()):
                child.page_id = page.pk
                child.sort_order = order
                children.append(child)
        if children:
            type(children[0]).objects.bulk_create(children, batch_size=BATCH)
    now = timezone.now()
    content_type = ContentType.objects.get_for_model(model)
    base_type = ContentType.objects.get_for_model(Page)
    revisions = [
        Revision(
            content_type=content_type,
            base_content_type=base_type,
            object_id=str(page.pk),
            created_at=now,
            object_str=page.title,
            content=page.serializable_data(),
        )
        for page in pages
    ]
    Revision.objects.bulk_create(revisions, batch_size=BATCH)
    for page, revision in zip(pages, revisions, strict=True):
        page.latest_revision = page.live_revision = revision
    _set_revisions(pages)
    PageLogEntry.objects.bulk_create(
        [
            PageLogEntry(
                content_type=content_type,
                label=page.title,
                action=action,
                timestamp=now,
                page_id=page.pk,
                revision=revision if action == "wagtail.publish" else None,
                content_changed=action == "wagtail.publish",
                data={},
            )
            for page, revision in zip(pages, revisions, strict=True)
            for action in ("wagtail.create", "wagtail.publish")
        ],
        batch_size=BATCH,
    )
    for backend in get_search_backends(with_auto_update=True):
        for batch in _batches(pages):
            backend.add_bulk(model, list(batch))
    _index_references(model, pages)
    for page, revision in zip(pages, revisions, strict=True):
        page_published.send(sender=model, instance=page, revision=revision)


def _index_references(model: type[Page], pages: Sequence[Page]) -> None:
    """What ReferenceIndex.create_or_update_for_object does per page, for new pages in one insert.

    New pages have no rows yet, so only the insert is left; the references come from Wagtail's
    own extraction (the same the save signal uses).
    """
    if not ReferenceIndex.model_is_indexable(model):
        return
    content_type = ContentType.objects.get_for_model(model)
    base_content_type = ContentType.objects.get_for_model(Page)
    rows = [
        ReferenceIndex(
            content_type=content_type,
            base_content_type=base_content_type,
            object_id=page.pk,
            to_content_type_id=to_content_type_id,
            to_object_id=to_object_id,
            model_path=model_path,
            content_path=content_path,
            content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
        )
        for page in pages
        for to_content_type_id, to_object_id, model_path, content_path in set(
            ReferenceIndex._extract_references_from_object(page)
        )
    ]
    ReferenceIndex.objects.bulk_create(
        rows, batch_size=BATCH, ignore_conflicts=connection.features.supports_ignore_conflicts
    )


def _insert_own_rows(model: type[Page], pages: Sequence[Page]) -> None:
    # Django's bulk_create refuses multi-table inheritance; the parent rows exist by now, so
    # only the specific model's own table is left, inserted as bulk_create would.
    fields = list(model._meta.local_concrete_fields)
    size = max(1, connection.ops.bulk_batch_size(fields, pages) or BATCH)
    for batch in _batches(pages, min(size, BATCH)):
        model._base_manager._insert(list(batch), fields=fields, using=connection.alias)


def _set_revisions(pages: Sequence[Page]) -> None:
    Page.objects.bulk_update(
        [
            Page(pk=p.pk, latest_revision_id=p.latest_revision.pk, live_revision_id=p.live_revision.pk)
            for p in pages
        ],
        ["latest_revision", "live_revision"],
        batch_size=BATCH,
    )


def _batches(items: Sequence, size: int = BATCH):
    for start in range(0, len(items), size):
        yield items[start : start + size]
