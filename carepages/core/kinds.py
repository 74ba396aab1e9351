"""The page-kind registry: what each kind of content page is, written once.

Each page app registers its kinds at the bottom of its models.py, next to
the page class; search, the API, the import and the site structure read them
here instead of keeping their own lists. A page class may carry more than
one kind (an InfoPage is a treatment, an examination or an info page, by its
index): `matches` then tells which. See docs/developers.md, "Adding a page type".
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.apps import apps
from django.utils.html import strip_tags


def sections_text(sections) -> str:
    """The question-headed sections as plain text, one paragraph a line."""
    parts = []
    for block in sections:
        value = block.value
        parts.append(value.get("heading", ""))
        body = value.get("body")
        source = getattr(body, "source", body) or ""
        # Block-level tags end a line, so a snippet never glues two paragraphs together.
        source = source.replace("</p>", "</p>\n").replace("</li>", "</li>\n").replace("<br/>", "\n")
        parts.append(html.unescape(strip_tags(source)))
    return "\n".join(part.strip() for part in parts if part and part.strip())


def intro_and_sections(page) -> tuple[str, str]:
    """The search text of most pages: the intro, and the sections as the body."""
    return page.intro or "", sections_text(page.sections)


@dataclass(frozen=True)
class PageKind:
    #: The kind's own name: search's subkind, the import's `kind` of a page ("treatment").
    key: str
    #: The API's `type` (docs/api.md); several kinds may share one ("page").
    api_type: str
    #: One page of the kind, as search results label it ("Behandeling").
    label: str
    #: Many pages of the kind: the index page's title and the search filter ("Behandelingen").
    plural: str
    #: The search page's `soort` filter value ("behandeling", docs/urls.md).
    soort: str
    #: The slug of the kind's index page under home, fixed by the public URLs ("behandelingen").
    index_slug: str
    #: The list of entries in the content format that holds this kind (docs/content-format.md).
    format_key: str
    #: The page class, as "app_label.ModelName": resolved late, so core imports no page app.
    model: str
    #: Where the kind comes in lists meant for patients (the search filters).
    order: int
    #: (intro, body) as search reads them.
    search_text: Callable = intro_and_sections
    #: For a page class with several kinds: whether a page is of this one.
    matches: Callable | None = None
    #: Whether its pages ask "Was deze informatie nuttig?" (their template includes
    #: feedback/form.html); the feedback form takes answers for those pages only.
    asks_feedback: bool = False
    #: The API's URL segment for the kind (/api/v1/<segment>/ and /api/v1/<segment>/<slug>/),
    #: "" when the API serves the kind at no path of its own (docs/api.md).
    api_segment: str = ""
    #: The filters of that API list besides `limit` and `offset`, each taking a slug.
    api_filters: tuple[str, ...] = ()

    @property
    def model_class(self):
        return apps.get_model(self.model)

    def is_kind_of(self, page) -> bool:
        if not isinstance(page, self.model_class):
            return False
        return self.matches is None or self.matches(page)


_registry: dict[str, PageKind] = {}


def register(kind: PageKind) -> PageKind:
    """Add a kind; its key, soort, index slug and API segment must be new."""
    for other in _registry.values():
        if other.key != kind.key and (other.soort == kind.soort or other.index_slug == kind.index_slug):
            raise ValueError(f"page kind {kind.key!r} reuses the soort or index slug of {other.key!r}")
        if other.key != kind.key and kind.api_segment and other.api_segment == kind.api_segment:
            raise ValueError(f"page kind {kind.key!r} reuses the API segment of {other.key!r}")
    _registry[kind.key] = kind
    return kind


@contextmanager
def registered(kind: PageKind) -> Iterator[PageKind]:
    """A kind registered for the block only: for tests and examples."""
    register(kind)
    try:
        yield kind
    finally:
        _registry.pop(kind.key, None)


def all() -> list[PageKind]:  # noqa: A001  (read as kinds.all())
    """Every kind, in the order patients see them listed."""
    # The page apps register while Django imports the models: before that the list is incomplete.
    apps.check_models_ready()
    return sorted(_registry.values(), key=lambda kind: kind.order)


def get(key: str) -> PageKind:
    """The kind named `key`; KeyError for an unknown one."""
    apps.check_models_ready()
    return _registry[key]


def of(page) -> PageKind | None:
    """The kind of a specific page, or None for a page that is no content page (home, an index)."""
    for kind in all():
        if kind.is_kind_of(page):
            return kind
    return None


def asks_feedback(page_class) -> bool:
    """Whether pages of this (specific) class carry the feedback form."""
    return any(kind.asks_feedback and issubclass(page_class, kind.model_class) for kind in all())


def api_types() -> list[str]:
    """The API's `type` values: the kinds named after themselves, then the ones that group kinds."""
    own = [kind.api_type for kind in all() if kind.api_type == kind.key]
    grouped = [kind.api_type for kind in all() if kind.api_type != kind.key]
    return list(dict.fromkeys(own + grouped))


def api_segments() -> dict[str, tuple[str, ...]]:
    """The API's paths of page kinds: segment -> the filters of its list (the publish cache reads it)."""
    return {kind.api_segment: kind.api_filters for kind in all() if kind.api_segment}


def of_api_type(api_type: str) -> list[PageKind]:
    return [kind for kind in all() if kind.api_type == api_type]


def by_soort(soort: str) -> PageKind | None:
    return next((kind for kind in all() if kind.soort == soort), None)


def for_format_key(format_key: str) -> list[PageKind]:
    return [kind for kind in all() if kind.format_key == format_key]


def format_key_of(model) -> str:
    """The content format's list that holds pages of this class ("pages" for an InfoPage)."""
    label = model._meta.label
    return next(kind.format_key for kind in all() if kind.model == label)
