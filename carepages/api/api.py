"""The public read API under /api/v1/ (docs/api.md), built on django-ninja.

Only published pages are shown. Every list is paginated with `limit` and
`offset`; bad parameters answer 400 naming the parameter, an unknown slug 404.
"""

from django.db import DatabaseError
from django.http import HttpRequest
from ninja import NinjaAPI, Path, Query
from ninja.errors import ValidationError

from carepages.core import kinds
from carepages.core.errors import database_unavailable_json
from carepages.core.text import CONTROL_CHARACTERS
from carepages.search import engine, events

from . import queries
from .resources import CONDITIONS, DOCTORS, LOCATIONS, SERVICES, Resource
from .schemas import Error, SearchResults

SLUG_PATTERN = r"^[-\w]+$"
#: Some text besides spaces, and no control character (NUL is stored by no database; the others
#: would be echoed back in "query").
TEXT_PATTERN = rf"^[^{CONTROL_CHARACTERS}]*[^\s{CONTROL_CHARACTERS}][^{CONTROL_CHARACTERS}]*$"
_KIND = "(" + "|".join(kinds.api_types()) + ")"
KINDS_PATTERN = rf"^ *{_KIND} *(, *{_KIND} *)*$"
HINTS = {
    "q": "give a search text (not only spaces, no control characters)",
    "type": f"use one or more of {', '.join(kinds.api_types())}, separated by commas",
    "location": "give the slug of a campus, e.g. zas-middelheim",
    "service": "give the slug of a service, e.g. cardiologie",
    "slug": "a slug holds letters, digits, - and _ only",
}
MAX_LIMIT = 100
MAX_SEARCH_LIMIT = 50

api = NinjaAPI(
    title="carepages public API",
    version="1",
    description=(
        "Read-only access to the published patient information: conditions, services, "
        "campuses, doctors and search. See docs/api.md for examples."
    ),
    urls_namespace="api-v1",
    docs_url="/docs/",
    openapi_url="/openapi.json",
)


class NotFound(Exception):
    def __init__(self, detail: str, parameter: str | None = None):
        super().__init__(detail)
        self.parameter = parameter


@api.exception_handler(ValidationError)
def validation_error(request: HttpRequest, error: ValidationError):
    first = error.errors[0] if error.errors else {}
    location = [part for part in first.get("loc", []) if part not in ("query", "path")]
    parameter = str(location[0]) if location else "request"
    message = first.get("msg", "invalid value")
    if first.get("type") == "string_pattern_mismatch" and parameter in HINTS:
        message = HINTS[parameter]
    return api.create_response(
        request,
        {"error": "bad_parameter", "parameter": parameter, "detail": f"{parameter}: {message}"},
        status=400,
    )


@api.exception_handler(NotFound)
def not_found(request: HttpRequest, error: NotFound):
    body = {"error": "not_found", "detail": str(error)}
    if error.parameter:
        body["parameter"] = error.parameter
    return api.create_response(request, body, status=404)


@api.exception_handler(DatabaseError)
def database_unavailable(request: HttpRequest, error: DatabaseError):
    # Also with DEBUG on, where django-ninja would answer a plain-text traceback.
    return database_unavailable_json()


Limit = Query(20, ge=1, le=MAX_LIMIT, description=f"How many results (1–{MAX_LIMIT}).")
Offset = Query(0, ge=0, le=1_000_000, description="How many results to skip.")
Slug = Path(..., pattern=SLUG_PATTERN, max_length=255)
ERRORS = {400: Error, 404: Error}


def add_list(resource: Resource) -> None:
    """GET /<path>/: a window of the published pages of `resource`, A to Z."""

    def view(request, limit: int = Limit, offset: int = Offset):
        return queries.page_list(request, resource.live(), limit, offset, resource.summarise)

    _name(view, f"list_{resource.path}", resource.list_doc)
    responses = {200: resource.list_schema, 400: Error}
    api.get(f"/{resource.path}/", response=responses, tags=[resource.path])(view)


