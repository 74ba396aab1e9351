"""Brute force against every password form: the admin login, the login of private pages,
the password of password-protected pages and the password reset.

Each is tried 40 times, as the attacker in the issue did; after the limit the form
answers the Dutch lockout page (429), even to the right password, until the cool-off
passes or an operator unlocks with axes' own commands.
"""

import io

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from carepages.core.testing import read, text
from carepages.infopages.factories import InfoPageFactory
from carepages.security.throttle import page_password_username

ATTEMPTS = 40
ADMIN_LOGIN = "/admin/login/"
PAGE_LOGIN = "/_util/login/"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser(
        "redacteur", "redactie@example.be", "juist-wachtwoord-1"
    )


def guess(client, url: str, data: dict, times: int = ATTEMPTS) -> list[int]:
    return [client.post(url, data).status_code for _ in range(times)]


def assert_dutch_lockout(response) -> None:
    page = read(response, status=429)
    assert page.html["lang"] == "nl-BE"
    assert text(page.h1) == "Te veel pogingen"
    assert "Probeer het over 30 minuten opnieuw" in text(page.main)
    assert response["Retry-After"] == "1800"
    assert response["Cache-Control"] == "no-store"


def logged_in(client) -> bool:
    return client.get("/admin/").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("login_url", [ADMIN_LOGIN, PAGE_LOGIN])
def test_forty_wrong_passwords_lock_the_account_out_for_that_address(client, editor, login_url):
    statuses = guess(client, login_url, {"username": "redacteur", "password": "fout"})

    limit = settings.AXES_FAILURE_LIMIT
    assert statuses[: limit - 1] == [200] * (limit - 1)  # the form again, with its error
    assert set(statuses[limit - 1 :]) == {429}
    right = client.post(login_url, {"username": "redacteur", "password": "juist-wachtwoord-1"})
    assert_dutch_lockout(right)
    assert not logged_in(client)


@pytest.mark.django_db
def test_the_lockout_is_kept_in_the_database_so_every_app_server_sees_it(client, editor):
    from axes.models import AccessAttempt

    guess(client, ADMIN_LOGIN, {"username": "redacteur", "password": "fout"}, settings.AXES_FAILURE_LIMIT)

    attempt = AccessAttempt.objects.get(username="redacteur")
    assert attempt.failures_since_start == settings.AXES_FAILURE_LIMIT
    assert attempt.ip_address == "127.0.0.1"


@pytest.mark.django_db
def test_the_editor_can_still_log_in_from_another_address(client, editor):
    guess(client, ADMIN_LOGIN, {"username": "redacteur", "password": "fout"})

    response = client.post(
        ADMIN_LOGIN, {"username": "redacteur", "password": "juist-wachtwoord-1"}, REMOTE_ADDR="10.1.2.3"
    )
    assert response.status_code == 302
    assert logged_in(client)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "command, argument",
    [("axes_reset_username", "redacteur"), ("axes_reset_ip", "127.0.0.1"), ("axes_reset", None)],
)
def test_an_operator_unlocks_with_axes_commands(client, editor, command, argument):
    guess(client, ADMIN_LOGIN, {"username": "redacteur", "password": "fout"})

    call_command(command, *([argument] if argument else []), stdout=io.StringIO())

    response = client.post(ADMIN_LOGIN, {"username": "redacteur", "password": "juist-wachtwoord-1"})
    assert response.status_code == 302
    assert logged_in(client)


@pytest.mark.django_db
def test_axes_list_attempts_shows_the_operator_who_is_locked(client, editor):
    guess(client, ADMIN_LOGIN, {"username": "redacteur", "password": "fout"}, settings.AXES_FAILURE_LIMIT)

    out = io.StringIO()
    call_command("axes_list_attempts", stdout=out)
    assert "redacteur" in out.getvalue()
    assert "127.0.0.1" in out.getvalue()


@pytest.fixture
def protected_page(site_structure):
    page = InfoPageFactory(parent=site_structure.info["info"], title="Personeelsinfo", slug="personeelsinfo")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim-123"
    )
    return page, restriction


@pytest.mark.django_db
def test_guessing_a_page_password_is_locked_out_too(client, protected_page):
    page, restriction = protected_page
    url = f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"

    statuses = guess(client, url, {"password": "fout", "return_url": page.url})

    limit = settings.AXES_FAILURE_LIMIT
    assert statuses[: limit - 1] == [200] * (limit - 1)  # the password form again
    assert set(statuses[limit - 1 :]) == {429}
    assert_dutch_lockout(client.post(url, {"password": "geheim-123", "return_url": page.url}))
    assert "Personeelsinfo" not in client.get(page.url).content.decode()

    call_command("axes_reset_username", page_password_username(restriction.pk), stdout=io.StringIO())
    assert client.post(url, {"password": "geheim-123", "return_url": page.url}).status_code == 302
    assert "Personeelsinfo" in client.get(page.url).content.decode()


@pytest.mark.django_db
def test_the_right_page_password_is_not_counted(client, protected_page):
    page, restriction = protected_page
    url = f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"

    statuses = guess(client, url, {"password": "geheim-123", "return_url": page.url})

    assert set(statuses) == {302}


@pytest.mark.django_db
def test_the_password_reset_cannot_be_used_to_flood_a_mailbox(client, editor):
    statuses = guess(client, "/admin/password_reset/", {"email": "redactie@example.be"})

    limit = settings.AXES_FAILURE_LIMIT
    assert set(statuses[: limit - 1]) == {302}
    assert set(statuses[limit - 1 :]) == {429}
    assert len(mail.outbox) == limit
    assert_dutch_lockout(client.post("/admin/password_reset/", {"email": "redactie@example.be"}))


@pytest.mark.django_db
def test_behind_nginx_each_visitor_is_counted_by_their_own_address(client, editor, settings):
    # TRUSTED_PROXY_COUNT=1: nginx appends the visitor to X-Forwarded-For, the app sees nginx.
    settings.TRUSTED_PROXY_COUNT = 1
    attacker = {"HTTP_X_FORWARDED_FOR": "203.0.113.7"}
    for _ in range(ATTEMPTS):
        client.post(ADMIN_LOGIN, {"username": "redacteur", "password": "fout"}, **attacker)

    right = {"username": "redacteur", "password": "juist-wachtwoord-1"}
    assert client.post(ADMIN_LOGIN, right, **attacker).status_code == 429
    # A spoofed first entry does not help the attacker: the right-most address counts.
    spoofed = {"HTTP_X_FORWARDED_FOR": "198.51.100.2, 203.0.113.7"}
    assert client.post(ADMIN_LOGIN, right, **spoofed).status_code == 429
    assert client.post(ADMIN_LOGIN, right, HTTP_X_FORWARDED_FOR="198.51.100.2").status_code == 302
