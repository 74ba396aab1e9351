"""What every patient-facing content page shares."""

from datetime import date

from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField

from .blocks import SECTION_BLOCKS


class ReviewedMixin(models.Model):
    """A page whose "Laatst bijgewerkt op" date an editor controls.

    Left empty, the date follows the last publication, so a fresh page
    never shows an old date and an editor can still backdate an import.
    """

    last_reviewed = models.DateField(
        "laatst nagekeken op",
        null=True,
        blank=True,
        help_text="Leeg laten: de publicatiedatum wordt getoond als ‘Laatst bijgewerkt op’.",
    )

    class Meta:
        abstract = True

    @property
    def last_updated(self) -> date | None:
        if self.last_reviewed:
            return self.last_reviewed
        published = self.last_published_at or self.first_published_at
        return timezone.localdate(published) if published else None


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
