"""Delete the feedback older than the retention; safe to run from cron at any time."""

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, transaction

from carepages.feedback.retention import oldest_kept_day, purge, retention_days


class Command(BaseCommand):
    help = (
        "Delete the feedback answers older than FEEDBACK_RETENTION_DAYS (default 730, two years) "
        "and the form's rate-limit rows of past hours. Idempotent: running it twice, or while "
        "patients send feedback, is harmless."
    )

    def handle(self, *args, **options):
        try:
            with transaction.atomic():
                answers, throttles = purge()
        except DatabaseError as error:
            raise CommandError(f"Feedback not purged: the database refused ({error}).") from error
        self.stdout.write(
            f"Feedback: {_count(answers, 'answer')} deleted; kept the last {retention_days()} days "
            f"(from {oldest_kept_day():%d/%m/%Y}); "
            f"{_count(throttles, 'rate-limit row')} of past hours deleted."
        )


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
