"""Campuses ("locaties") of the hospital group."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.html import strip_tags
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.rich_text import expand_db_html
from wagtail.search import index

from carepages.core import kinds
from carepages.core.blocks import clean_html
from carepages.core.models import IndexPage
from carepages.core.visibility import pages_of, public_links, public_pages

from . import hours

#: What a route text may hold: the tags of a section body (core.blocks.ALLOWED_TAGS).
ROUTE_FEATURES = ["h3", "bold", "italic", "ol", "ul", "link"]


class LocationIndexPage(IndexPage):
    """/locaties/: every campus with the services present there."""

    subpage_types = ["locations.LocationPage"]

    class Meta:
        verbose_name = "overzicht locaties"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        links = Prefetch("service_links", queryset=_live_service_links(), to_attr="prefetched_service_links")
        locations = (
            public_pages(LocationPage.objects.child_of(self)).order_by("title").prefetch_related(links)
        )
        context["locations"] = [(loc, pages_of(loc.prefetched_service_links)) for loc in locations]
        return context


class LocationPage(Page):
    """One campus: where it is and which services are present there."""

    address = models.TextField(
        "adres (vrije tekst)",
        blank=True,
        help_text="Alleen getoond wanneer straat, postcode en gemeente leeg zijn.",
    )
    street = models.CharField("straat en nummer", max_length=255, blank=True)
    postal_code = models.CharField("postcode", max_length=10, blank=True)
    city = models.CharField("gemeente", max_length=100, blank=True)
    phone = models.CharField("telefoon", max_length=50, blank=True)
    email = models.EmailField("e-mail", blank=True)
    latitude = models.DecimalField(
        "breedtegraad",
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(-90)), MaxValueValidator(Decimal(90))],
        help_text="WGS84, bv. 51.180000 (zoals OpenStreetMap het toont).",
    )
    longitude = models.DecimalField(
        "lengtegraad",
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(-180)), MaxValueValidator(Decimal(180))],
        help_text="WGS84, bv. 4.410000.",
    )
    opening_hours = StreamField(hours.HOURS_BLOCKS, blank=True, verbose_name="openings- en bezoekuren")
    hours_exceptions = StreamField(
        hours.EXCEPTION_BLOCKS,
        blank=True,
        verbose_name="uitzonderingen op de uren",
        help_text="Feestdagen en sluitingen; voorbije data verdwijnen vanzelf van de pagina.",
    )
    # Not `route`: that is the Page method that serves URLs.
    directions = RichTextField(
        "route",
        blank=True,
        features=ROUTE_FEATURES,
        help_text="Openbaar vervoer, auto, parking en fiets.",
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("street"),
                FieldRowPanel([FieldPanel("postal_code"), FieldPanel("city")]),
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading="Adres",
        ),
        MultiFieldPanel([FieldPanel("phone"), FieldPanel("email")], heading="Contact"),
        FieldPanel("opening_hours"),
        FieldPanel("hours_exceptions"),
        FieldPanel("directions"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("address"),
        index.SearchField("street"),
        index.SearchField("city"),
        index.SearchField("postal_code"),
    ]
    parent_page_types = ["locations.LocationIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "locatie"
        verbose_name_plural = "locaties"

    def clean(self):
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            missing = "longitude" if self.longitude is None else "latitude"
            raise ValidationError(
                {missing: "Vul breedte- en lengtegraad allebei in, of laat ze allebei leeg."}
            )

    @property
    def address_lines(self) -> list[str]:
        """The address as printed on an envelope; the free text when the structured one is empty."""
        town = " ".join(part for part in (self.postal_code, self.city) if part)
        lines = [line for line in (self.street, town) if line]
        return lines or [line.strip() for line in self.address.splitlines() if line.strip()]

    @property
    def has_geo(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    @property
    def map_url(self) -> str:
        """OpenStreetMap at street level: a link, never an embedded map (no third-party request)."""
        if not self.has_geo:
            return ""
        lat, lon = f"{self.latitude:f}", f"{self.longitude:f}"
        return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}"

    @property
    def has_route(self) -> bool:
        # The rich text editor saves an emptied field as markup without text ("<p></p>").
        return bool(strip_tags(self.directions).strip())

    @property
    def route_html(self) -> str:
        """The route as cleaned HTML with URLs (what the export and the API carry)."""
        if not self.has_route:
            return ""
        html = expand_db_html(self.directions) if "linktype=" in self.directions else self.directions
        return clean_html(html)

    def opening_hours_specification(self) -> list[dict]:
        return hours.schema_specs(self.opening_hours, self.hours_exceptions)

    def hours_groups(self) -> list[tuple[str, list[str]]]:
        return hours.grouped_hours(self.opening_hours)

    def upcoming_exceptions(self, today: datetime.date | None = None) -> list[str]:
        """The exceptions that still matter, soonest first: past ones would only confuse."""
        today = today or timezone.localdate()
        values = [block.value for block in self.hours_exceptions]
        current = [v for v in values if (v["end"] or v["start"]) >= today]
        return [hours.exception_line(v) for v in sorted(current, key=lambda v: v["start"])]

    def missing_details(self) -> tuple[str, ...]:
        """What patients would look for and the editors have not filled in (placeholder panel)."""
        wanted = {
            "adres": self.address_lines,
            "telefoon": self.phone,
            "openingsuren": len(self.opening_hours),
            "route": self.has_route,
        }
        return tuple(f"nog in te vullen: {name}" for name, value in wanted.items() if not value)

    def live_service_links(self) -> list:
        """One link row per published service on this campus, by name, with its phone and route here."""
        links = public_links(self.service_links, "page").order_by(*BY_NAME)
        return list({link.page_id: link for link in links}.values())

    def live_services(self) -> list:
        """The published services present on this campus, by name: one query."""
        return [link.page for link in self.live_service_links()]

    def live_doctors(self) -> list:
        """The published, public doctors who see patients on this campus, by name: one query.

        The doctors' app sits above this one: its rows are reached through their reverse
        relation (`doctor_links`), as the services are.
        """
        return pages_of(public_links(self.doctor_links, "page").order_by(*BY_NAME))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["service_links"] = self.live_service_links()
        context["services"] = [link.page for link in context["service_links"]]
        doctors = self.live_doctors()
        context["doctors"] = doctors[:MAX_DOCTOR_CARDS]
        context["doctor_count"] = len(doctors)
        # /artsen/ is fixed by the public URLs (docs/urls.md); its filter lists them all.
        context["all_doctors_url"] = f"/{kinds.get('doctor').index_slug}/?locatie={self.slug}"
        return context


#: Link rows ordered by their service's (or doctor's) name.
BY_NAME = ("page__title", "page_id")

#: Doctor cards on a campus page; with more, a link to the doctors' list filtered on the campus.
MAX_DOCTOR_CARDS = 6


def _live_service_links():
    # The rows that link services to campuses belong to the services app, which
    # sits above this one: reach them through the reverse relation, not an import.
    link_model = LocationPage._meta.get_field("service_links").related_model
    return public_links(link_model.objects, "page").order_by(*BY_NAME)


def _location_search_text(page: "LocationPage") -> tuple[str, str]:
    # A campus's address is its definition: patients search it by town ("ziekenhuis merksem").
    return "\n".join(part for part in (*page.address_lines, page.phone) if part), ""


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
        api_segment="locations",
    )
)
