"""Production without a mail server: say so in the log, instead of failing or printing the mail.

Without EMAIL_URL or EMAIL_HOST the production settings use this backend, and
`manage.py check --deploy` warns (carepages.W001). Each mail that could not be sent
is logged with its recipients and subject only: a password-reset mail's body holds a
login link, which must not end up in a log file.
"""

import logging

from django.core.mail.backends.base import BaseEmailBackend

logger = logging.getLogger(__name__)


class NotConfiguredBackend(BaseEmailBackend):
    def send_messages(self, email_messages) -> int:
        for message in email_messages:
            logger.error(
                "E-mail NOT sent (no EMAIL_URL or EMAIL_HOST set, see docs/configuration.md): "
                "to %s, subject %r",
                ", ".join(message.recipients()),
                message.subject,
            )
        return 0
