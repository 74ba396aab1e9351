"""The public read API under /api/v1/ (CONTRACTS §4), built on django-ninja.

Only published pages are shown. Every list is paginated with `limit` and
`offset`; bad parameters answer 400 naming the parameter, an unknown slug 404.
"""

from django.http import HttpRequest
from ninja import NinjaAPI, Path, Query
from ninja.errors import ValidationError

from carepages.conditions.models import ConditionPage
from carepages.locations.models import LocationPage
from carepages.search import engine
from carepages.services.models import ServicePage

from . import queries
from .schemas import (
    ConditionDetail,
    ConditionList,
    Error,
    LocationDetail,
    LocationList,
    SearchResults,
    ServiceDetail,
    ServiceList,
)

SLUG_PATTERN = r"^[-\w]+$"
MAX_LIMIT = 100
MAX_SEARCH_LIMIT = 50

api = NinjaAPI(
    title="carepages public API",
    version="1",
    description=(
        "Read-only access to the published patient information: conditions, services, "
        "campuses and search. See docs/api.md for examples."
    ),
    urls_namespace="api-v1",
    docs_url="/docs/",
    openapi_url="/openapi.json",
)


class BadParameter(Exception):
    def __init__(self, parameter: str, detail: str):
        self.parameter, self.detail = parameter, detail


class NotFound(Exception):
    pass


@api.exception_handler(ValidationError)
def validation_error(request: HttpRequest, error: ValidationError):
    first = error.errors[0] if error.errors else {}
    location = [part for part in first.get("loc", []) if part not in ("query", "path")]
    parameter = str(location[0]) if location else "request"
    message = first.get("msg", "invalid value")
    return api.create_response(
        request,
        {"error": "bad_parameter", "parameter": parameter, "detail": f"{parameter}: {message}"},
        status=400,
    )


@api.exception_handler(BadParameter)
def bad_parameter(request: HttpRequest, error: BadParameter):
    return api.create_response(
        request,
        {
            "error": "bad_parameter",
            "parameter": error.parameter,
            "detail": f"{error.parameter}: {error.detail}",
        },
        status=400,
    )


@api.exception_handler(NotFound)
def not_found(request: HttpRequest, error: NotFound):
    return api.create_response(request, {"error": "not_found", "detail": str(error)}, status=404)


Limit = Query(20, ge=1, le=MAX_LIMIT, description=f"How many results (1–{MAX_LIMIT}).")
Offset = Query(0, ge=0, le=1_000_000, description="How many results to skip.")
Slug = Path(..., pattern=SLUG_PATTERN, max_length=255)
ERRORS = {400: Error, 404: Error}


@api.get("/conditions/", response={200: ConditionList, 400: Error}, tags=["conditions"])
def list_conditions(request, limit: int = Limit, offset: int = Offset):
    """Every published condition, A to Z."""
    return queries.page_list(request, ConditionPage.objects.live().order_by("title", "pk"), limit, offset)


@api.get("/conditions/{slug}/", response={200: ConditionDetail, **ERRORS}, tags=["conditions"])
def get_condition(request, slug: str = Slug):
    """One condition whole: sections, the services that treat it (with their campuses), related pages."""
    page = ConditionPage.objects.live().filter(slug=slug).first()
    if page is None:
        raise NotFound(f"No published condition with slug ‘{slug}’.")
    return queries.condition_detail(request, page)


@api.get("/services/", response={200: ServiceList, 400: Error}, tags=["services"])
def list_services(
    request,
    location: str | None = Query(
        None, pattern=SLUG_PATTERN, max_length=255, description="Only services present on this campus (slug)."
    ),
    limit: int = Limit,
    offset: int = Offset,
):
    """Every published service, A to Z; `location` keeps those present on one campus."""
    services = ServicePage.objects.live().order_by("title", "pk")
    if location is not None:
        campus = LocationPage.objects.live().filter(slug=location).first()
        if campus is None:
            raise BadParameter("location", f"no published location with slug ‘{location}’")
        services = services.filter(location_links__location=campus).distinct()
    return queries.page_list(request, services, limit, offset)


@api.get("/services/{slug}/", response={200: ServiceDetail, **ERRORS}, tags=["services"])
def get_service(request, slug: str = Slug):
    """One service: its campuses and the conditions it treats."""
    page = ServicePage.objects.live().filter(slug=slug).first()
    if page is None:
        raise NotFound(f"No published service with slug ‘{slug}’.")
    return queries.service_detail(request, page)


@api.get("/locations/", response={200: LocationList, 400: Error}, tags=["locations"])
def list_locations(request, limit: int = Limit, offset: int = Offset):
    """Every published campus, A to Z."""
    return queries.page_list(request, LocationPage.objects.live().order_by("title", "pk"), limit, offset)


@api.get("/locations/{slug}/", response={200: LocationDetail, **ERRORS}, tags=["locations"])
def get_location(request, slug: str = Slug):
    """One campus with the services present there."""
    page = LocationPage.objects.live().filter(slug=slug).first()
    if page is None:
        raise NotFound(f"No published location with slug ‘{slug}’.")
    return queries.location_detail(request, page)


@api.get("/search/", response={200: SearchResults, 400: Error}, tags=["search"])
def search(
    request,
    q: str = Query(..., min_length=1, max_length=200, description="What to look for, as a patient types it."),
    type: str | None = Query(
        None,
        description="Comma-separated kinds to include: condition, service, location, page (default: all).",
        max_length=100,
    ),
    limit: int = Query(
        10, ge=1, le=MAX_SEARCH_LIMIT, description=f"How many results (1–{MAX_SEARCH_LIMIT})."
    ),
    offset: int = Offset,
):
    """The best results first, as on /zoeken/."""
    if not q.strip() or "\x00" in q:
        raise BadParameter("q", "give a search text")
    kinds = None
    if type is not None:
        kinds = [kind.strip() for kind in type.split(",") if kind.strip()]
        unknown = [kind for kind in kinds if kind not in engine.KINDS]
        if unknown or not kinds:
            raise BadParameter("type", f"use one or more of {', '.join(engine.KINDS)} (comma-separated)")
    found = engine.search(q, kinds, limit, offset)
    return {
        "query": found.query,
        "count": found.count,
        "results": [
            {"type": hit.type, "slug": hit.slug, "title": hit.title, "url": hit.url, "snippet": hit.snippet}
            for hit in found.results
        ],
    }
