"""System checks for a production deploy (`manage.py check --deploy`)."""

from django.conf import settings
from django.core import checks

NOT_CONFIGURED_BACKEND = "carepages.core.mail.NotConfiguredBackend"


@checks.register(checks.Tags.security, deploy=True)
def mail_is_configured(app_configs, **kwargs):
    if settings.EMAIL_BACKEND != NOT_CONFIGURED_BACKEND:
        if settings.DEFAULT_FROM_EMAIL != "webmaster@localhost":
            return []
        return [
            checks.Warning(
                "Mails would be sent from webmaster@localhost, which mail servers refuse.",
                hint="Set DEFAULT_FROM_EMAIL (and SERVER_EMAIL), e.g. patienteninfo@ziekenhuis.example.be.",
                id="carepages.W002",
            )
        ]
    return [
        checks.Warning(
            "No mail server is configured: password-reset and workflow mails are not sent, only logged.",
            hint="Set EMAIL_URL (smtp://user:password@host:587/?tls=True) or EMAIL_HOST and its "
            "companions; see docs/configuration.md.",
            id="carepages.W001",
        )
    ]
