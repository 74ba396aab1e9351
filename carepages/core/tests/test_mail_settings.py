"""Production e-mail from the environment, and a warning instead of silence when it is missing."""

import logging

import pytest
from django.core import checks

from carepages.settings.base import email_settings


def test_email_url_gives_the_smtp_settings_and_senders():
    found = email_settings(
        {
            "EMAIL_URL": "smtp://patienteninfo:ge%40heim@mail.example.be:587/?tls=True"
            "&_default_from_email=patienteninfo@example.be",
            "SERVER_EMAIL": "fouten@example.be",
        }
    )
    assert found["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert (found["EMAIL_HOST"], found["EMAIL_PORT"]) == ("mail.example.be", 587)
    assert found["EMAIL_USE_TLS"] is True
    assert (found["EMAIL_HOST_USER"], found["EMAIL_HOST_PASSWORD"]) == ("patienteninfo", "ge@heim")
    assert found["DEFAULT_FROM_EMAIL"] == "patienteninfo@example.be"
    assert found["SERVER_EMAIL"] == "fouten@example.be"
    assert found["EMAIL_TIMEOUT"] == 10


def test_the_usual_email_variables_work_without_a_url():
    found = email_settings(
        {
            "EMAIL_HOST": "smtp.example.be",
            "EMAIL_PORT": "25",
            "EMAIL_USE_TLS": "false",
            "EMAIL_HOST_USER": "site",
            "EMAIL_HOST_PASSWORD": "pw",
            "DEFAULT_FROM_EMAIL": "noreply@example.be",
        }
    )
    assert found["EMAIL_HOST"] == "smtp.example.be"
    assert (found["EMAIL_PORT"], found["EMAIL_USE_TLS"]) == (25, False)
    assert (found["EMAIL_HOST_USER"], found["EMAIL_HOST_PASSWORD"]) == ("site", "pw")
    assert found["DEFAULT_FROM_EMAIL"] == "noreply@example.be"


def test_nothing_set_means_mails_are_logged_as_not_sent():
    assert email_settings({})["EMAIL_BACKEND"] == "carepages.core.mail.NotConfiguredBackend"


def deploy_warnings() -> list[str]:
    return [message.id for message in checks.run_checks(include_deployment_checks=True)]


def test_check_deploy_warns_when_no_mail_server_is_set(settings):
    settings.EMAIL_BACKEND = "carepages.core.mail.NotConfiguredBackend"
    assert "carepages.W001" in deploy_warnings()


def test_check_deploy_warns_about_the_default_sender(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.DEFAULT_FROM_EMAIL = "webmaster@localhost"
    assert "carepages.W002" in deploy_warnings()
    settings.DEFAULT_FROM_EMAIL = "patienteninfo@example.be"
    assert not {"carepages.W001", "carepages.W002"} & set(deploy_warnings())


@pytest.mark.django_db
def test_an_unsent_password_reset_is_logged_without_its_login_link(
    client, settings, caplog, django_user_model
):
    settings.EMAIL_BACKEND = "carepages.core.mail.NotConfiguredBackend"
    django_user_model.objects.create_user("redacteur", "redactie@example.be", "wachtwoord-123")

    with caplog.at_level(logging.ERROR, logger="carepages.core.mail"):
        response = client.post("/admin/password_reset/", {"email": "redactie@example.be"})

    assert response.status_code == 302  # the editor sees the usual "check your mailbox" page
    [record] = caplog.records
    assert "E-mail NOT sent" in record.getMessage()
    assert "redactie@example.be" in record.getMessage()
    assert "/admin/password_reset/confirm/" not in caplog.text
