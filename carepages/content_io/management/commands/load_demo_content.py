"""Load the demo content: the seed page on back pain and what it links to.

Safe to run twice: content that is already there is left as it is, so
an editor's changes to the demo pages survive `make run`.
"""

import json
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand

from carepages.conditions.models import ConditionPage
from carepages.content_io.importer import import_document
from carepages.content_io.site_structure import ensure_site_structure
from carepages.site_settings.models import EXAMPLE_PHONE, FooterSettings, HospitalSettings

DEMO_FILE = Path(__file__).resolve().parents[2] / "demo" / "demo_content.json"

FOOTER_EXAMPLE = (
    "<p>Voorbeeldtekst van de demo-installatie: vul hier in hoe patiënten de ombudsdienst bereiken.</p>"
)
PUBLISHER_EXAMPLE = (
    "<p>Voorbeeldtekst van de demo-installatie: vul hier de verantwoordelijke uitgever in.</p>"
)


class Command(BaseCommand):
    help = "Load the demo content once (the seed page on back pain, its service, campuses and links)."

    def handle(self, *args, **options):
        ensure_site_structure()
        if ConditionPage.objects.exists():
            self.stdout.write("Demo content: already loaded, nothing changed.")
            return
        import_document(json.loads(DEMO_FILE.read_text(encoding="utf-8")))
        footer = FooterSettings.load()
        if not footer.ombudsdienst:
            footer.ombudsdienst = FOOTER_EXAMPLE
            footer.publisher = PUBLISHER_EXAMPLE
            footer.save()
        hospital = HospitalSettings.load()
        if not hospital.phone:
            # An obvious example number (flagged on the dashboard), so the header shows where it goes.
            hospital.phone = EXAMPLE_PHONE
            hospital.save()
        call_command("update_index", verbosity=0)
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))
