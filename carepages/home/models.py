"""The home page: a search box, the A–Z entry and the main routes."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from carepages.conditions.alphabet import group_by_letter
from carepages.conditions.models import ConditionPage
from carepages.core.menu import has_public_child
from carepages.core.visibility import public_pages


class HomePage(Page):
    intro = models.TextField("inleiding", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "conditions.ConditionIndexPage",
        "services.ServiceIndexPage",
        "locations.LocationIndexPage",
        "infopages.InfoIndexPage",
        "doctors.DoctorIndexPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = "startpagina"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["letters"] = group_by_letter(public_pages(ConditionPage.objects).only("title", "url_path"))
        # As the header menu: a section without public pages (/artsen/ before the first doctor) is left out.
        routes = public_pages(self.get_children()).in_menu().filter(has_public_child())
        context["routes"] = routes.specific()
        return context
