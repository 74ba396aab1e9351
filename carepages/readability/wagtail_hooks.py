"""The editors' dashboard: the published pages furthest above B1."""

from wagtail import hooks
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.ui.components import Component

from .analysis import B1_LOWEST_SCORE
from .scores import hardest_pages


class HardestPagesPanel(Component):
    name = "readability"
    template_name = "readability/dashboard_panel.html"
    # Below the placeholder warning and the workflow panels, above recent edits: advice, not an error.
    order = 230

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        finder = AdminURLFinder(parent_context["request"].user)
        context["rows"] = [(score, finder.get_edit_url(score.page)) for score in hardest_pages()]
        context["b1_lowest_score"] = B1_LOWEST_SCORE
        return context


@hooks.register("construct_homepage_panels")
def add_readability_panel(request, panels):
    panels.append(HardestPagesPanel())
