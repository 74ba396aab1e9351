"""What the site keeps of patients' searches: counts per week and query, nothing else.

No time of day, no IP address, no cookie, no user or session: a row says
"‘valling’ was searched 12 times in the week of 23/11/2026, 9 times without
results". Rows older than the retention (docs/search.md) are deleted.
"""

from django.db import models

#: Longer queries are not kept: a long sentence is likelier to tell something about a person.
MAX_QUERY_CHARS = 100


class WeeklySearch(models.Model):
    week = models.DateField("week", help_text="De maandag van de ISO-week.")
    query = models.CharField("zoekopdracht", max_length=MAX_QUERY_CHARS)
    searches = models.PositiveIntegerField("keer gezocht", default=0)
    without_results = models.PositiveIntegerField("zonder resultaten", default=0)
    poor_results = models.PositiveIntegerField("weinig resultaten", default=0)

    class Meta:
        verbose_name = "zoekopdracht per week"
        verbose_name_plural = "zoekopdrachten per week"
        constraints = [
            # The upsert in recording.py relies on it: one row per week and query.
            models.UniqueConstraint(fields=["week", "query"], name="search_insights_one_row_per_week_query"),
        ]
        indexes = [models.Index(fields=["week", "-searches"], name="search_insights_week_top")]

    def __str__(self) -> str:
        return f"{self.query} ({self.week:%d/%m/%Y}: {self.searches}×)"

    @property
    def unanswered(self) -> int:
        """Searches that found nothing or little."""
        return self.without_results + self.poor_results
