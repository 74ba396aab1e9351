"""The report in the admin's Reports menu, its permission, and promotions in the site's search."""

from django.contrib.auth.models import Permission
from django.urls import include, path
from wagtail import hooks

from carepages.core.reports import register_report
from carepages.search.events import PROMOTION_HOOK

from . import admin_urls, promotions

VIEW_PERMISSION = "search_insights.view_weeklysearch"


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("zoekopdrachten/", include(admin_urls, namespace="search_insights"))]


register_report(
    "Zoekopdrachten van patiënten",
    "search_insights:report",
    VIEW_PERMISSION,
    name="patient-searches",
    icon_name="search",
    order=1250,
)


@hooks.register("construct_reports_menu")
def hide_wagtail_search_terms(request, menu_items):
    # Wagtail's own "Zoektermen" report counts hits this site never records (it has its own, above).
    menu_items[:] = [item for item in menu_items if item.name != "search-terms"]


@hooks.register("register_permissions")
def register_permissions():
    app_label, codename = VIEW_PERMISSION.split(".")
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename)


hooks.register(PROMOTION_HOOK, promotions.promoted_page_ids)
