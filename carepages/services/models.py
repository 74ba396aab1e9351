"""Hospital services ("diensten") and the campuses where they are present."""

from collections import defaultdict

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.models import Page
from wagtail.search import index

from carepages.core import kinds
from carepages.core.models import IndexPage, PageLink, SectionsMixin
from carepages.core.visibility import pages_of, public_links, public_pages

from .listing import service_listing


class ServiceIndexPage(IndexPage):
    """/diensten/: every service, filterable by campus (?locatie=)."""

    subpage_types = ["services.ServicePage"]

    class Meta:
        verbose_name = "overzicht diensten"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        services = list(public_pages(ServicePage.objects.child_of(self)).order_by("title"))
        context["listing"] = service_listing(request, services, links_by_service(services))
        return context


class ServicePage(SectionsMixin, Page):
    """A service: what it does, on which campuses, for which conditions."""

    editors_group = models.ForeignKey(
        "auth.Group",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="redactie van de dienst",
        help_text="De gebruikers van deze groep krijgen een e-mail wanneer een pagina van de dienst "
        "aan nazicht toe is.",
    )

    appointment_phone = models.CharField(
        "telefoon voor afspraken",
        max_length=50,
        blank=True,
        help_text="Het nummer dat patiënten bellen voor een afspraak. Een eigen nummer per locatie "
        "vul je hieronder bij de locatie in.",
    )
    appointment_url = models.URLField(
        "online afspraak maken",
        blank=True,
        help_text="Het adres (https://…) waar patiënten online een afspraak boeken, als dat kan.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro", heading="Inleiding"),
        MultiFieldPanel(
            [FieldPanel("appointment_phone"), FieldPanel("appointment_url")], heading="Afspraak maken"
        ),
        InlinePanel("location_links", heading="Aanwezig op de volgende locaties", label="Locatie"),
        FieldPanel("sections"),
    ]
    settings_panels = Page.settings_panels + [FieldPanel("editors_group")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("sections"),
    ]
    parent_page_types = ["services.ServiceIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "dienst"
        verbose_name_plural = "diensten"

    def clean(self):
        super().clean()
        if self.appointment_url and not self.appointment_url.startswith("https://"):
            raise ValidationError({"appointment_url": "Gebruik een beveiligd adres dat begint met https://."})

    @property
    def has_appointment(self) -> bool:
        return bool(self.appointment_phone or self.appointment_url)

    def missing_details(self) -> tuple[str, ...]:
        """What patients would look for and the editors have not filled in (placeholder panel)."""
        return () if self.has_appointment else ("nog in te vullen: afspraak maken (telefoon of online)",)

    def live_location_links(self) -> list:
        """The link rows to published campuses, in the editor's order: one query."""
        return list(public_links(self.location_links, "location"))

    def live_locations(self):
        """The campuses to show, in the editor's order; unpublished ones drop out."""
        return [link.location for link in self.live_location_links()]

    def live_conditions(self) -> list:
        """The published conditions this service treats, by title: one query.

        The links belong to the conditions app, which sits above this one: they are
        reached through their reverse relation, so services imports nothing of conditions.
        """
        links = public_links(self.condition_links, "page")
        return pages_of(links.order_by("page__title", "page_id"))

    def live_doctors(self) -> list:
        """The published doctors of this service, by name, with their campuses: two queries.

        Like the conditions, the doctors' app sits above this one and is reached
        through its reverse relation (`doctor_links`).
        """
        doctor_model = self.doctor_links.model._meta.get_field("page").related_model
        campus_links = doctor_model._meta.get_field("location_links").related_model.objects
        live_campuses = public_links(campus_links, "location")
        links = public_links(self.doctor_links, "page").prefetch_related(
            Prefetch("page__location_links", queryset=live_campuses.order_by("sort_order"))
        )
        return pages_of(links.order_by("page__title", "page_id"))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["location_links"] = self.live_location_links()
        context["locations"] = [link.location for link in context["location_links"]]
        context["conditions"] = self.live_conditions()
        context["doctors"] = self.live_doctors()
        return context


class ServiceLocation(PageLink):
    """A campus where a service is present."""

    page = ParentalKey(ServicePage, on_delete=models.CASCADE, related_name="location_links")
    location = models.ForeignKey(
        "locations.LocationPage",
        on_delete=models.CASCADE,
        related_name="service_links",
        verbose_name="locatie",
    )

    phone = models.CharField(
        "telefoon op deze locatie",
        max_length=50,
        blank=True,
        help_text="Leeg: patiënten zien het algemene nummer voor afspraken van de dienst.",
    )
    route = models.CharField(
        "route op deze locatie",
        max_length=100,
        blank=True,
        help_text="Bv. ‘Route 45’ of ‘Gebouw B, 2e verdieping’.",
    )

    panels = [
        PageChooserPanel("location", "locations.LocationPage"),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("route")]),
    ]

    @property
    def has_contact(self) -> bool:
        return bool(self.phone or self.route)

    class Meta(PageLink.Meta):
        verbose_name = "locatie van de dienst"


# Services with their campuses in a fixed number of queries: the listings and the API read them.
def links_by_service(services: list[ServicePage]) -> dict[int, list[ServiceLocation]]:
    """Link rows to live campuses per service id (location, phone and route there), in each
    service's own order, one per campus: one query."""
    links = public_links(
        ServiceLocation.objects.filter(page__in=[s.pk for s in services]), "location"
    ).order_by("page_id", "sort_order", "pk")
    result: dict[int, list] = defaultdict(list)
    for link in links:
        if all(link.location_id != other.location_id for other in result[link.page_id]):
            result[link.page_id].append(link)
    return result


def locations_by_service(services: list[ServicePage]) -> dict[int, list]:
    """Live campuses per service id, in each service's own order: one query."""
    return {
        page_id: [link.location for link in links] for page_id, links in links_by_service(services).items()
    }


def campuses_text(service: "ServicePage") -> str:
    """ "Locaties: ZAS Palfijn (Lantaarnlei 20, 2170 Merksem), …" for a service's live campuses."""
    names = [
        f"{location.title} ({', '.join(location.address_lines)})"
        if location.address_lines
        else location.title
        for location in service.live_locations()
    ]
    return "Locaties: " + ", ".join(names) if names else ""


def _service_search_text(page: "ServicePage") -> tuple[str, str]:
    # Patients name a service with its campus ("longziekten palfijn"): the service's page is
    # the one that meets both, ahead of the campus's page, which meets only one.
    intro, body = kinds.intro_and_sections(page)
    return intro, "\n".join(part for part in (body, campuses_text(page)) if part)


kinds.register(
    kinds.PageKind(
        key="service",
        api_type="service",
        label="Dienst",
        plural="Diensten",
        soort="dienst",
        index_slug="diensten",
        format_key="services",
        model="services.ServicePage",
        order=40,
        asks_feedback=True,
        search_text=_service_search_text,
        api_segment="services",
        api_filters=("location",),
    )
)
