"""What every patient-facing content page shares."""

from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, URLValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.rich_text import expand_db_html

from carepages.core.visibility import public_target
from carepages.site_settings.models import ReviewSettings

from .blocks import SECTION_BLOCKS, clean_html


def validate_not_future_year(year: int) -> None:
    if year > timezone.localdate().year:
        raise ValidationError(f"{year} ligt in de toekomst.")


def validate_not_future_date(day: date) -> None:
    if day > timezone.localdate():
        raise ValidationError("Die datum ligt in de toekomst.")


def published_on(page) -> date | None:
    """The local day a page was last published (its first publication if never republished)."""
    published = page.last_published_at or page.first_published_at
    return timezone.localdate(published) if published else None


class ReviewedMixin(models.Model):
    """A page with two dates that must not be confused (docs/editors.md, "Nazicht"):

    * `updated_on`, shown as "Laatst bijgewerkt op": the last change of the content.
      Left empty, it follows the last publication, so a fresh page never shows an
      old date and an editor can still backdate an import (`last_updated`).
    * `reviewed_on`, shown as "Laatst nagekeken op": the day a reviewer confirmed the
      page, with or without changes. The next review is due a site-wide period later
      (ReviewSettings) unless `next_review_on` overrides it.
    """

    updated_on = models.DateField(
        "laatst bijgewerkt op",
        null=True,
        blank=True,
        help_text="Leeg laten: de publicatiedatum wordt getoond als ‘Laatst bijgewerkt op’.",
    )
    # Usually set by the "Nagekeken, geen wijziging" action without a new revision;
    # with_content_json keeps such a review when an older draft is edited or published.
    reviewed_on = models.DateField(
        "laatst nagekeken op",
        null=True,
        blank=True,
        validators=[validate_not_future_date],
        help_text="Normaal gezet met ‘Nagekeken, geen wijziging’ in het menu onderaan.",
    )
    next_review_on = models.DateField(
        "volgende controle",
        null=True,
        blank=True,
        help_text="Leeg laten: de standaardtermijn van de site na ‘laatst nagekeken op’.",
    )

    class Meta:
        abstract = True

    @property
    def last_updated(self) -> date | None:
        return self.updated_on or published_on(self)

    def next_review_due(self, period_years: int) -> date | None:
        """The override, else `period_years` after the last review (or, never reviewed, the last update)."""
        if self.next_review_on:
            return self.next_review_on
        start = self.reviewed_on or self.last_updated
        return add_years(start, period_years) if start else None

    @property
    def next_review(self) -> date | None:
        return self.next_review_due(ReviewSettings.load().review_period_years)

    # The page, its JSON-LD and the API each show reviewers and sources: one query each per page.
    @cached_property
    def listed_reviewers(self) -> list:
        # A reviewer's doctor comes in the same query: the line links to the doctor's page.
        reviewers = self.reviewers.select_related("doctor")
        if isinstance(reviewers, models.QuerySet):  # not in a preview, where they are in memory
            reviewers = reviewers.annotate(doctor_is_public=Q(**public_target("doctor")))
        return list(reviewers)

    @cached_property
    def listed_sources(self) -> list:
        return list(self.sources.all())

    def with_content_json(self, content):
        # A review recorded with the action lives on the page row, not in a revision:
        # editing, publishing or reverting an older draft must not undo it. The later
        # date wins, so an editor can still enter a review made elsewhere.
        # The row is read from the database: `self` may be the editor's unsaved form object.
        page = super().with_content_json(content)
        on_record = type(self).objects.filter(pk=self.pk).values_list("reviewed_on", flat=True).first()
        dates = [day for day in (page.reviewed_on, on_record) if day]
        page.reviewed_on = max(dates) if dates else None
        return page


def add_years(day: date, years: int) -> date:
    """The same day `years` later; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


class Reviewer(Orderable):
    """A person who reviewed a page: a doctor from /artsen/, or a name and a role.

    With a doctor chosen, the page shows the doctor's name, title and role and links
    to the doctor's page; name and role stay for reviewers who are not doctors (and
    keep the doctor's name should the doctor's page be deleted later).
    """

    doctor = models.ForeignKey(
        "doctors.DoctorPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="arts",
        help_text="Kies de arts als die een pagina op de site heeft; anders vul je naam en rol in.",
    )
    name = models.CharField("naam", max_length=200, blank=True)
    role = models.CharField("rol", max_length=200, blank=True, help_text="Bv. ‘diensthoofd orthopedie’.")

    panels = [
        PageChooserPanel("doctor", "doctors.DoctorPage"),
        FieldPanel("name"),
        FieldPanel("role"),
    ]

    class Meta(Orderable.Meta):
        abstract = True
        verbose_name = "nazichter"
        verbose_name_plural = "nagekeken door"

    def clean(self):
        super().clean()
        if self.doctor_id is None and not self.name.strip():
            raise ValidationError({"name": "Kies een arts of vul een naam in."})
        if self.doctor_id and not self.name.strip():
            # A copy of the name survives the doctor's page; the page shows the doctor's own.
            self.name = self.doctor.full_name

    @property
    def linked_doctor(self):
        """The doctor's page when it is published: only then do patients get a link to it."""
        doctor = self.doctor
        # Listed reviewers know in their one query whether the page is public (not behind a restriction).
        public = getattr(self, "doctor_is_public", doctor is not None and doctor.live)
        return doctor if doctor is not None and public else None

    @property
    def display_name(self) -> str:
        doctor = self.linked_doctor
        if doctor:
            return doctor.full_name
        # A reviewer imported by the doctor's slug alone has no name of its own.
        return self.name or (self.doctor.full_name if self.doctor else "")

    @property
    def display_role(self) -> str:
        doctor = self.linked_doctor
        return (doctor.role or self.role) if doctor else self.role

    def __str__(self) -> str:
        return f"{self.display_name}, {self.display_role}" if self.display_role else self.display_name

    def as_data(self) -> dict[str, str | None]:
        doctor = self.linked_doctor
        return {
            "name": self.display_name,
            "role": self.display_role,
            "doctor": doctor.slug if doctor else None,
        }


