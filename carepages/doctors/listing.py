"""/artsen/: doctors as cards, filtered by service and campus, and paged.

Works without JavaScript: the filter is a GET form (?dienst=<slug>&locatie=<slug>)
and paging is ?pagina=N, like the services' listing (services/listing.py).
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator

from carepages.core.text import printable
from carepages.core.visibility import public_pages
from carepages.locations.models import LocationPage
from carepages.services.listing import count_label, page_number
from carepages.services.models import ServicePage

PER_PAGE = 12


@dataclass
class DoctorListing:
    cards: PaginatorPage
    service_options: list
    location_options: list
    selected_service: object | None = None
    selected_location: object | None = None
    messages: list[str] = field(default_factory=list)

    @property
    def count_label(self) -> str:
        """ "1 - 12 van 30", as on the services' listing."""
        return count_label(self.cards)

    @property
    def filtered(self) -> bool:
        return bool(self.selected_service or self.selected_location)

    def filter_params(self) -> dict:
        params = {}
        if self.selected_service:
            params["dienst"] = self.selected_service.slug
        if self.selected_location:
            params["locatie"] = self.selected_location.slug
        return params

    def page_query(self, number: int) -> str:
        return "?" + urlencode({**self.filter_params(), "pagina": number})


def doctor_listing(request, doctors) -> DoctorListing:
    """The cards of `doctors` (links prefetched: models.with_links) by ?dienst=, ?locatie=, ?pagina=."""
    doctors = list(doctors)
    services = (
        public_pages(ServicePage.objects).filter(doctor_links__page__in=doctors).distinct().order_by("title")
    )
    locations = (
        public_pages(LocationPage.objects).filter(doctor_links__page__in=doctors).distinct().order_by("title")
    )
    service_options, location_options = list(services), list(locations)
    messages: list[str] = []

    selected_service = _selected(request, "dienst", service_options, "dienst", messages)
    if selected_service:
        doctors = [
            d
            for d in doctors
            if any(link.service_id == selected_service.pk for link in d.service_links.all())
        ]
    selected_location = _selected(request, "locatie", location_options, "locatie", messages)
    if selected_location:
        doctors = [
            d
            for d in doctors
            if any(link.location_id == selected_location.pk for link in d.location_links.all())
        ]

    paginator = Paginator(doctors, PER_PAGE)
    number = page_number(request.GET.get("pagina"), paginator.num_pages, messages)
    return DoctorListing(
        paginator.page(number),
        service_options,
        location_options,
        selected_service,
        selected_location,
        messages,
    )


def _selected(request, param: str, options: list, noun: str, messages: list[str]):
    slug = request.GET.get(param, "").strip()
    if not slug:
        return None
    selected = next((option for option in options if option.slug == slug), None)
    if selected is None:
        messages.append(
            f"De {noun} ‘{printable(slug, 80)}’ bestaat niet of heeft geen artsen op deze lijst. "
            "We tonen de artsen zonder die filter."
        )
    return selected
