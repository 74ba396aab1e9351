from django.db import models
from wagtail.models import Page

from carepages.core import kinds


class BrochurePage(Page):
    summary = models.TextField("samenvatting", blank=True)
    audience = models.CharField("voor wie", max_length=100, blank=True)

    parent_page_types = []  # made by the tests only, never in the admin
    subpage_types = []


def _search_text(page: BrochurePage) -> tuple[str, str]:
    # Patients find a brochure by what it is about and by whom it is for ("ouders").
    return page.summary, page.audience


kinds.register(
    kinds.PageKind(
        key="brochure",
        api_type="brochure",
        label="Brochure",
        plural="Brochures",
        soort="brochure",
        index_slug="brochures",
        format_key="brochures",
        model="example_brochures.BrochurePage",
        order=70,
        search_text=_search_text,
    )
)
