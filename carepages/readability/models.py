from django.db import models


class ReadabilityScore(models.Model):
    """The readability of a page's published version, so the dashboard need not analyse every page.

    Written when the page is published (scores.py); a live page without one gets it the
    first time the dashboard asks.
    """

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, primary_key=True, related_name="readability_score"
    )
    score = models.FloatField("Flesch–Douma-score")
    level = models.CharField("niveau", max_length=3)
    words = models.PositiveIntegerField("woorden")
    long_sentences = models.PositiveIntegerField("lange zinnen")
    jargon = models.PositiveIntegerField("mogelijk vakjargon")
    passives = models.PositiveIntegerField("mogelijk lijdende vorm")
    updated_at = models.DateTimeField("berekend op", auto_now=True)

    class Meta:
        verbose_name = "leesbaarheidsscore"
        verbose_name_plural = "leesbaarheidsscores"
        indexes = [models.Index(fields=["score"], name="readability_score_idx")]

    def __str__(self):
        return f"{self.page_id}: {self.score} ({self.level})"
