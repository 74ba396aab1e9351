"""Editors are told: the dashboard panel and the daily reminders."""

import datetime
import io

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.mail.backends import locmem
from django.core.management import CommandError, call_command
from django.urls import reverse

from carepages.conditions.factories import ConditionPageFactory
from carepages.core.testing import read, text
from carepages.infopages.factories import InfoPageFactory
from carepages.infopages.models import Kind
from carepages.reviews.due import due_pages as due_pages_now
from carepages.services.factories import ServicePageFactory


def reviewed(page, on: datetime.date):
    """The page published, last reviewed `on` (set on the row: a form keeps the later date)."""
    page.save_revision().publish()
    type(page).objects.filter(pk=page.pk).update(reviewed_on=on)
    page.reviewed_on = on
    return page


@pytest.fixture
def due_pages(site_structure, rug, hernia, django_user_model, today):
    """Hernia (Rugcentrum) overdue, Ischias (Rugcentrum, Pijnkliniek) due in 20 days,
    Kine (no service) overdue, Acne due in two months: not yet."""
    pijn = ServicePageFactory(parent=site_structure.services, title="Pijnkliniek", slug="pijnkliniek")
    conditions = site_structure.conditions
    reviewed(hernia, datetime.date(2023, 1, 10))
    reviewed(
        ConditionPageFactory(parent=conditions, title="Ischias", slug="ischias", services=[rug, pijn]),
        datetime.date(2023, 3, 22),
    )
    reviewed(
        InfoPageFactory(parent=site_structure.info[Kind.TREATMENT], title="Kine", slug="kine"),
        datetime.date(2022, 1, 1),
    )
    reviewed(ConditionPageFactory(parent=conditions, title="Acne", slug="acne"), datetime.date(2023, 5, 2))
    return {"pijnkliniek": pijn}


def test_dashboard_lists_overdue_and_soon_due_pages_by_service(editor, due_pages, hernia):
    dashboard = read(editor.get(reverse("wagtailadmin_home")))
    (panel,) = [s for s in dashboard.find_all("section") if "Nazicht: te laat en binnen 30 dagen" in text(s)]
    groups = {
        text(h3): [
            (text(tr.find("td")), text(tr.find_all("td")[1]), tr.find("a")["href"])
            for tr in h3.find_next("table").find("tbody").find_all("tr")
        ]
        for h3 in panel.find_all("h3")
    }
    ischias = hernia.get_parent().get_children().get(slug="ischias")
    kine_id = hernia.get_parent().get_parent().get_descendants().get(slug="kine").pk
    assert groups == {
        "Pijnkliniek": [("Ischias", "22/03/2026", f"/admin/pages/{ischias.pk}/edit/")],
        "Rugcentrum": [
            ("Hernia", "10/01/2026 te laat", f"/admin/pages/{hernia.pk}/edit/"),
            ("Ischias", "22/03/2026", f"/admin/pages/{ischias.pk}/edit/"),
        ],
        "Zonder dienst": [("Kine", "01/01/2025 te laat", f"/admin/pages/{kine_id}/edit/")],
    }


def test_an_info_page_belongs_to_the_services_of_the_conditions_that_link_to_it(site_structure, rug, today):
    kine = reviewed(
        InfoPageFactory(parent=site_structure.info[Kind.TREATMENT], title="Kine", slug="kine"),
        datetime.date(2022, 1, 1),
    )
    ConditionPageFactory(
        parent=site_structure.conditions, title="Rugpijn", slug="rugpijn", services=[rug], related=[kine]
    )
    assert [s.title for s in kine.review_services()] == ["Rugcentrum"]


