"""Doctors ("artsen"): who works in which service, on which campus, in which languages."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from carepages.core import kinds
from carepages.core.models import IndexPage, PageLink
from carepages.core.visibility import public_links, public_pages

from .languages import CHOICES, language_names
from .listing import doctor_listing


class DoctorIndexPage(IndexPage):
    """/artsen/: every doctor as a card, filterable by service (?dienst=) and campus (?locatie=)."""

    subpage_types = ["doctors.DoctorPage"]

    class Meta:
        verbose_name = "overzicht artsen"

    def get_sitemap_urls(self, request=None):
        # Without doctors (as after install) the index is a dead end for search engines;
        # it still answers, politely and noindex, for a patient who follows the menu.
        has_doctors = public_pages(DoctorPage.objects.child_of(self)).exists()
        return super().get_sitemap_urls(request) if has_doctors else []

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        doctors = public_pages(DoctorPage.objects.child_of(self)).order_by("title")
        context["listing"] = doctor_listing(request, with_links(doctors))
        return context


class DoctorPageForm(WagtailAdminPageForm):
    # The codes are stored as a list; editors tick the languages by their Dutch name.
    languages = forms.MultipleChoiceField(
        label="talen",
        choices=CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="De talen waarin patiënten bij deze arts terechtkunnen.",
    )


class DoctorPage(Page):
    """A doctor: the page title is the name ("An Voorbeeld"), the honorific stands apart."""

    honorific = models.CharField(
        "titel", max_length=50, blank=True, help_text="Bv. ‘dr.’ of ‘prof. dr.’; staat vóór de naam."
    )
    role = models.CharField("functie", max_length=200, blank=True, help_text="Bv. ‘diensthoofd’.")
    languages = models.JSONField("talen", default=list, blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="foto",
    )
    photo_alt = models.CharField(
        "alternatieve tekst van de foto",
        max_length=250,
        blank=True,
        help_text="Verplicht bij een foto: wat een blinde bezoeker voorgelezen krijgt, "
        "bv. ‘Portret van dr. An Voorbeeld’.",
    )
    consultation = RichTextField(
        "raadpleging",
        blank=True,
        features=["bold", "italic", "link", "ul", "ol"],
        help_text="Wanneer en waar de arts raadpleegt en hoe je een afspraak maakt.",
    )

    base_form_class = DoctorPageForm
    content_panels = Page.content_panels + [
        FieldPanel("honorific"),
        FieldPanel("role"),
        InlinePanel("service_links", heading="Diensten", label="Dienst"),
        InlinePanel("location_links", heading="Locaties", label="Locatie"),
        FieldPanel("languages"),
        MultiFieldPanel([FieldPanel("photo"), FieldPanel("photo_alt")], heading="Foto"),
        FieldPanel("consultation"),
    ]
    search_fields = Page.search_fields + [index.SearchField("role")]
    parent_page_types = ["doctors.DoctorIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "arts"
        verbose_name_plural = "artsen"

    def clean(self):
        super().clean()
        if self.photo_id and not self.photo_alt.strip():
            raise ValidationError({"photo_alt": "Geef een alternatieve tekst voor de foto."})

    @property
    def full_name(self) -> str:
        """ "dr. An Voorbeeld": how patients read the name."""
        return f"{self.honorific} {self.title}".strip()

    @property
    def language_names(self) -> str:
        return language_names(self.languages or [])

    def live_services(self) -> list:
        """The published, public services of this doctor, in the editor's order: one query."""
        links = public_links(self.service_links, "service")
        return [link.service for link in links]

    def live_locations(self) -> list:
        """The published, public campuses of this doctor, in the editor's order: one query."""
        links = public_links(self.location_links, "location")
        return [link.location for link in links]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["services"] = self.live_services()
        context["locations"] = self.live_locations()
        return context


class DoctorService(PageLink):
    """A service the doctor works in; the service's page lists its doctors through `doctor_links`."""

    page = ParentalKey(DoctorPage, on_delete=models.CASCADE, related_name="service_links")
    service = models.ForeignKey(
        "services.ServicePage", on_delete=models.CASCADE, related_name="doctor_links", verbose_name="dienst"
    )

    panels = [PageChooserPanel("service", "services.ServicePage")]

    class Meta(PageLink.Meta):
        verbose_name = "dienst van de arts"


class DoctorLocation(PageLink):
    """A campus where the doctor sees patients."""

    page = ParentalKey(DoctorPage, on_delete=models.CASCADE, related_name="location_links")
    location = models.ForeignKey(
        "locations.LocationPage",
        on_delete=models.CASCADE,
        related_name="doctor_links",
        verbose_name="locatie",
    )

    panels = [PageChooserPanel("location", "locations.LocationPage")]

    class Meta(PageLink.Meta):
        verbose_name = "locatie van de arts"


def with_links(doctors):
    """The doctors with their live services and campuses prefetched: two queries for any number."""
    services = public_links(DoctorService.objects, "service").order_by("sort_order")
    locations = public_links(DoctorLocation.objects, "location").order_by("sort_order")
    return doctors.prefetch_related(
        Prefetch("service_links", queryset=services), Prefetch("location_links", queryset=locations)
    )


def _doctor_search_text(page: DoctorPage) -> tuple[str, str]:
    # Patients search a doctor by name (the title), by role and by the service they need.
    services = ", ".join(service.title for service in page.live_services())
    intro = " · ".join(part for part in (page.full_name, page.role) if part)
    body = "\n".join(
        part for part in (f"Diensten: {services}" if services else "", page.language_names) if part
    )
    return intro, body


kinds.register(
    kinds.PageKind(
        key="doctor",
        api_type="doctor",
        label="Arts",
        plural="Artsen",
        soort="arts",
        index_slug="artsen",
        format_key="doctors",
        model="doctors.DoctorPage",
        order=70,
        search_text=_doctor_search_text,
        api_segment="doctors",
        api_filters=("service", "location"),
    )
)
