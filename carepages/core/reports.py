"""A report in the admin's Reports menu, shown only to those allowed to read it."""

from django.urls import reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem


class ReportMenuItem(MenuItem):
    def __init__(self, label: str, url: str, permission: str, **kwargs):
        super().__init__(label, url, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


def register_report(label: str, url_name: str, permission: str, *, name: str, icon_name: str, order: int):
    """Add the report at `url_name` to the Reports menu for users with `permission` ("app.codename").

    Called from an app's wagtail_hooks.py; the URL is reversed when the menu is built.
    """

    @hooks.register("register_reports_menu_item")
    def report_menu_item():
        return ReportMenuItem(
            label, reverse(url_name), permission, name=name, icon_name=icon_name, order=order
        )

    return report_menu_item
