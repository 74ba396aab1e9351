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

from carepages.conditions.models import (
    ConditionRelatedPage,
    ConditionReviewer,
    ConditionService,
    ConditionSource,
)
from carepages.core import kinds
from carepages.doctors.models import DoctorLocation, DoctorService
from carepages.infopages.models import InfoPageReviewer, InfoPageSource
from carepages.services.models import ServiceLocation

from . import campus_format
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
    reviews = {
        "pages": _review_entry(InfoPageReviewer, InfoPageSource, live_only),
        "conditions": _review_entry(ConditionReviewer, ConditionSource, live_only),
    }
    existing.entries["locations"] = {
        slug: {"slug": slug, "name": p.title, "address": p.address, "phone": p.phone}
        | campus_format.location_entry(p)
        for slug, p in existing.pages["locations"].items()
    }
    contacts = campus_format.contacts_by_service(live_only)
    existing.entries["services"] = {
        slug: {"slug": slug, "name": p.title, "intro": p.intro, "locations": links["locations"][p.pk]}
        | campus_format.service_entry(p, contacts.get(p.pk, []))
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
        | reviews["pages"](p)
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
        | reviews["conditions"](p)
        for slug, p in existing.pages["conditions"].items()
    }
    existing.entries["doctors"] = _doctor_entries(existing.pages["doctors"], live_only)
    return existing


def export_document() -> dict[str, Any]:
    """The whole published site as one document; draft-only pages and links to them stay out."""
    existing = load_existing(live_only=True)
    doc: dict[str, Any] = {"format": FORMAT_NAME, "version": FORMAT_VERSION}
    doc["hospital"] = campus_format.hospital_entry()
    for kind in KINDS:
        doc[kind] = [_without_empty(entry) for entry in existing.entries[kind].values()]
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


def _without_empty(entry: dict[str, Any]) -> dict[str, Any]:
    """The entry without its unset values (a date, a campus's `geo`), its sources without empty keys.

    All are optional in the format: the file leaves those keys out, and an import fills them in
    as they were.
    """
    entry = {key: value for key, value in entry.items() if value is not None}
    if entry.get("sources"):
        entry["sources"] = [
            {key: value for key, value in source.items() if value not in (None, "")}
            for source in entry["sources"]
        ]
    return entry


def _doctor_entries(doctors: dict[str, Page], live_only: bool) -> dict[str, dict[str, Any]]:
    """Version 2: the doctors, with the slugs of their services and campuses in the editor's order."""
    links: dict[str, dict[int, list[str]]] = {"services": defaultdict(list), "locations": defaultdict(list)}
    for name, manager, target in (
        ("services", DoctorService.objects, "service"),
        ("locations", DoctorLocation.objects, "location"),
    ):
        rows = manager.order_by("page_id", "sort_order", "pk")
        if live_only:
            rows = rows.filter(**{f"{target}__live": True})
        for page_id, slug in rows.values_list("page_id", f"{target}__slug"):
            links[name][page_id].append(slug)
    return {
        slug: {
            "slug": slug,
            "name": p.title,
            "title": p.honorific,
            "role": p.role,
            "services": links["services"][p.pk],
            "locations": links["locations"][p.pk],
            "languages": list(p.languages or []),
        }
        for slug, p in doctors.items()
    }


def _review_entry(reviewer_model, source_model, live_only: bool):
    """Version 2: a function giving a page's review keys, from two queries for all pages.

    `reviewed_by` holds the doctors' slugs; reviewers named without a doctor's page are not in
    the format and an import leaves them as they are (docs/content-format.md).
    """
    doctors: dict[int, list[str]] = defaultdict(list)
    rows = reviewer_model.objects.filter(doctor__isnull=False).order_by("page_id", "sort_order", "pk")
    if live_only:
        rows = rows.filter(doctor__live=True)
    for page_id, slug in rows.values_list("page_id", "doctor__slug"):
        doctors[page_id].append(slug)
    sources: dict[int, list[dict]] = defaultdict(list)
    for row in source_model.objects.order_by("page_id", "sort_order", "pk").values(
        "page_id", "title", "publisher", "year", "url"
    ):
        sources[row.pop("page_id")].append(row)

    def entry(page) -> dict[str, Any]:
        return {
            "last_reviewed": page.reviewed_on.isoformat() if page.reviewed_on else None,
            "next_review": page.next_review_on.isoformat() if page.next_review_on else None,
            "reviewed_by": doctors[page.pk],
            "sources": sources[page.pk],
        }

    return entry
