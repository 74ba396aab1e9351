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
from carepages.doctors.models import DoctorPage
from carepages.locations.models import LocationPage
from carepages.services.models import ServicePage

from . import queries
from .schemas import (
    ConditionDetail,
    ConditionList,
    DoctorDetail,
    DoctorList,
    LocationDetail,
    LocationList,
    ServiceDetail,
    ServiceList,
)


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
        """The published pages anyone may read, A to Z: the order of every list.

        A page behind a view restriction (a password, a login) is no public content, whether
        the restriction is on the page or on an ancestor.
        """
        return self.model.objects.live().public().order_by("title", "pk")


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
    detail_doc="One service: its campuses, the conditions it treats and how to make an appointment.",
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
    detail_doc=(
        "One campus: address, contact, geo, opening hours and their exceptions, route, "
        "and the services present there with their own phone and route."
    ),
)
DOCTORS = Resource(
    path="doctors",
    noun="doctor",
    model=DoctorPage,
    list_schema=DoctorList,
    detail_schema=DoctorDetail,
    summarise=queries.doctor_summaries,
    detail=queries.doctor_detail,
    list_doc=(
        "Every published doctor, A to Z; `service` and `location` keep those of one service or campus "
        "(404 naming the parameter: no such service or campus)."
    ),
    detail_doc="One doctor: services, campuses, languages and consultation information.",
)