class PageLink(Orderable):
    """A row of a page's inline list that links it to another page, in the editor's order:
    a condition's services and "Zie ook", a service's campuses, a doctor's services and campuses.

    Each subclass declares the two keys itself: `page`, the ParentalKey to the page that
    holds the list, and the foreign key to the linked page. Their related names
    (`service_links`, `doctor_links`, …) are what the other side's queries read and
    differ per pair, so they cannot be declared here without renaming them.
    Listings show only the rows whose linked page is public (`visibility.public_links`).
    """

    class Meta(Orderable.Meta):
        abstract = True


class Source(Orderable):
    """An entry of the page's "Bronnen": what the text was checked against."""

    title = models.CharField("titel", max_length=300)
    publisher = models.CharField("uitgever", max_length=200, blank=True, help_text="Bv. ‘Domus Medica’.")
    year = models.PositiveSmallIntegerField(
        "jaar", null=True, blank=True, validators=[MinValueValidator(1900), validate_not_future_year]
    )
    url = models.URLField(
        "link",
        max_length=500,
        blank=True,
        validators=[
            URLValidator(schemes=["http", "https"], message="Geef een webadres dat met https:// begint.")
        ],
        help_text="Een adres dat met https:// of http:// begint.",
    )

    panels = [FieldPanel("title"), FieldPanel("publisher"), FieldPanel("year"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        abstract = True
        verbose_name = "bron"
        verbose_name_plural = "bronnen"

    def __str__(self) -> str:
        return self.title

    def as_data(self) -> dict:
        return {"title": self.title, "publisher": self.publisher, "year": self.year, "url": self.url}


class IndexPage(Page):
    """An index under the home page (/aandoeningen/, /behandelingen/, …): a title, an intro, its pages.

    Abstract: each index keeps its own table; its template extends core/index_page.html.
    """

    intro = models.TextField("inleiding", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    max_count = 1

    class Meta:
        abstract = True


class SectionsMixin(models.Model):
    """An intro under the title, then question-headed sections."""

    intro = models.TextField(
        "definitie",
        blank=True,
        help_text="Eén of twee zinnen onder de titel, in gewone taal.",
    )
    sections = StreamField(SECTION_BLOCKS, blank=True, verbose_name="secties")

    class Meta:
        abstract = True

    content_panels_extra = [FieldPanel("intro"), FieldPanel("sections")]

    def section_data(self) -> list[dict[str, str]]:
        """The sections as plain data, `{"heading", "body"}` each: what the export and the API carry.

        Bodies are cleaned to the allowed tags (core.blocks) and links an editor
        chose in the admin become URLs.
        """
        # raw_data skips building block values: the body's source is what the data carries.
        sections = []
        for block in self.sections.raw_data:
            if block.get("type") != "section":
                continue
            value = block.get("value") or {}
            body = value.get("body") or ""
            if "linktype=" in body:
                # Links an editor chose in the admin are stored by page id; the data carries URLs.
                body = expand_db_html(body)
            sections.append({"heading": value.get("heading") or "", "body": clean_html(body)})
        return sections


class PageImageMixin(models.Model):
    """An optional photo or illustration an editor adds to a page (or a doctor's photo).

    The alternative text is required with an image: the image's own title or
    description is written for the media library, not for a patient who cannot
    see it. Images are not part of the content format: import and export leave
    them alone (docs/design.md, "Images"). Shown by core/page_image.html.
    """

    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="afbeelding",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Niet verplicht. Een foto of tekening die de tekst helpt begrijpen; "
        "geen tekst in de afbeelding.",
    )
    image_alt = models.CharField(
        "alternatieve tekst",
        max_length=255,
        blank=True,
        help_text="Verplicht bij een afbeelding: wat er te zien is, voor wie de afbeelding niet ziet.",
    )

    class Meta:
        abstract = True

    image_panels = [MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading="Afbeelding")]

    def clean(self):
        super().clean()
        if self.image_id and not self.image_alt.strip():
            raise ValidationError(
                {"image_alt": "Beschrijf de afbeelding voor wie ze niet ziet (alternatieve tekst)."}
            )
