"""What the site keeps of "Was deze informatie nuttig?": the answer, never who gave it.

A Feedback row says "on the page Rugpijn, on 02/07/2024, someone answered no and wrote
'…'". No time of day, no IP address, no cookie, no user or session; the comment is
scrubbed of e-mail addresses and numbers before it is stored (privacy.py).

FeedbackThrottle holds the rate limit: one row per keyed hash of (visitor address,
hour). The hash cannot be turned back into an address without the SECRET_KEY, and it
changes every hour, so rows of different hours cannot be linked; rows of past hours
are deleted at the next feedback (throttle.py).
"""

from django.db import models
from django.utils import timezone

#: Longer comments are refused: a short remark is what the form asks for.
MAX_COMMENT_CHARS = 1000


class Feedback(models.Model):
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name="pagina", on_delete=models.CASCADE, related_name="feedback"
    )
    useful = models.BooleanField("nuttig")
    comment = models.TextField("opmerking", blank=True, max_length=MAX_COMMENT_CHARS)
    day = models.DateField("dag", default=timezone.localdate)

    class Meta:
        verbose_name = "feedback"
        verbose_name_plural = "feedback"
        indexes = [models.Index(fields=["page", "-day"], name="feedback_page_day")]

    def __str__(self) -> str:
        return f"{'Ja' if self.useful else 'Nee'} ({self.day:%d/%m/%Y})"

    @property
    def answer(self) -> str:
        return "Ja" if self.useful else "Nee"

    @property
    def day_label(self) -> str:
        return f"{self.day:%d/%m/%Y}"


class FeedbackThrottle(models.Model):
    key = models.CharField(max_length=64, unique=True)
    hour = models.DateTimeField(db_index=True)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "feedbacklimiet"
        verbose_name_plural = "feedbacklimieten"

    def __str__(self) -> str:
        return f"{self.count}× in het uur van {self.hour:%d/%m/%Y %H:%M}"
