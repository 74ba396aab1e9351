"""The response shapes of the public read API (docs/api.md); the OpenAPI document is generated from them."""

from datetime import date

from ninja import Schema


class Error(Schema):
    error: str
    detail: str
    parameter: str | None = None


class PageLink(Schema):
    """Another page: `url` absolute (for apps and kiosks), `path` on this site."""

    slug: str
    title: str
    url: str
    path: str


class RelatedLink(PageLink):
    type: str  # condition | treatment | examination | info


class LocationSummary(PageLink):
    address: str
    phone: str


class LocationDetail(LocationSummary):
    services: list[PageLink]
    last_updated: date | None


class ServiceSummary(PageLink):
    intro: str
    locations: list[PageLink]


class ServiceWithLocations(PageLink):
    locations: list[PageLink]


class ServiceDetail(ServiceSummary):
    conditions: list[PageLink]
    last_updated: date | None


class Section(Schema):
    heading: str
    body: str


class ConditionSummary(PageLink):
    intro: str
    also_known_as: list[str]
    last_updated: date | None


class Reviewer(Schema):
    """A reviewer by name and role; `doctor` is the slug of their page under /artsen/ (else null)."""

    name: str
    role: str
    doctor: str | None


class Source(Schema):
    title: str
    publisher: str
    year: int | None
    url: str


class ConditionDetail(ConditionSummary):
    sections: list[Section]
    services: list[ServiceWithLocations]
    related: list[RelatedLink]
    lay_terms: list[str]  # the lay vocabulary's words for this condition ("valling"), see docs/search.md
    last_reviewed: date | None
    next_review: date | None
    reviewed_by: list[Reviewer]
    sources: list[Source]


class ConditionList(Schema):
    count: int
    next: str | None
    previous: str | None
    results: list[ConditionSummary]


class ServiceList(Schema):
    count: int
    next: str | None
    previous: str | None
    results: list[ServiceSummary]


class LocationList(Schema):
    count: int
    next: str | None
    previous: str | None
    results: list[LocationSummary]


class SearchResult(Schema):
    type: str
    slug: str
    title: str
    url: str
    snippet: str


class SearchResults(Schema):
    query: str
    count: int
    results: list[SearchResult]


class DoctorSummary(PageLink):
    """A doctor: `title` is the name, `honorific` what stands before it ("dr.")."""

    honorific: str
    role: str
    services: list[PageLink]
    locations: list[PageLink]
    languages: list[str]  # ISO 639-1 codes


class DoctorDetail(DoctorSummary):
    consultation: str  # HTML
    last_updated: date | None


class DoctorList(Schema):
    count: int
    next: str | None
    previous: str | None
    results: list[DoctorSummary]
