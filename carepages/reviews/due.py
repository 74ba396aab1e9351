"""Which pages are due for review, and who answers for them."""

import datetime
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page

from carepages.core.models import ReviewedMixin, add_years
from carepages.site_settings.models import ReviewSettings

#: How far ahead the dashboard and the reminders look.
NOTICE = datetime.timedelta(days=30)
OVERDUE, DUE_SOON = "overdue", "due_soon"
NO_SERVICE = "Zonder dienst"


@dataclass
class DuePage:
    page: Page
    due: datetime.date
    state: str  # OVERDUE or DUE_SOON
    services: list[Page] = field(default_factory=list)

    @property
    def overdue(self) -> bool:
        return self.state == OVERDUE


def reviewed_models() -> list[type[Page]]:
    """Every page type with a review cycle: those built on ReviewedMixin, whichever app owns them."""
    return [model for model in apps.get_models() if issubclass(model, ReviewedMixin)]


def due_pages(today: datetime.date | None = None) -> list[DuePage]:
    """The live pages overdue or due within NOTICE, soonest (most overdue) first."""
    today = today or timezone.localdate()
    period = ReviewSettings.load().review_period_years
    horizon = today + NOTICE
    found = []
    for model in reviewed_models():
        for page in model.objects.live().filter(_maybe_due(horizon, period)).select_related("owner"):
            due = page.next_review_due(period)
            if due is None or due > today + NOTICE:
                continue
            state = OVERDUE if due < today else DUE_SOON
            found.append(DuePage(page, due, state, list(page.review_services())))
    return sorted(found, key=lambda item: (item.due, item.page.title))


def _maybe_due(horizon: datetime.date, period: int) -> Q:
    """The pages whose next review may fall on or before `horizon`, in the database.

    A superset (a day's slack for time zones and 29 February): next_review_due
    decides exactly, on a few pages rather than on every page of a large site.
    """
    cutoff = add_years(horizon, -period) + datetime.timedelta(days=1)
    never_reviewed = Q(next_review_on__isnull=True, reviewed_on__isnull=True)
    return (
        Q(next_review_on__lte=horizon)
        | Q(next_review_on__isnull=True, reviewed_on__lte=cutoff)
        | never_reviewed & Q(updated_on__lte=cutoff)
        | never_reviewed & Q(updated_on__isnull=True, last_published_at__date__lte=cutoff)
        | never_reviewed & Q(updated_on__isnull=True, last_published_at__isnull=True)
    )


def by_service(items: list[DuePage]) -> list[tuple[str, list[DuePage]]]:
    """The due pages under each of their services (a page may stand under several), by service name."""
    groups: dict[str, list[DuePage]] = {}
    for item in items:
        for name in [service.title for service in item.services] or [NO_SERVICE]:
            groups.setdefault(name, []).append(item)
    return sorted(groups.items(), key=lambda group: (group[0] == NO_SERVICE, group[0].lower()))


def recipients(item: DuePage) -> list[str]:
    """The page's owner and the users of its services' editors groups: active, with an address."""
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    groups = [getattr(service, "editors_group_id", None) for service in item.services]
    addresses = set(users.filter(groups__in=[g for g in groups if g]).values_list("email", flat=True))
    owner = item.page.owner
    if owner and owner.is_active and owner.email:
        addresses.add(owner.email)
    return sorted(addresses)
