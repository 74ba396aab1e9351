"""What every patient-facing content page shares."""

from datetime import date

from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.rich_text import expand_db_html

from .blocks import SECTION_BLOCKS, clean_html


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
