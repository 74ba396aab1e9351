"""Texts that appear on every page, kept by editors rather than in templates."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField


@register_setting(icon="site")
class FooterSettings(BaseGenericSetting):
    """The footer: ombudsdienst, verantwoordelijke uitgever and contact data."""

    ombudsdienst = RichTextField(
        "info ombudsdienst",
        blank=True,
        features=["bold", "italic", "link"],
        help_text="Hoe patiënten de ombudsdienst bereiken.",
    )
    publisher = RichTextField(
        "verantwoordelijke uitgever",
        blank=True,
        features=["bold", "italic", "link"],
    )
    phone = models.CharField("algemeen telefoonnummer", max_length=50, blank=True)
    email = models.EmailField("algemeen e-mailadres", blank=True)

    panels = [
        FieldPanel("ombudsdienst"),
        FieldPanel("publisher"),
        MultiFieldPanel([FieldPanel("phone"), FieldPanel("email")], heading="Contact"),
    ]

    class Meta:
        verbose_name = "voettekst en contact"


@register_setting(icon="date")
class ReviewSettings(BaseGenericSetting):
    """How often a patient page is reviewed (docs/editors.md, "Nazicht")."""

    review_period_years = models.PositiveSmallIntegerField(
        "termijn tot de volgende controle (jaren)",
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
        help_text="Zoveel jaar na ‘laatst nagekeken op’ is een pagina weer aan de beurt, "
        "tenzij de pagina zelf een andere datum heeft.",
    )

    panels = [FieldPanel("review_period_years")]

    class Meta:
        verbose_name = "nazicht van pagina's"
