"""The rate limit of the feedback form, without storing anyone's address.

Each POST counts under a key: HMAC-SHA256(SECRET_KEY, hour + visitor address). The
address itself is never written; the key changes every hour, so two hours of one
visitor cannot be linked; rows of past hours are deleted at the next feedback. A row
in the database (not a process's memory) so every worker and app server shares the
count, as django-axes does for logins (docs/security.md).
"""

import hashlib
import hmac
from datetime import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import HttpRequest
from django.utils import timezone

from carepages.security.throttle import client_ip

from .models import FeedbackThrottle


def this_hour() -> datetime:
    return timezone.now().replace(minute=0, second=0, microsecond=0)


def visitor_key(address: str, hour: datetime) -> str:
    message = f"{hour.isoformat()}|{address}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


def count_and_allow(request: HttpRequest) -> bool:
    """Count this POST for its visitor; False once they sent more than the hourly limit."""
    hour = this_hour()
    key = visitor_key(client_ip(request), hour)
    FeedbackThrottle.objects.filter(hour__lt=hour).delete()
    if not FeedbackThrottle.objects.filter(key=key).update(count=F("count") + 1):
        try:
            with transaction.atomic():
                FeedbackThrottle.objects.create(key=key, hour=hour, count=1)
        except IntegrityError:  # another worker created it meanwhile
            FeedbackThrottle.objects.filter(key=key).update(count=F("count") + 1)
    count = FeedbackThrottle.objects.values_list("count", flat=True).get(key=key)
    return count <= settings.FEEDBACK_LIMIT_PER_HOUR
