"""Rebuild the site search's documents from the live pages."""

from django.core.management.base import BaseCommand

from carepages.search.documents import rebuild_all
from carepages.search.models import SearchDocument


class Command(BaseCommand):
    help = "Rebuild the search documents of every live page (after a bulk change made without signals)."

    def handle(self, *args, **options):
        changed = rebuild_all()
        total = SearchDocument.objects.count()
        self.stdout.write(f"Search index: {total} pages, {changed} documents written or removed.")
