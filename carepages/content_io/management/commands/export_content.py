"""manage.py export_content FILE: the published site in the content format (docs/content-format.md)."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand

from carepages.content_io.exporter import export_document
from carepages.content_io.format import KINDS


class Command(BaseCommand):
    help = (
        "Export the published locations, services, doctors, pages and conditions "
        "as a carepages-content JSON file."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="path of the JSON file to write, or - for standard output")

    def handle(self, *args, file, **options):
        doc = export_document()
        text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
        if file == "-":
            self.stdout.write(text, ending="")
            return
        Path(file).write_text(text, encoding="utf-8")
        counts = ", ".join(f"{len(doc[kind])} {kind}" for kind in KINDS)
        self.stdout.write(self.style.SUCCESS(f"Exported {counts} to {file}."))
