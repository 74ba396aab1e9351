"""The editors' dashboard: a warning panel while placeholder texts or "#" links are live."""

from wagtail import hooks
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.ui.components import Component

from .placeholders import find_placeholders


class PlaceholderPanel(Component):
    name = "placeholders"
    template_name = "site_settings/placeholder_panel.html"
    order = 50  # above the workflow and recent-edits panels: this is published, patients see it

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        finder = AdminURLFinder(parent_context["request"].user)
        context["findings"] = [
            (finding, finder.get_edit_url(finding.instance)) for finding in find_placeholders()
        ]
        return context


@hooks.register("construct_homepage_panels")
def add_placeholder_panel(request, panels):
    panels.append(PlaceholderPanel())
