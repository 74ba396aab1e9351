"""manage.py load_vocabulary [FILE] [--update]: the reviewed lay vocabulary into the admin's table."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from carepages.vocabulary.data import DATA_FILE, VocabularyFileError, load, read_rows
from carepages.vocabulary.models import LayTerm
from carepages.vocabulary.signals import terms_changed


class Command(BaseCommand):
    help = (
        "Adds the terms of the lay vocabulary file (default: the repository's lekentaal.tsv) "
        "that the table does not have yet. --update also overwrites terms the editors changed."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", default=str(DATA_FILE))
        parser.add_argument("--update", action="store_true", help="overwrite existing terms from the file")

    def handle(self, *args, file, update, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"{file}: no such file")
        try:
            rows = read_rows(path)
        except (VocabularyFileError, UnicodeDecodeError) as error:
            raise CommandError(str(error)) from error
        with transaction.atomic():
            added, updated = load(LayTerm, rows, update=update)
            if added or updated:
                # Loaded in bulk, without save signals: the search and the publish cache follow this one.
                terms_changed.send(sender=LayTerm)
        self.stdout.write(f"Lay vocabulary: {added} terms added, {updated} updated, {len(rows)} in the file.")
