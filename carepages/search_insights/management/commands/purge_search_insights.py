"""Delete the search counts older than the retention; safe to run from cron at any time."""

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, transaction

from carepages.search_insights.recording import oldest_kept_week, purge, retention_weeks


class Command(BaseCommand):
    help = (
        "Delete the weekly search counts older than SEARCH_INSIGHTS_RETENTION_WEEKS (default 26). "
        "Idempotent: running it twice, or while the site counts searches, is harmless."
    )

    def handle(self, *args, **options):
        try:
            with transaction.atomic():
                deleted = purge()
        except DatabaseError as error:
            raise CommandError(f"Search counts not purged: the database refused ({error}).") from error
        kept = oldest_kept_week()
        self.stdout.write(
            f"Search counts: {deleted} rows deleted; kept the last {retention_weeks()} weeks "
            f"(from the week of {kept:%d/%m/%Y})."
        )
