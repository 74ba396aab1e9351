"""Campuses ("locaties") of the hospital group."""

from django.db import models
from django.db.models import Prefetch
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from carepages.core import kinds


class LocationIndexPage(Page):
    """/locaties/: every campus with the services present there."""

    intro = models.TextField("inleiding", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["locations.LocationPage"]
    max_count = 1

    class Meta:
        verbose_name = "overzicht locaties"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        links = Prefetch("service_links", queryset=_live_service_links(), to_attr="live_service_links")
        locations = LocationPage.objects.child_of(self).live().order_by("title").prefetch_related(links)
        context["locations"] = [(loc, _services_of(loc.live_service_links)) for loc in locations]
        return context


class LocationPage(Page):
    """One campus: where it is and which services are present there."""

    address = models.TextField("adres", blank=True)
    phone = models.CharField("telefoon", max_length=50, blank=True)

    content_panels = Page.content_panels + [FieldPanel("address"), FieldPanel("phone")]
    search_fields = Page.search_fields + [index.SearchField("address")]
    parent_page_types = ["locations.LocationIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "locatie"
        verbose_name_plural = "locaties"

    def live_services(self) -> list:
        """The published services present on this campus, by name: one query."""
        return _services_of(
            self.service_links.filter(page__live=True).select_related("page").order_by(*BY_NAME)
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["services"] = self.live_services()
        return context


#: Link rows ordered by their service's name.
BY_NAME = ("page__title", "page_id")


def _live_service_links():
    # The rows that link services to campuses belong to the services app, which
    # sits above this one: reach them through the reverse relation, not an import.
    link_model = LocationPage._meta.get_field("service_links").related_model
    return link_model.objects.filter(page__live=True).select_related("page").order_by(*BY_NAME)


def _services_of(links) -> list:
    """The distinct services of link rows, in the rows' order."""
    return list({link.page_id: link.page for link in links}.values())


def _location_search_text(page: "LocationPage") -> tuple[str, str]:
    # A campus's address is its definition: patients search it by town ("ziekenhuis merksem").
    return "\n".join(part for part in (page.address, page.phone) if part), ""


kinds.register(
    kinds.PageKind(
        key="location",
        api_type="location",
        label="Locatie",
        plural="Locaties",
        soort="locatie",
        index_slug="locaties",
        format_key="locations",
        model="locations.LocationPage",
        order=50,
        search_text=_location_search_text,
    )
)
