"""The feedback reports in the admin's Reports menu, and who may see them."""

from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_urls
from .viewsets import feedback_viewset

VIEW_PERMISSION = "feedback.view_feedback"


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("feedback/", include(admin_urls, namespace="feedback"))]


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return ReportMenuItem(
        "Feedback van patiënten",
        reverse("feedback:report"),
        name="patient-feedback",
        icon_name="comment",
        order=1260,
    )


@hooks.register("register_admin_viewset")
def register_viewset():
    # Its permissions (view, change, delete) are registered with it.
    return feedback_viewset
