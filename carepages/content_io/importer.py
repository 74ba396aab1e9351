"""Import of the content interchange format, versions 1 and 2 (docs/content-format.md).

An upsert by slug per kind, all-or-nothing: the whole file is checked first
(every bad entry named by kind, slug and field) and then written in one
transaction. Entries that export the same as the site's page are left alone,
so importing a file twice adds no revisions. New pages are created in bulk
(bulk.py); changed pages go through Wagtail's own save_revision().publish().
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.blocks import StreamValue
from wagtail.models import Page

from carepages.conditions.models import ConditionPage, ConditionRelatedPage, ConditionService
from carepages.core import kinds
from carepages.infopages.models import InfoPage
from carepages.locations.models import LocationPage
from carepages.search import documents as search_documents
from carepages.services.models import ServiceLocation, ServicePage

from . import bulk
from .exporter import load_existing
from .format import (
    KINDS,
    MAX_DOCUMENT_MB,
    ContentImportError,
    Known,
    Problem,
    parse_document,
    validate_document,
)
from .site_structure import ensure_site_structure

Progress = Callable[[int], None]
CHUNK = 500


__all__ = ["ContentImportError", "ImportReport", "import_document", "read_document"]


@dataclass
class KindPlan:
    create: list[dict] = field(default_factory=list)
    update: list[tuple[Page, dict]] = field(default_factory=list)
    unchanged: int = 0


@dataclass
class ImportReport:
    plans: dict[str, KindPlan]
    dry_run: bool = False
    cleaned_bodies: int = 0

    @property
    def summary(self) -> dict[str, dict[str, int]]:
        return {
            kind: {"created": len(plan.create), "updated": len(plan.update), "unchanged": plan.unchanged}
            for kind, plan in self.plans.items()
        }

    @property
    def changed(self) -> bool:
        return any(plan.create or plan.update for plan in self.plans.values())


def read_document(path: str | Path, max_mb: int = MAX_DOCUMENT_MB) -> Any:
    """The parsed file, or a ContentImportError saying why it cannot be read.

    At most `max_mb` megabytes are read, whatever the file claims to be (a pipe, /dev/zero).
    """
    limit = max_mb * 1024 * 1024

    def refuse(message: str) -> ContentImportError:
        return ContentImportError([Problem("document", "", "", message)])

    try:
        with open(path, "rb") as file:
            data = file.read(limit + 1)
    except FileNotFoundError:
        raise refuse(f"file not found: {path}") from None
    except OSError as error:
        raise refuse(f"cannot read {path}: {error.strerror}") from None
    if len(data) > limit:
        raise refuse(f"larger than {max_mb} MB, the limit (import_content --max-mb raises it)")
    return parse_document(data)


def import_document(doc: Any, *, dry_run: bool = False, progress: Progress | None = None) -> ImportReport:
    """Check the whole document, then (unless dry_run) write it.

    Reading the site, checking and writing share one transaction: what the check saw is what
    the write changes, and any error leaves the database as it was.
    """
    with transaction.atomic():
        existing = load_existing()
        known = Known(**{kind: set(existing.pages[kind]) for kind in KINDS})
        validated = validate_document(doc, known)
        if validated.problems:
            raise ContentImportError(validated.problems)
        plans = {kind: KindPlan() for kind in KINDS}
        for kind in KINDS:
            for entry in validated.entries[kind]:
                page = existing.pages[kind].get(entry["slug"])
                if page is None:
                    plans[kind].create.append(entry)
                elif page.live and _same(existing.entries[kind][entry["slug"]], entry):
                    plans[kind].unchanged += 1
                else:
                    plans[kind].update.append((page, entry))
        report = ImportReport(plans, dry_run, validated.cleaned_bodies)
        if not dry_run and report.changed:
            # The search documents of thousands of new pages are written in bulk at the end.
            with search_documents.deferred():
                _Writer(existing, progress or (lambda n: None)).write(plans)
    return report


def _same(exported: dict[str, Any], entry: dict[str, Any]) -> bool:
    """Whether the site's page already says what the entry says.

    Only the entry's keys count: a version 1 file says nothing about version 2's keys.
    """
    return all(exported.get(key) == value for key, value in entry.items())


class _Writer:
    def __init__(self, existing, progress: Progress):
        self.site = ensure_site_structure()
        self.progress = progress
        self.ids = {kind: {slug: page.pk for slug, page in existing.pages[kind].items()} for kind in KINDS}

    def write(self, plans: dict[str, KindPlan]) -> None:
        site = self.site
        self._create(plans["locations"].create, LocationPage, site.locations)
        self._update(plans["locations"].update)
        self._create(plans["services"].create, ServicePage, site.services, ["location_links"])
        self._update(plans["services"].update)
        for kind, parent in site.info.items():
            entries = [entry for entry in plans["pages"].create if entry["kind"] == kind]
            self._create(entries, InfoPage, parent)
        self._update(plans["pages"].update)
        self._create(
            plans["conditions"].create, ConditionPage, site.conditions, ["service_links", "related_links"]
        )
        self._update(plans["conditions"].update)

    def _create(self, entries: list[dict], model: type[Page], parent: Page, relations=()) -> None:
        pages = []
        for entry in entries:
            page = model(slug=entry["slug"])
            self._fields(page, entry)
            pages.append(page)
        # All tree rows first, so links between new pages (a condition's "related") find their ids.
        bulk.insert_pages(parent, pages)
        self.ids[kinds.format_key_of(model)].update({page.slug: page.pk for page in pages})
        for start in range(0, len(pages), CHUNK):
            chunk = list(zip(pages[start : start + CHUNK], entries[start : start + CHUNK], strict=True))
            for page, entry in chunk:
                self._links(page, entry)
            bulk.publish_new([page for page, _ in chunk], relations)
            self.progress(len(chunk))

    def _update(self, updates: list[tuple[Page, dict]]) -> None:
        for page, entry in updates:
            if isinstance(page, InfoPage) and page.kind != entry["kind"]:
                page.move(self.site.info[entry["kind"]], pos="last-child")
                page = InfoPage.objects.get(pk=page.pk)
            self._fields(page, entry)
            self._links(page, entry)
            try:
                page.save_revision(log_action=True).publish()
            except ValidationError as error:
                problems = [
                    Problem(kinds.format_key_of(type(page)), entry["slug"], name, " ".join(messages))
                    for name, messages in error.message_dict.items()
                ]
                raise ContentImportError(problems) from None
            self.progress(1)

    def _fields(self, page: Page, entry: dict) -> None:
        """The page's own fields from the entry (what can be set before the page has an id).

        Keys of version 2 are set only when the entry has them (a version 2 file): a version 1
        file leaves them as they are.
        """
        page.title = entry.get("title") or entry["name"]
        if isinstance(page, LocationPage):
            page.address = entry["address"]
            page.phone = entry["phone"]
            return
        page.intro = entry["intro"]
        if isinstance(page, ConditionPage):
            page.also_known_as = "\n".join(entry["also_known_as"])
        if isinstance(page, InfoPage | ConditionPage):
            date = entry["last_updated"]
            page.updated_on = datetime.date.fromisoformat(date) if date else None
            raw = [{"type": "section", "value": section} for section in entry["sections"]]
            page.sections = StreamValue(page.sections.stream_block, raw, is_lazy=True)

    def _links(self, page: Page, entry: dict) -> None:
        """The page's links to other pages, by the ids of pages that exist by now."""
        ids = self.ids
        if isinstance(page, ServicePage):
            page.location_links = [
                ServiceLocation(location_id=ids["locations"][s]) for s in entry["locations"]
            ]
        elif isinstance(page, ConditionPage):
            page.service_links = [ConditionService(service_id=ids["services"][s]) for s in entry["services"]]
            # A slug naming both a condition and a page means the condition (docs/content-format.md).
            page.related_links = [
                ConditionRelatedPage(related_page_id=ids["conditions"].get(s) or ids["pages"][s])
                for s in entry["related"]
            ]
