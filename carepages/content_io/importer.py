"""Import of the content interchange format v1 (CONTRACTS §3).

A first version: upserts by slug per kind, one transaction. The full
validation (every bad entry named), sanitising and speed come with the
import issue.
"""

import datetime

from django.db import transaction
from wagtail.blocks import StreamValue

from carepages.conditions.models import ConditionPage, ConditionRelatedPage, ConditionService
from carepages.infopages.models import InfoPage
from carepages.locations.models import LocationPage
from carepages.services.models import ServiceLocation, ServicePage

from .site_structure import ensure_site_structure


def _sections(entry):
    return [("section", {"heading": s["heading"], "body": s["body"]}) for s in entry.get("sections", [])]


def _upsert(model, parent, slug, **fields):
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
    else:
        for name, value in fields.items():
            setattr(page, name, value)
    return page


@transaction.atomic
def import_document(doc: dict) -> None:
    site = ensure_site_structure()
    locations = {}
    for entry in doc.get("locations", []):
        page = _upsert(
            LocationPage,
            site.locations,
            entry["slug"],
            title=entry["name"],
            address=entry.get("address", ""),
            phone=entry.get("phone", ""),
        )
        page.save_revision().publish()
        locations[entry["slug"]] = page
    services = {}
    for entry in doc.get("services", []):
        page = _upsert(
            ServicePage, site.services, entry["slug"], title=entry["name"], intro=entry.get("intro", "")
        )
        page.location_links = [
            ServiceLocation(location=locations.get(slug) or LocationPage.objects.get(slug=slug))
            for slug in entry.get("locations", [])
        ]
        page.save_revision().publish()
        services[entry["slug"]] = page
    pages = {}
    for entry in doc.get("pages", []):
        page = _upsert(
            InfoPage,
            site.info[entry["kind"]],
            entry["slug"],
            title=entry["title"],
            intro=entry.get("intro", ""),
            last_reviewed=_date(entry),
        )
        page.sections = StreamValue(page.sections.stream_block, _sections(entry), is_lazy=False)
        page.save_revision().publish()
        pages[entry["slug"]] = page
    conditions = {}
    for entry in doc.get("conditions", []):
        page = _upsert(
            ConditionPage,
            site.conditions,
            entry["slug"],
            title=entry["title"],
            intro=entry.get("intro", ""),
            also_known_as="\n".join(entry.get("also_known_as", [])),
            last_reviewed=_date(entry),
        )
        page.sections = StreamValue(page.sections.stream_block, _sections(entry), is_lazy=False)
        page.service_links = [
            ConditionService(service=services.get(slug) or ServicePage.objects.get(slug=slug))
            for slug in entry.get("services", [])
        ]
        page.save()
        conditions[entry["slug"]] = (page, entry)
    for page, entry in conditions.values():
        targets = []
        for slug in entry.get("related", []):
            target = (
                conditions.get(slug, (None,))[0]
                or pages.get(slug)
                or ConditionPage.objects.filter(slug=slug).first()
                or InfoPage.objects.filter(slug=slug).first()
            )
            targets.append(ConditionRelatedPage(related_page=target))
        page.related_links = targets
        page.save_revision().publish()


def _date(entry):
    raw = entry.get("last_updated")
    return datetime.date.fromisoformat(raw) if raw else None
