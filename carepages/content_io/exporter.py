"""Pages as entries of the content interchange format (docs/content-format.md).

The exporter writes the newest version (FORMAT_VERSION) with every key of that version.

The importer uses the same functions to see whether a file's entry differs
from what is on the site, so "unchanged" means exactly "exports the same".
A handful of queries per kind, whatever the number of pages.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from wagtail.models import Page

from carepages.conditions.models import ConditionRelatedPage, ConditionService
from carepages.core import kinds
from carepages.services.models import ServiceLocation

from .format import FORMAT_NAME, FORMAT_VERSION, KINDS


@dataclass
class Existing:
    """The site's pages per kind, by slug, with their entries as the format writes them."""

    pages: dict[str, dict[str, Page]] = field(default_factory=dict)
    entries: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)


def load_existing(live_only: bool = False) -> Existing:
    existing = Existing()
    for kind in KINDS:
        # The kinds of one list share their page class (the three kinds of an InfoPage).
        model = kinds.for_format_key(kind)[0].model_class
        pages = model.objects.all()
        if live_only:
            pages = pages.live()
        existing.pages[kind] = {page.slug: page for page in pages.order_by("slug")}
    links = _links(live_only)
    existing.entries["locations"] = {
        slug: {"slug": slug, "name": p.title, "address": p.address, "phone": p.phone}
        for slug, p in existing.pages["locations"].items()
    }
    existing.entries["services"] = {
        slug: {"slug": slug, "name": p.title, "intro": p.intro, "locations": links["locations"][p.pk]}
        for slug, p in existing.pages["services"].items()
    }
    existing.entries["pages"] = {
        slug: {
            "slug": slug,
            "title": p.title,
            "kind": p.kind,
            "intro": p.intro,
            "sections": p.section_data(),
            "last_updated": _date(p),
        }
        for slug, p in existing.pages["pages"].items()
    }
    existing.entries["conditions"] = {
        slug: {
            "slug": slug,
            "title": p.title,
            "intro": p.intro,
            "also_known_as": p.alternate_names,
            "sections": p.section_data(),
            "services": links["services"][p.pk],
            "related": links["related"][p.pk],
            "last_updated": _date(p),
        }
        for slug, p in existing.pages["conditions"].items()
    }
    return existing


def export_document() -> dict[str, Any]:
    """The whole published site as one document; draft-only pages and links to them stay out."""
    existing = load_existing(live_only=True)
    doc: dict[str, Any] = {"format": FORMAT_NAME, "version": FORMAT_VERSION}
    for kind in KINDS:
        doc[kind] = [_without_empty_date(entry) for entry in existing.entries[kind].values()]
    return doc


def _links(live_only: bool) -> dict[str, dict[int, list[str]]]:
    links: dict[str, dict[int, list[str]]] = {
        "locations": defaultdict(list),
        "services": defaultdict(list),
        "related": defaultdict(list),
    }
    queries = {
        "locations": (ServiceLocation.objects, "location"),
        "services": (ConditionService.objects, "service"),
        "related": (ConditionRelatedPage.objects, "related_page"),
    }
    for name, (manager, target) in queries.items():
        rows = manager.order_by("page_id", "sort_order", "pk")
        if live_only:
            rows = rows.filter(**{f"{target}__live": True})
        for page_id, slug in rows.values_list("page_id", f"{target}__slug"):
            links[name][page_id].append(slug)
    return links


def _date(page) -> str | None:
    return page.updated_on.isoformat() if page.updated_on else None


def _without_empty_date(entry: dict[str, Any]) -> dict[str, Any]:
    if "last_updated" in entry and entry["last_updated"] is None:
        return {key: value for key, value in entry.items() if key != "last_updated"}
    return entry
