"""Site search: one entry point for the /zoeken/ page and the API.

First version on Wagtail's stock search; the search issue replaces the
internals with Dutch analysis, typo tolerance and compound splitting.
The interface (search() → SearchResponse of Hits) is what callers use.
"""

from dataclasses import dataclass, field

from django.utils.text import Truncator
from wagtail.models import Page

from carepages.conditions.models import ConditionPage
from carepages.infopages.models import InfoPage
from carepages.locations.models import LocationPage
from carepages.services.models import ServicePage

#: The kinds of result, as the API names them (CONTRACTS §4).
KINDS = ("condition", "service", "location", "page")

KIND_MODELS = {"condition": ConditionPage, "service": ServicePage, "location": LocationPage, "page": InfoPage}
KIND_LABELS = {"condition": "Aandoening", "service": "Dienst", "location": "Locatie"}


@dataclass
class Hit:
    type: str  # one of KINDS
    slug: str
    title: str
    url: str
    snippet: str
    label: str  # Aandoening, Dienst, Locatie, Behandeling, Onderzoek, Info
    page_id: int


@dataclass
class SearchResponse:
    query: str
    count: int
    results: list[Hit] = field(default_factory=list)
    suggestion: str | None = None  # "Bedoelde je …?"


def search(query: str, kinds: list[str] | None = None, limit: int = 10, offset: int = 0) -> SearchResponse:
    """The best `limit` results after `offset` for `query`, of the given kinds (default: all)."""
    kinds = kinds or list(KINDS)
    query = query.strip()
    if not query:
        return SearchResponse(query=query, count=0)
    hits = []
    for kind in kinds:
        model = KIND_MODELS[kind]
        for page in model.objects.live().search(query, operator="or"):
            hits.append(_hit(kind, page))
    return SearchResponse(query=query, count=len(hits), results=hits[offset : offset + limit])


def _hit(kind: str, page: Page) -> Hit:
    label = page.kind_label if kind == "page" else KIND_LABELS[kind]
    text = getattr(page, "intro", "") or getattr(page, "address", "")
    return Hit(kind, page.slug, page.title, page.url, Truncator(text).words(30), label, page.pk)
