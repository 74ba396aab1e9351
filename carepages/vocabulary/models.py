"""The lay vocabulary: words patients use, mapped to the words the pages use.

A row says "patients who type `term` mean `means`" (valling → verkoudheid).
`means` is a medical word, not a page: the search expands a query with it and
finds whichever pages use it, so the same rows work on any hospital's content.
"""

from django.core.exceptions import ValidationError
from django.db import models

from carepages.language import analysis


class LayTerm(models.Model):
    class Kind(models.TextChoices):
        FLEMISH = "be", "Belgisch-Nederlands"
        NETHERLANDS = "nl", "Nederlands uit Nederland"
        FOLK = "volks", "Volksnaam"
        ENGLISH = "en", "Engels leenwoord"
        FRENCH = "fr", "Frans leenwoord"
        SPELLING = "spelling", "Schrijfwijze zoals men het hoort"

    term = models.CharField(
        "lekenterm",
        max_length=100,
        unique=True,
        help_text="Het woord dat patiënten typen, bijvoorbeeld ‘valling’.",
    )
    means = models.CharField(
        "betekent",
        max_length=200,
        help_text="Het woord dat de pagina's gebruiken, bijvoorbeeld ‘verkoudheid’.",
    )
    kind = models.CharField("soort", max_length=20, choices=Kind.choices, default=Kind.FLEMISH)
    on_pages = models.BooleanField(
        "tonen op de pagina",
        default=False,
        help_text="Toon de term bij ‘Ook bekend als’ op de pagina die hij bedoelt en als "
        "‘zie’-verwijzing in de lijst van A tot Z. Laat uit voor spreektaal die op een pagina "
        "vreemd staat (‘kotsen’). De zoekfunctie gebruikt de term altijd.",
    )
    source = models.CharField(
        "bron",
        max_length=300,
        blank=True,
        help_text="Waar de betekenis vandaan komt, als ze niet algemeen bekend is.",
    )

    class Meta:
        ordering = ["term"]
        verbose_name = "lekenterm"
        verbose_name_plural = "lekentaal"

    def __str__(self):
        return f"{self.term} → {self.means}"

    def clean(self):
        errors = {}
        if not analysis.words(self.term):
            errors["term"] = "Geef een woord met letters of cijfers."
        if not any(analysis.words(part) for part in self.means.split(",")):
            errors["means"] = "Geef minstens één woord dat de pagina's gebruiken."
        if errors:
            raise ValidationError(errors)
