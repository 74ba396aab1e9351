"""Texts that appear on every page, kept by editors rather than in templates."""

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField

from . import identity
from .contrast import validate_accent_colour

#: The demo installation's name: clearly not a real hospital, and flagged on the editors'
#: dashboard (placeholders.py) until an editor fills in the real one.
EXAMPLE_NAME = "Voorbeeldziekenhuis"
#: The demo's central number: an obvious example, flagged like the name.
EXAMPLE_PHONE = "03 000 00 00"
#: The colour of the original design: 8.65:1 against white.
DEFAULT_ACCENT = "#00507a"


@register_setting(icon="site")
class HospitalSettings(BaseGenericSetting):
    """The hospital's identity: its name, logo, phone numbers and colour, on every public page."""

    name = models.CharField(
        "naam van het ziekenhuis",
        max_length=100,
        default=EXAMPLE_NAME,
        help_text=(
            "Staat in de kop van elke pagina, in de titel in de browser, op de afdruk en voor zoekmachines."
        ),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="logo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Een SVG of afbeelding. Zonder logo staat de naam als tekst in de kop.",
    )
    phone = models.CharField(
        "algemeen telefoonnummer",
        max_length=50,
        blank=True,
        help_text="Het centrale nummer, zoals patiënten het lezen (met spaties).",
    )
    emergency_phone = models.CharField(
        "noodnummer",
        max_length=50,
        default="112",
        blank=True,
        help_text="Het nummer voor dringende hulp, in de kop en de voettekst.",
    )
    accent_color = models.CharField(
        "accentkleur",
        max_length=7,
        default=DEFAULT_ACCENT,
        validators=[validate_accent_colour],
        help_text=(
            "De kleur van de kop, de knoppen en de links. Ze moet minstens 4,5:1 contrast hebben met wit "
            "(WCAG AA), anders kunnen slechtziende patiënten de tekst niet lezen."
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("logo"),
        MultiFieldPanel([FieldPanel("phone"), FieldPanel("emergency_phone")], heading="Telefoon"),
        FieldPanel("accent_color", widget=forms.TextInput(attrs={"type": "color"})),
    ]

    class Meta:
        verbose_name = "ziekenhuis"

    def __str__(self) -> str:
        return self.name

    @classmethod
    def _get_or_create(cls):
        """Every read (`load`, the templates' `settings`) passes here: remember it for the error pages."""
        hospital = super()._get_or_create()
        identity.remember(hospital)
        return hospital

    def save(self, *args, **kwargs):
        # Remembered at once (a save rolled back is corrected by the next read, which remembers too).
        super().save(*args, **kwargs)
        identity.remember(self)

    @property
    def accent_slug(self) -> str:
        """The colour as it stands in the stylesheet's URL: `00507a`."""
        return self.accent_color.lstrip("#").lower()

    @property
    def accent_css_url(self) -> str:
        return reverse("accent_css", args=[self.accent_slug])


@register_setting(icon="doc-full")
class FooterSettings(BaseGenericSetting):
    """The footer: ombudsdienst, verantwoordelijke uitgever and e-mail (phone numbers: HospitalSettings)."""

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
        help_text="Staat ook als ‘V.U.’ op elke afgedrukte pagina.",
    )
    email = models.EmailField("algemeen e-mailadres", blank=True)
    # Usually pages of the hospital's main website, so addresses rather than pages of this site.
    privacy_url = models.URLField(
        "privacyverklaring",
        blank=True,
        help_text="Volledig adres (https://…) van de privacyverklaring van het ziekenhuis.",
    )
    accessibility_url = models.URLField(
        "toegankelijkheidsverklaring",
        blank=True,
        help_text="Volledig adres (https://…) van de toegankelijkheidsverklaring van deze website.",
    )
    cookies_url = models.URLField(
        "cookiebeleid",
        blank=True,
        help_text="Volledig adres (https://…) van het cookiebeleid, als het ziekenhuis er een heeft.",
    )

    panels = [
        FieldPanel("ombudsdienst"),
        FieldPanel("publisher"),
        MultiFieldPanel([FieldPanel("email")], heading="Contact"),
        MultiFieldPanel(
            [FieldPanel("privacy_url"), FieldPanel("accessibility_url"), FieldPanel("cookies_url")],
            heading="Over deze website",
        ),
    ]

    #: The statements a public hospital site owes its visitors (GDPR, the web accessibility
    #: directive): flagged to editors while empty (placeholders.py).
    REQUIRED_STATEMENTS = ("privacy_url", "accessibility_url")

    def statement_links(self) -> list[tuple[str, str]]:
        """(label, url) of the statements filled in, in the footer's order."""
        names = ("privacy_url", "accessibility_url", "cookies_url")
        return [
            (self._meta.get_field(name).verbose_name.capitalize(), getattr(self, name))
            for name in names
            if getattr(self, name)
        ]

    def missing_statements(self) -> tuple[str, ...]:
        return tuple(
            f"nog in te vullen: {self._meta.get_field(name).verbose_name}"
            for name in self.REQUIRED_STATEMENTS
            if not getattr(self, name)
        )

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
