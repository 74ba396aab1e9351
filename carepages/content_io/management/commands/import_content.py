"""manage.py import_content FILE [--dry-run]: the content interchange format v1 (docs/content-format.md)."""

from argparse import ArgumentTypeError

from django.core.management.base import BaseCommand, CommandError
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from carepages.content_io.format import KINDS, MAX_DOCUMENT_MB, printable
from carepages.content_io.importer import ContentImportError, import_document, read_document

#: Files with more entries than this get a progress bar.
PROGRESS_FROM = 300


class Command(BaseCommand):
    help = (
        "Import content (locations, services, pages, conditions) from a carepages-content JSON file. "
        "All-or-nothing: a file with errors changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="path of the JSON file")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="check the file and report what would change, write nothing",
        )
        parser.add_argument(
            "--max-mb",
            type=_megabytes,
            default=MAX_DOCUMENT_MB,
            help=f"refuse files larger than this many megabytes (default {MAX_DOCUMENT_MB})",
        )

    def handle(self, *args, file, dry_run, max_mb, **options):
        try:
            doc = read_document(file, max_mb)
            total = _entry_count(doc)
            if total > PROGRESS_FROM and not dry_run:
                report = self._with_progress(doc, total)
            else:
                report = import_document(doc, dry_run=dry_run)
        except ContentImportError as error:
            for problem in error.problems:
                self.stderr.write(f"  {problem}")
            count = len(error.problems)
            raise CommandError(
                f"{printable(file)}: {count} problem{'s' if count != 1 else ''} found, nothing was imported."
            ) from None
        verb = "would be" if dry_run else "were"
        self.stdout.write(f"{'Dry run: nothing written. ' if dry_run else ''}Per kind, entries that {verb}:")
        for kind, counts in report.summary.items():
            self.stdout.write(
                f"  {kind:<11} created {counts['created']:>6}   updated {counts['updated']:>6}"
                f"   unchanged {counts['unchanged']:>6}"
            )
        if report.cleaned_bodies:
            self.stdout.write(
                f"  {report.cleaned_bodies} section bodies held HTML outside the allowed tags; "
                "they were cleaned."
            )
        if not dry_run:
            self.stdout.write(self.style.SUCCESS("Import done." if report.changed else "Nothing changed."))

    def _with_progress(self, doc, total):
        columns = (TextColumn("Importing"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
        with Progress(*columns, console=Console(file=self.stderr._out)) as progress:
            task = progress.add_task("import", total=total)
            report = import_document(doc, progress=lambda n: progress.advance(task, n))
            progress.update(task, completed=total)
        return report


def _entry_count(doc) -> int:
    # Only for the progress bar: wrong shapes are counted as nothing and reported by the checks.
    if not isinstance(doc, dict):
        return 0
    return sum(len(doc[kind]) for kind in KINDS if isinstance(doc.get(kind), list))


def _megabytes(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise ArgumentTypeError(f"expected a whole number of megabytes (1 or more), not {printable(text)!r}")
    return int(text)
