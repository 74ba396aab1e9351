"""Treatments, examinations and general information pages.

One page type, three indexes: the index decides the kind and so the URL
(/behandelingen/, /onderzoeken/, /info/), as the content format's `kind`.
"""

from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index

from carepages.core import kinds
from carepages.core.models import IndexPage, PageImageMixin, ReviewedMixin, Reviewer, SectionsMixin, Source
from carepages.core.visibility import public_pages
from carepages.readability.panels import ReadabilityPanel, ReadabilityPreviewMixin
from carepages.services.models import ServicePage


class Kind(models.TextChoices):
    TREATMENT = "treatment", "Behandeling"
    EXAMINATION = "examination", "Onderzoek"
    INFO = "info", "Info"


class InfoIndexPage(IndexPage):
    """/behandelingen/, /onderzoeken/ or /info/: the pages of one kind."""

    kind = models.CharField("soort", max_length=20, choices=Kind.choices, unique=True)

    content_panels = Page.content_panels + [FieldPanel("kind"), FieldPanel("intro")]
    subpage_types = ["infopages.InfoPage"]
    max_count = len(Kind)

    class Meta:
        verbose_name = "overzicht behandelingen, onderzoeken of info"

    def clean(self):
        super().clean()
        expected = kinds.get(self.kind).index_slug if self.kind in Kind.values else None
        if expected and self.slug != expected:
            raise ValidationError({"slug": f"Het overzicht van deze soort heeft als slug ‘{expected}’."})

    def live_pages(self):
        return public_pages(InfoPage.objects.child_of(self)).order_by("title")

    def get_sitemap_urls(self, request=None):
        # An index without pages (as /info/ after install) is a dead end: search engines need not
        # know it. It still answers (noindex) for a patient who follows an old link.
        return super().get_sitemap_urls(request) if self.live_pages().exists() else []

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["pages"] = self.live_pages()
        return context


class InfoPage(ReadabilityPreviewMixin, ReviewedMixin, SectionsMixin, PageImageMixin, Page):
    """A treatment, examination or information page, with the sections of a condition."""

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        *PageImageMixin.image_panels,
        FieldPanel("sections"),
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
        index.SearchField("intro", boost=2),
        index.SearchField("sections"),
    ]
    parent_page_types = ["infopages.InfoIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "behandeling, onderzoek of info"
        verbose_name_plural = "behandelingen, onderzoeken en info"

    @property
    def kind(self) -> str:
        # The index's slug is tied to its kind (InfoIndexPage.clean), so the
        # URL path tells the kind without a query per page in a listing.
        parts = self.url_path.strip("/").split("/")
        index_slug = parts[-2] if len(parts) >= 2 else ""
        return next((key for key in Kind.values if kinds.get(key).index_slug == index_slug), Kind.INFO)

    @property
    def kind_label(self) -> str:
        return kinds.get(self.kind).label

    def review_services(self):
        """The services of the live conditions that send patients here ("Zie ook").

        A treatment or examination has no services of its own; the services that
        treat the conditions pointing to it are the ones who know it.
        """
        return list(
            ServicePage.objects.live()
            .filter(condition_links__page__live=True, condition_links__page__related_links__related_page=self)
            .distinct()
            .order_by("title")
        )


class InfoPageReviewer(Reviewer):
    page = ParentalKey(InfoPage, on_delete=models.CASCADE, related_name="reviewers")


class InfoPageSource(Source):
    page = ParentalKey(InfoPage, on_delete=models.CASCADE, related_name="sources")


def _info_kind(kind: Kind, plural: str, soort: str, index_slug: str, order: int) -> kinds.PageKind:
    return kinds.register(
        kinds.PageKind(
            key=kind.value,
            api_type="page",
            label=kind.label,
            plural=plural,
            soort=soort,
            index_slug=index_slug,  # fixed by the public URLs (docs/urls.md)
            format_key="pages",
            model="infopages.InfoPage",
            order=order,
            matches=lambda page: page.kind == kind.value,
            asks_feedback=True,  # info_page.html includes the form
        )
    )


_info_kind(Kind.TREATMENT, "Behandelingen", "behandeling", "behandelingen", order=20)
_info_kind(Kind.EXAMINATION, "Onderzoeken", "onderzoek", "onderzoeken", order=30)
_info_kind(Kind.INFO, "Info", "info", "info", order=60)
