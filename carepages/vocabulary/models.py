"""The lay vocabulary: words patients use, mapped to the words the pages use.

A row says "patients who type `term` mean `means`" (valling → verkoudheid).
`means` is a medical word, not a page: the search expands a query with it and
finds whichever pages use it, so the same rows work on any hospital's content.
"""

from django.db import models


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
