"""Daily: e-mail the people who answer for a page when its review comes due (docs/editors.md).

Idempotent and safe under cron: each page is reminded once per due state (due
within 30 days, overdue), recorded in the same transaction as the mail is sent,
so a run that fails halfway is simply repeated the next time, and two runs at
once send one mail (the second waits on the first's row and finds it taken).
"""

from django.conf import settings
from django.core.mail import send_mail
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.urls import reverse

from carepages.core.templatetags.carepages_tags import nl_date
from carepages.reviews.due import DuePage, due_pages, recipients
from carepages.reviews.models import ReviewReminder


class Command(BaseCommand):
    help = "E-mail page owners and service editors about pages due for review (once per due state)."

    def handle(self, *args, **options):
        sent = failed = 0
        for item in due_pages():
            to = recipients(item)
            if not to:
                self.stderr.write(
                    f"‘{item.page.title}’ (page {item.page.pk}): no owner or service editor to remind"
                )
                continue
            try:
                sent += self._remind(item, to)
            except Exception as error:  # noqa: BLE001 - one bad address or mail server hiccup must not stop the rest
                failed += 1
                self.stderr.write(
                    f"‘{item.page.title}’ (page {item.page.pk}): not sent ({error}); retried next run"
                )
        self.stdout.write(f"{sent} reminder(s) sent.")
        if failed:
            raise CommandError(f"{failed} reminder(s) could not be sent.")

    def _remind(self, item: DuePage, to: list[str]) -> int:
        with transaction.atomic():
            _, created = ReviewReminder.objects.get_or_create(
                page=item.page, due_on=item.due, state=item.state, defaults={"recipients": "\n".join(to)}
            )
            if not created:
                return 0
            subject, body = message(item)
            send_mail(subject, body, None, to)
        return 1


def message(item: DuePage) -> tuple[str, str]:
    title, due = item.page.title, nl_date(item.due)
    edit_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "wagtailadmin_pages:edit", args=[item.page.pk]
    )
    if item.overdue:
        subject = f"Nazicht te laat: {title} (volgende controle was {due})"
    else:
        subject = f"Nazicht binnenkort: {title} (volgende controle {due})"
    services = ", ".join(service.title for service in item.services) or "geen dienst"
    body = (
        f"Dag,\n\nDe pagina ‘{title}’ ({services}) moet nagekeken worden: de volgende controle "
        f"{'was' if item.overdue else 'is'} op {due}.\n\n"
        f"Open de pagina: {edit_url}\n\n"
        "Klopt alles nog? Kies dan in de editor ‘Nagekeken, geen wijziging’. Moet er iets veranderen? "
        "Pas de pagina aan, publiceer ze en kies daarna ‘Nagekeken, geen wijziging’.\n\n"
        "Je krijgt deze e-mail omdat je eigenaar van de pagina bent of redacteur van de dienst.\n"
    )
    return subject, body
