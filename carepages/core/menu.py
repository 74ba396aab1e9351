"""The header's main menu, from the page tree: editors hide and reorder its items in the admin."""

from django.db.models import Exists, OuterRef, Subquery
from wagtail.models import Page, Site

from .visibility import public_pages, restricted


def menu_pages(request) -> list[Page]:
    """The site's home's live, public children marked "show in menus", in tree order: one query.

    A section without a public page under it is left out (as /artsen/ before the first
    doctor): the menu never leads to an empty list.
    """
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return []
    home = Page.objects.filter(pk=site.root_page_id)
    sections = public_pages(Page.objects.in_menu()).filter(
        depth=Subquery(home.values("depth")) + 1, path__startswith=Subquery(home.values("path"))
    )
    return list(sections.filter(has_public_child()).only("title", "url_path").order_by("path"))


def has_public_child() -> Exists:
    """True for a page with at least one public child: a section worth linking to.

    A subquery, so the menu and the home page's "Snel naar" keep their query counts.
    """
    public_child = Page.objects.filter(
        live=True, depth=OuterRef("depth") + 1, path__startswith=OuterRef("path")
    ).filter(~restricted())
    return Exists(public_child)
