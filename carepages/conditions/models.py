"""Conditions ("aandoeningen"): the pages patients come for."""

from django.db import models
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.models import Page
from wagtail.search import index

from carepages.core import kinds
from carepages.core.models import (
    IndexPage,
    PageImageMixin,
    PageLink,
    ReviewedMixin,
    Reviewer,
    SectionsMixin,
    Source,
)
from carepages.core.visibility import public_links, public_pages
from carepages.readability.panels import ReadabilityPanel, ReadabilityPreviewMixin
from carepages.services.listing import service_listing
from carepages.services.models import links_by_service
from carepages.vocabulary.pages import lay_terms_for, see_entries

from .alphabet import group_by_letter


class ConditionIndexPage(IndexPage):
    """/aandoeningen/: every condition, A to Z."""

    subpage_types = ["conditions.ConditionPage"]

    class Meta:
        verbose_name = "overzicht aandoeningen"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        conditions = list(public_pages(ConditionPage.objects.child_of(self)).order_by("title"))
        # Other names and lay terms file under their own letter: "Lumbago → Rugpijn" under L.
        entries = sorted([*conditions, *see_entries(conditions)], key=lambda item: item.title.casefold())
        context["letters"] = group_by_letter(entries)
        context["has_conditions"] = bool(conditions)
        return context


class ConditionPage(ReadabilityPreviewMixin, ReviewedMixin, SectionsMixin, PageImageMixin, Page):
    """A condition: definition, question-headed sections, services, "Zie ook"."""

    also_known_as = models.TextField(
        "ook bekend als",
        blank=True,
        help_text="Andere namen die patiënten gebruiken, één per regel (bv. ‘lumbago’). "
        "De zoekfunctie weegt ze even zwaar als de titel.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("also_known_as"),
        *PageImageMixin.image_panels,
        FieldPanel("sections"),
        InlinePanel("service_links", heading="Diensten", label="Dienst"),
        InlinePanel("related_links", heading="Zie ook", label="Gerelateerde pagina"),
        InlinePanel("sources", heading="Bronnen", label="Bron"),
        MultiFieldPanel(
            [
                FieldPanel("updated_on"),
                FieldPanel("reviewed_on"),
                FieldPanel("next_review_on"),
                InlinePanel("reviewers", label="Nazichter"),
            ],
            heading="Nazicht",
        ),
        ReadabilityPanel(),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("also_known_as", boost=5),
        index.SearchField("intro", boost=2),
        index.SearchField("sections"),
    ]
    parent_page_types = ["conditions.ConditionIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "aandoening"
        verbose_name_plural = "aandoeningen"

    @property
    def alternate_names(self) -> list[str]:
        return [name.strip() for name in self.also_known_as.splitlines() if name.strip()]

    @cached_property
    def lay_terms(self) -> list[str]:
        """Lay terms of the vocabulary (admin: Lekentaal) that mean this condition ("valling")."""
        return lay_terms_for(self.title, self.alternate_names)

    @property
    def known_as(self) -> list[str]:
        """The "Ook bekend als" line: the editors' other names, then the vocabulary's lay terms."""
        return [*self.alternate_names, *self.lay_terms]

    def live_services(self):
        """The services to show, in the editor's order; unpublished ones drop out."""
        links = public_links(self.service_links, "service")
        return [link.service for link in links]

    def live_related(self):
        """The "Zie ook" pages that are published, in the editor's order."""
        links = public_links(self.related_links, "related_page")
        return [link.related_page.specific_deferred for link in links]

    def review_services(self):
        """The services whose editors answer for this page's review: those it lists."""
        return self.live_services()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        services = self.live_services()
        context["listing"] = service_listing(request, services, links_by_service(services))
        context["related"] = self.live_related()
        return context


class ConditionService(PageLink):
    """A service that treats the condition, in the order the editor chose."""

    page = ParentalKey(ConditionPage, on_delete=models.CASCADE, related_name="service_links")
    service = models.ForeignKey(
        "services.ServicePage",
        on_delete=models.CASCADE,
        related_name="condition_links",
        verbose_name="dienst",
    )

    panels = [PageChooserPanel("service", "services.ServicePage")]

    class Meta(PageLink.Meta):
        verbose_name = "dienst bij de aandoening"


class ConditionRelatedPage(PageLink):
    """A "Zie ook" link: another condition, a treatment, an examination."""

    page = ParentalKey(ConditionPage, on_delete=models.CASCADE, related_name="related_links")
    related_page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name="pagina",
    )

    panels = [
        PageChooserPanel(
            "related_page",
            ["conditions.ConditionPage", "infopages.InfoPage"],
        )
    ]

    class Meta(PageLink.Meta):
        verbose_name = "zie ook"


class ConditionReviewer(Reviewer):
    page = ParentalKey(ConditionPage, on_delete=models.CASCADE, related_name="reviewers")


class ConditionSource(Source):
    page = ParentalKey(ConditionPage, on_delete=models.CASCADE, related_name="sources")


kinds.register(
    kinds.PageKind(
        key="condition",
        api_type="condition",
        label="Aandoening",
        plural="Aandoeningen",
        soort="aandoening",
        index_slug="aandoeningen",
        format_key="conditions",
        model="conditions.ConditionPage",
        order=10,
        asks_feedback=True,
        api_segment="conditions",
    )
)
