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


class Geo(Schema):
    """WGS84 degrees."""

    lat: float
    lon: float


class OpeningHours(Schema):
    label: str  # "Onthaal", "Bezoekuren"
    days: list[str]  # mo tu we th fr sa su, Monday first
    opens: str  # HH:MM
    closes: str  # HH:MM


class HoursException(Schema):
    """A day or period with other hours or closed ("Kerstmis"); `end` null for one day."""

    note: str
    start: date
    end: date | None
    closed: bool
    opens: str | None  # HH:MM, null when closed
    closes: str | None


class ServiceAtLocation(PageLink):
    """A service present on the campus, with its own phone and route there (empty: none)."""

    phone: str
    route: str


class LocationDetail(LocationSummary):
    street: str
    postal_code: str
    city: str
    email: str
    geo: Geo | None
    opening_hours: list[OpeningHours]
    opening_hours_exceptions: list[HoursException]
    route: str  # HTML, cleaned like a section body
    services: list[ServiceAtLocation]
    last_updated: date | None


class Appointment(Schema):
    """How to make an appointment: a phone number and an https:// booking address (empty: none)."""

    phone: str
    url: str


class Contact(Schema):
    """The service's own phone and route on one campus (`location` is the campus's slug)."""

    location: str
    phone: str
    route: str


class ServiceSummary(PageLink):
    intro: str
    locations: list[PageLink]


class ServiceWithLocations(PageLink):
    locations: list[PageLink]
    appointment: Appointment
    contacts: list[Contact]


class ServiceDetail(ServiceSummary):
    conditions: list[PageLink]
    last_updated: date | None
    appointment: Appointment
    contacts: list[Contact]


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
