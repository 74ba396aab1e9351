"""Which pages may be named or linked on a public page.

A page is public when it is published and no view restriction (password, login,
groups) sits on it or on one of its ancestors. Wagtail's `PageQuerySet.public()`
first reads every restriction in a query of its own; these helpers say the same
in a subquery, so the listings keep their query counts.
"""

from django.db.models import Exists, F, OuterRef
from django.db.models.lookups import StartsWith
from wagtail.models import Page, PageViewRestriction


def restricted(path: str = "path") -> Exists:
    """True when the page at `path` (a tree path field) lies under a view restriction:
    the restricted page's path is a prefix of it (itself or an ancestor)."""
    return Exists(PageViewRestriction.objects.filter(StartsWith(OuterRef(path), F("page__path"))))


def public_pages(queryset):
    """The live pages of `queryset` that are not behind a view restriction."""
    return queryset.live().filter(~restricted())


def public_target(target: str) -> dict:
    """Filter arguments for link rows whose foreign key `target` points to a public page:
    `links.filter(**public_target("service"))`.

    A plain `<target>_id__in` lookup, because a page's inline links are in memory
    in a preview (modelcluster), and only simple lookups work there.
    """
    return {f"{target}_id__in": public_pages(Page.objects.all()).values_list("pk", flat=True)}


def public_links(rows, target: str):
    """The link rows of `rows` (a page's inline links, or all of a link model's rows) whose
    page in the foreign key `target` is public, with that page loaded: one query."""
    return rows.filter(**public_target(target)).select_related(target)


def pages_of(links) -> list:
    """The distinct pages in the `page` key of link rows, in the rows' order."""
    return list({link.page_id: link.page for link in links}.values())
