"""Redacting and deleting an answer in the admin: for a name the scrubbing cannot recognise.

Answers only come from patients: nobody may add one in the admin, and editing is limited
to the comment. Who may see the reports (view), redact (change) or delete is set per
group in the admin, as for any other model.
"""

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from .models import Feedback


class FeedbackPermissionPolicy(ModelPermissionPolicy):
    """Django's model permissions, except that no one adds feedback in the admin."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return super().user_has_any_permission(user, [action for action in actions if action != "add"])


PERMISSION_POLICY = FeedbackPermissionPolicy(Feedback)


class FeedbackViewSet(ModelViewSet):
    model = Feedback  # its permission policy: PERMISSION_POLICY, registered in apps.py
    name = "feedback_answers"
    url_prefix = "feedback/beheer"
    icon = "comment"
    menu_label = "Feedback"
    add_to_admin_menu = False
    copy_view_enabled = False
    form_fields = ["comment"]
    list_display = ["day_label", "page", "answer", "comment"]

    def get_permissions_to_register(self):
        content_type = ContentType.objects.get_for_model(Feedback)
        return Permission.objects.filter(content_type=content_type).exclude(codename="add_feedback")


feedback_viewset = FeedbackViewSet()
