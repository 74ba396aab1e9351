"""Campuses ("locaties") of the hospital group."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index


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
        from carepages.services.queries import services_by_location

        context = super().get_context(request, *args, **kwargs)
        locations = list(LocationPage.objects.child_of(self).live().order_by("title"))
        services = services_by_location(locations)
        context["locations"] = [(loc, services.get(loc.pk, [])) for loc in locations]
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

    def get_context(self, request, *args, **kwargs):
        from carepages.services.models import ServicePage

        context = super().get_context(request, *args, **kwargs)
        context["services"] = (
            ServicePage.objects.live().filter(location_links__location=self).distinct().order_by("title")
        )
        return context
