"""The kinds of page the API serves, each at /<path>/ (a list) and /<path>/{slug}/ (one page).

Serving a new kind of page is one `Resource` here, its schemas in schemas.py
and its summary and detail in queries.py; api.py then adds its two endpoints
with `add_list(RESOURCE)` and `add_detail(RESOURCE)`.
"""

from collections.abc import Callable
from dataclasses import dataclass

from ninja import Schema
from wagtail.models import Page

from carepages.conditions.models import ConditionPage
from carepages.locations.models import LocationPage
from carepages.services.models import ServicePage

from . import queries
from .schemas import ConditionDetail, ConditionList, LocationDetail, LocationList, ServiceDetail, ServiceList


@dataclass(frozen=True)
class Resource:
    #: The URL segment and the OpenAPI tag: "conditions".
    path: str
    #: One page of the kind, in the 404 message and the operation names ("get_condition").
    noun: str
    model: type[Page]
    list_schema: type[Schema]
    detail_schema: type[Schema]
    #: (request, pages) -> the list entries of `pages`, in a fixed number of queries.
    summarise: Callable
    #: (request, page) -> the whole page.
    detail: Callable
    #: The OpenAPI descriptions of the list and of one page.
    list_doc: str
    detail_doc: str

    def live(self):
        """The published pages, A to Z: the order of every list."""
        return self.model.objects.live().order_by("title", "pk")


CONDITIONS = Resource(
    path="conditions",
    noun="condition",
    model=ConditionPage,
    list_schema=ConditionList,
    detail_schema=ConditionDetail,
    summarise=queries.condition_summaries,
    detail=queries.condition_detail,
    list_doc="Every published condition, A to Z.",
    detail_doc=(
        "One condition whole: sections, the services that treat it (with their campuses), related pages."
    ),
)
SERVICES = Resource(
    path="services",
    noun="service",
    model=ServicePage,
    list_schema=ServiceList,
    detail_schema=ServiceDetail,
    summarise=queries.service_summaries,
    detail=queries.service_detail,
    list_doc="Every published service, A to Z; `location` keeps those on one campus (404: no such campus).",
    detail_doc="One service: its campuses and the conditions it treats.",
)
LOCATIONS = Resource(
    path="locations",
    noun="location",
    model=LocationPage,
    list_schema=LocationList,
    detail_schema=LocationDetail,
    summarise=queries.location_summaries,
    detail=queries.location_detail,
    list_doc="Every published campus, A to Z.",
    detail_doc="One campus with the services present there.",
)
