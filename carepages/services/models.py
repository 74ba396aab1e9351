"""Hospital services ("diensten") and the campuses where they are present."""

from django.db import models
from django.db.models import Prefetch
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.models import Orderable, Page
from wagtail.search import index

from carepages.core import kinds
from carepages.core.models import SectionsMixin


class ServiceIndexPage(Page):
    """/diensten/: every service, filterable by campus (?locatie=)."""

    intro = models.TextField("inleiding", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["services.ServicePage"]
    max_count = 1

    class Meta:
        verbose_name = "overzicht diensten"

    def get_context(self, request, *args, **kwargs):
        from .listing import service_listing  # listing reads this module's models

        context = super().get_context(request, *args, **kwargs)
        services = ServicePage.objects.child_of(self).live().order_by("title")
        context["listing"] = service_listing(request, list(services))
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

    content_panels = Page.content_panels + [
        FieldPanel("intro", heading="Inleiding"),
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

    def live_locations(self):
        """The campuses to show, in the editor's order; unpublished ones drop out."""
        return [link.location for link in self.location_links.all() if link.location.live]

    def live_conditions(self) -> list:
        """The published conditions this service treats, by title: one query.

        The links belong to the conditions app, which sits above this one: they are
        reached through their reverse relation, so services imports nothing of conditions.
        """
        links = self.condition_links.filter(page__live=True).select_related("page")
        return _pages_of(links.order_by("page__title", "page_id"))

    def live_doctors(self) -> list:
        """The published doctors of this service, by name, with their campuses: two queries.

        Like the conditions, the doctors' app sits above this one and is reached
        through its reverse relation (`doctor_links`).
        """
        doctor_model = self.doctor_links.model._meta.get_field("page").related_model
        campus_links = doctor_model._meta.get_field("location_links").related_model.objects
        live_campuses = campus_links.filter(location__live=True).select_related("location")
        links = (
            self.doctor_links.filter(page__live=True)
            .select_related("page")
            .prefetch_related(Prefetch("page__location_links", queryset=live_campuses.order_by("sort_order")))
        )
        return _pages_of(links.order_by("page__title", "page_id"))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["locations"] = self.live_locations()
        context["conditions"] = self.live_conditions()
        context["doctors"] = self.live_doctors()
        return context


class ServiceLocation(Orderable):
    """A campus where a service is present."""

    page = ParentalKey(ServicePage, on_delete=models.CASCADE, related_name="location_links")
    location = models.ForeignKey(
        "locations.LocationPage",
        on_delete=models.CASCADE,
        related_name="service_links",
        verbose_name="locatie",
    )

    panels = [PageChooserPanel("location", "locations.LocationPage")]

    class Meta(Orderable.Meta):
        verbose_name = "locatie van de dienst"


def _pages_of(links) -> list:
    """The distinct pages of link rows, in the rows' order."""
    return list({link.page_id: link.page for link in links}.values())


def campuses_text(service: "ServicePage") -> str:
    """ "Locaties: ZAS Palfijn (Lantaarnlei 20, 2170 Merksem), …" for a service's live campuses."""
    names = [
        f"{location.title} ({location.address})" if location.address else location.title
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
        search_text=_service_search_text,
    )
)
