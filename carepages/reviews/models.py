"""What the reminders remember, so that cron can run them as often as it likes."""

from django.db import models


class ReviewReminder(models.Model):
    """One reminder sent for one page in one due state.

    A page is reminded once when its review comes within the notice period and once
    when it is overdue; recording a review moves its due date, which starts afresh.
    """

    class State(models.TextChoices):
        DUE_SOON = "due_soon", "binnenkort"
        OVERDUE = "overdue", "te laat"

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    due_on = models.DateField("volgende controle")
    state = models.CharField(max_length=10, choices=State.choices)
    sent_at = models.DateTimeField(auto_now_add=True)
    recipients = models.TextField(blank=True, help_text="De adressen, één per regel.")

    class Meta:
        verbose_name = "herinnering voor nazicht"
        constraints = [
            models.UniqueConstraint(fields=["page", "due_on", "state"], name="one_reminder_per_due_state"),
        ]

    def __str__(self) -> str:
        return f"{self.page_id} {self.state} {self.due_on}"
