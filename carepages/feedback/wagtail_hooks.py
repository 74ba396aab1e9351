"""The feedback reports in the admin's Reports menu, and who may see them."""

from django.urls import include, path
from wagtail import hooks

from carepages.core.reports import register_report

from . import admin_urls
from .viewsets import feedback_viewset

VIEW_PERMISSION = "feedback.view_feedback"


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("feedback/", include(admin_urls, namespace="feedback"))]


register_report(
    "Feedback van patiënten",
    "feedback:report",
    VIEW_PERMISSION,
    name="patient-feedback",
    icon_name="comment",
    order=1260,
)


@hooks.register("register_admin_viewset")
def register_viewset():
    # Its permissions (view, change, delete) are registered with it.
    return feedback_viewset
