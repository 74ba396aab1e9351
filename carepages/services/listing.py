"""The "Diensten" block: services with their campuses, filtered and paged.

Used on a condition page and on /diensten/. Works without JavaScript:
the filter is a GET form (?locatie=<slug>) and paging is ?pagina=N.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator

from carepages.core.text import printable

PER_PAGE = 10


@dataclass
class ServiceCard:
    """A service with its campuses; with a campus chosen, that campus's phone and route."""

    service: object
    links: list
    selected_link: object | None = None

    @property
    def locations(self) -> list:
        return [link.location for link in self.links]

    @property
    def phone(self) -> str:
        """The number to call for an appointment: the chosen campus's own, else the service's."""
        own = self.selected_link.phone if self.selected_link else ""
        return own or self.service.appointment_phone

    @property
    def route(self) -> str:
        return self.selected_link.route if self.selected_link else ""


@dataclass
class ServiceListing:
    cards: PaginatorPage
    location_options: list
    selected_location: object | None = None
    messages: list[str] = field(default_factory=list)

    @property
    def count_label(self) -> str:
        return count_label(self.cards)

    def page_query(self, number: int) -> str:
        params = {"pagina": number}
        if self.selected_location:
            params = {"locatie": self.selected_location.slug, **params}
        return "?" + urlencode(params)


def service_listing(request, services: list, links: dict[int, list]) -> ServiceListing:
    """Build the listing for `services` from the request's ?locatie= and ?pagina=.

    `links` are the services' link rows to live campuses by service id (models.links_by_service).
    """
    cards = [ServiceCard(service, links.get(service.pk, [])) for service in services]
    options = _location_options(cards)
    messages = []

    selected = None
    slug = request.GET.get("locatie", "").strip()
    if slug:
        selected = next((loc for loc in options if loc.slug == slug), None)
        if selected is None:
            messages.append(
                f"De locatie ‘{printable(slug, 80)}’ bestaat niet of heeft hier geen diensten. "
                "We tonen alle diensten."
            )
        else:
            cards = [card for card in cards if selected in card.locations]
            for card in cards:
                card.selected_link = next(link for link in card.links if link.location_id == selected.pk)

    paginator = Paginator(cards, PER_PAGE)
    number = page_number(request.GET.get("pagina"), paginator.num_pages, messages)
    return ServiceListing(paginator.page(number), options, selected, messages)


def count_label(cards: PaginatorPage) -> str:
    """The count of a page of cards as patients know it: "1 - 3 van 3" (first - last of total)."""
    total = cards.paginator.count
    if total == 0:
        return "0 van 0"
    return f"{cards.start_index()} - {cards.end_index()} van {total}"


def _location_options(cards: list[ServiceCard]) -> list:
    seen = {}
    for card in cards:
        for location in card.locations:
            seen.setdefault(location.pk, location)
    return sorted(seen.values(), key=lambda loc: loc.title)


def page_number(raw: str | None, num_pages: int, messages: list[str]) -> int:
    """The nearest valid page: patients who edit the URL get a page, not an error."""
    if raw in (None, ""):
        return 1
    try:
        number = int(raw)
    except ValueError:
        messages.append("Dat paginanummer bestaat niet. We tonen de eerste pagina.")
        return 1
    if number < 1:
        messages.append("Dat paginanummer bestaat niet. We tonen de eerste pagina.")
        return 1
    if number > num_pages:
        messages.append(
            "Er is maar 1 pagina. We tonen die."
            if num_pages == 1
            else f"Er zijn maar {num_pages} pagina's. We tonen de laatste."
        )
        return num_pages
    return number
