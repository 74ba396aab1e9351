"""Recording a review: "nagekeken, geen wijziging" in one action, logged in the page history."""

import datetime

from django.utils import timezone
from wagtail.log_actions import log

from carepages.core.models import ReviewedMixin

#: The page history entry of a recorded review (registered in wagtail_hooks).
REVIEWED = "carepages.reviewed"


def record_review(page: ReviewedMixin, user) -> datetime.date:
    """Set the page's "laatst nagekeken op" to today, without a new content revision.

    Only the review date is written (update_fields), so "Laatst bijgewerkt op",
    the drafts and the live content stay as they are; the save still counts as a
    public change for the publish cache, as the page shows the date.
    """
    today = timezone.localdate()
    page.reviewed_on = today
    page.save(clean=False, update_fields=["reviewed_on"])
    log(instance=page, action=REVIEWED, user=user, data={"reviewed_on": today.isoformat()})
    return today