@pytest.fixture
def people(django_user_model, due_pages, rug, hernia):
    """The owner of Hernia, and the Rugcentrum editors' group (one active member, one left)."""
    owner = django_user_model.objects.create_user("eigenaar", "eigenaar@example.be", "wachtwoord-123")
    hernia.owner = owner
    hernia.save(update_fields=["owner"])
    group = Group.objects.create(name="Redactie rugcentrum")
    for name, active in (("redactie", True), ("vertrokken", False)):
        user = django_user_model.objects.create_user(
            name, f"{name}@example.be", "wachtwoord-123", is_active=active
        )
        user.groups.add(group)
    rug.editors_group = group
    rug.save_revision().publish()
    return owner


def run() -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("send_review_reminders", stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_reminders_reach_the_owner_and_the_service_editors_once(people, hernia, time_machine):
    out, err = run()
    by_subject = {m.subject: sorted(m.to) for m in mail.outbox}
    assert by_subject == {
        "Nazicht te laat: Hernia (volgende controle was 10/01/2026)": [
            "eigenaar@example.be",
            "redactie@example.be",
        ],
        "Nazicht binnenkort: Ischias (volgende controle 22/03/2026)": ["redactie@example.be"],
    }
    assert "2 reminder(s) sent." in out
    assert "‘Kine’" in err and "no owner or service editor to remind" in err
    hernia_mail = next(m for m in mail.outbox if "Hernia" in m.subject)
    assert f"http://testserver/admin/pages/{hernia.pk}/edit/" in hernia_mail.body
    assert "Nagekeken, geen wijziging" in hernia_mail.body

    # Cron runs it again, the same day or the next: nobody gets the same reminder twice.
    run()
    time_machine.move_to(datetime.datetime(2026, 3, 3, 9, 30))
    run()
    assert len(mail.outbox) == 2

    # Ischias becomes overdue: its editors are told once more, and only once.
    time_machine.move_to(datetime.datetime(2026, 3, 23, 9, 30))
    run()
    run()
    assert [m.subject for m in mail.outbox[2:]] == [
        "Nazicht te laat: Ischias (volgende controle was 22/03/2026)"
    ]


def test_a_recorded_review_ends_the_reminders_and_starts_a_new_cycle(editor, people, hernia):
    run()
    editor.post(reverse("reviews_mark_reviewed", args=[hernia.pk]))
    mail.outbox.clear()
    run()
    assert [m.subject for m in mail.outbox] == []
    dashboard = text(read(editor.get(reverse("wagtailadmin_home"))))
    assert "Hernia" not in dashboard.split("Nazicht: te laat en binnen 30 dagen")[1].split("Moeilijkste")[0]


def test_a_mail_that_fails_is_retried_on_the_next_run(people, settings):
    settings.EMAIL_BACKEND = "carepages.reviews.tests.test_due.FailingBackend"
    with pytest.raises(CommandError, match="2 reminder\\(s\\) could not be sent"):
        run()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    run()
    assert len(mail.outbox) == 2


class FailingBackend(locmem.EmailBackend):
    """A mail server that is down: the one thing a test cannot have for real."""

    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")


def test_the_page_override_and_the_last_update_decide_for_pages_not_reviewed_lately(site_structure, today):
    def condition(slug, **dates):
        page = ConditionPageFactory(parent=site_structure.conditions, title=slug.title(), slug=slug)
        page.save_revision().publish()
        type(page).objects.filter(pk=page.pk).update(**dates)
        return slug

    soon = condition(
        "vroeger", reviewed_on=datetime.date(2026, 1, 1), next_review_on=datetime.date(2026, 3, 10)
    )
    old = condition("oud", updated_on=datetime.date(2022, 6, 1))
    condition("nieuw")  # published today, never reviewed: due in 2029
    condition("later", reviewed_on=datetime.date(2020, 1, 1), next_review_on=datetime.date(2027, 1, 1))
    found = [(item.page.slug, item.due, item.state) for item in due_pages_now()]
    assert found == [
        (old, datetime.date(2025, 6, 1), "overdue"),
        (soon, datetime.date(2026, 3, 10), "due_soon"),
    ]