def add_detail(resource: Resource) -> None:
    """GET /<path>/{slug}/: one published page of `resource`; 404 for an unknown slug."""

    def view(request, slug: str = Slug):
        page = resource.live().filter(slug=slug).first()
        if page is None:
            raise NotFound(f"No published {resource.noun} with slug ‘{slug}’.")
        return resource.detail(request, page)

    _name(view, f"get_{resource.noun}", resource.detail_doc)
    responses = {200: resource.detail_schema, **ERRORS}
    api.get(f"/{resource.path}/{{slug}}/", response=responses, tags=[resource.path])(view)


def _name(view, name: str, doc: str) -> None:
    # django-ninja names an operation (operationId, summary, URL name) after its function and
    # describes it with the docstring: each generated view gets the name a written one would have.
    view.__name__ = view.__qualname__ = name
    view.__doc__ = doc


add_list(CONDITIONS)
add_detail(CONDITIONS)


@api.get("/services/", response={200: SERVICES.list_schema, **ERRORS}, tags=["services"])
def list_services(
    request,
    location: str | None = Query(
        None, pattern=SLUG_PATTERN, max_length=255, description="Only services present on this campus (slug)."
    ),
    limit: int = Limit,
    offset: int = Offset,
):
    """Every published service, A to Z; `location` keeps those on one campus (404: no such campus)."""
    services = SERVICES.live()
    if location is not None:
        campus = LOCATIONS.live().filter(slug=location).first()
        if campus is None:
            # A well-formed slug that names no campus: the contract's "unknown slug", so 404.
            raise NotFound(f"No published location with slug ‘{location}’.", parameter="location")
        services = services.filter(location_links__location=campus).distinct()
    return queries.page_list(request, services, limit, offset, SERVICES.summarise)


add_detail(SERVICES)
add_list(LOCATIONS)
add_detail(LOCATIONS)


@api.get("/doctors/", response={200: DOCTORS.list_schema, **ERRORS}, tags=["doctors"])
def list_doctors(
    request,
    service: str | None = Query(
        None, pattern=SLUG_PATTERN, max_length=255, description="Only doctors of this service (slug)."
    ),
    location: str | None = Query(
        None, pattern=SLUG_PATTERN, max_length=255, description="Only doctors on this campus (slug)."
    ),
    limit: int = Limit,
    offset: int = Offset,
):
    """Every published doctor, A to Z; `service` and `location` filter (404: no such service or campus)."""
    doctors = DOCTORS.live()
    if service is not None:
        if not SERVICES.live().filter(slug=service).exists():
            # A well-formed slug that names nothing: 404 naming it, as on /services/?location=.
            raise NotFound(f"No published service with slug ‘{service}’.", parameter="service")
        doctors = doctors.filter(service_links__service__slug=service, service_links__service__live=True)
    if location is not None:
        if not LOCATIONS.live().filter(slug=location).exists():
            raise NotFound(f"No published location with slug ‘{location}’.", parameter="location")
        doctors = doctors.filter(location_links__location__slug=location, location_links__location__live=True)
    return queries.page_list(request, doctors.distinct(), limit, offset, DOCTORS.summarise)


add_detail(DOCTORS)


@api.get("/search/", response={200: SearchResults, 400: Error}, tags=["search"])
def search(
    request,
    q: str = Query(
        ...,
        min_length=1,
        max_length=200,
        pattern=TEXT_PATTERN,
        description="What to look for, as a patient types it (not only spaces).",
    ),
    type: str | None = Query(
        None,
        pattern=KINDS_PATTERN,
        max_length=100,
        description=f"Comma-separated kinds to include: {', '.join(kinds.api_types())} (default: all).",
    ),
    limit: int = Query(
        10, ge=1, le=MAX_SEARCH_LIMIT, description=f"How many results (1–{MAX_SEARCH_LIMIT})."
    ),
    offset: int = Offset,
):
    """The best results first, as on /zoeken/."""
    kinds = None
    if type is not None:
        # The pattern already admits only known kinds; dict.fromkeys drops repeats, keeping the order.
        kinds = list(dict.fromkeys(kind.strip() for kind in type.split(",")))
    found = engine.search(q, kinds, limit, offset)
    if offset == 0:  # a later page of results is the same search
        events.searched.send(sender=search, query=found.query, response=found)
    return {
        "query": found.query,
        "count": found.count,
        "results": [
            {"type": hit.type, "slug": hit.slug, "title": hit.title, "url": hit.url, "snippet": hit.snippet}
            for hit in found.results
        ],
    }
