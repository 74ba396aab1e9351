"""How long feedback is kept: FEEDBACK_RETENTION_DAYS (docs/operations.md, "Data that expires").

An answer is kept for the retention counted from its day, then `purge_feedback`
deletes it. The site itself never needs old answers: the report shows what is there.
"""

from datetime import date, timedelta

from django.conf import settings
from django.utils import timezone

from .models import Feedback, FeedbackThrottle
from .throttle import this_hour

DEFAULT_RETENTION_DAYS = 730


def retention_days() -> int:
    return max(1, getattr(settings, "FEEDBACK_RETENTION_DAYS", DEFAULT_RETENTION_DAYS))


def oldest_kept_day(today: date | None = None) -> date:
    """The first day whose answers are kept: today is day 1 of the retention."""
    return (today or timezone.localdate()) - timedelta(days=retention_days() - 1)


def purge(today: date | None = None) -> tuple[int, int]:
    """Delete the answers past the retention and the rate-limit rows of past hours: how many of each."""
    answers, _ = Feedback.objects.filter(day__lt=oldest_kept_day(today)).delete()
    # The form deletes these at the next answer; a quiet site keeps them until this runs.
    throttles, _ = FeedbackThrottle.objects.filter(hour__lt=this_hour()).delete()
    return answers, throttles
