"""The review cycle in the admin: the action, its history entry and the dashboard panel."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets import Button

from carepages.core.models import ReviewedMixin

from . import views
from .actions import REVIEWED
from .due import by_service, due_pages


@hooks.register("register_admin_urls")
def review_urls():
    return [path("nazicht/<int:page_id>/", views.mark_reviewed, name="reviews_mark_reviewed")]


@hooks.register("register_log_actions")
def register_review_action(actions):
    actions.register_action(REVIEWED, "Nagekeken", "Nagekeken, geen wijziging")


class MarkReviewedMenuItem(ActionMenuItem):
    """In the editor's action menu: posts the edit form's CSRF token to the review view, one click."""

    label = "Nagekeken, geen wijziging"
    name = "action-reviewed"
    template_name = "reviews/action_menu_item.html"

    def is_shown(self, context):
        page = context.get("page")
        return (
            context["view"] == "edit"
            and isinstance(page, ReviewedMixin)
            and page.live
            and views.may_review(page, context["request"].user)
        )

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["review_url"] = reverse("reviews_mark_reviewed", args=[parent_context["page"].pk])
        return context


@hooks.register("register_page_action_menu_item")
def add_mark_reviewed_menu_item():
    return MarkReviewedMenuItem(order=60)


@hooks.register("register_page_listing_more_buttons")
def mark_reviewed_listing_button(page, user, next_url=None):
    if issubclass(page.specific_class or object, ReviewedMixin) and page.live:
        yield Button(
            "Nagekeken, geen wijziging",
            reverse("reviews_mark_reviewed", args=[page.pk]),
            icon_name="tick",
            priority=50,
        )


class ReviewDuePanel(Component):
    name = "nazicht"
    template_name = "reviews/dashboard_panel.html"
    # Next to the readability advice: work to plan, not an error on the live site.
    order = 220

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        finder = AdminURLFinder(parent_context["request"].user)
        groups = by_service(due_pages())
        context["groups"] = [
            (service, [(item, finder.get_edit_url(item.page)) for item in items]) for service, items in groups
        ]
        return context


@hooks.register("construct_homepage_panels")
def add_review_panel(request, panels):
    panels.append(ReviewDuePanel())
