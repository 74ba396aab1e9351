from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "carepages.feedback"
    label = "feedback"
    verbose_name = "feedback van patiënten"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from .models import Feedback
        from .viewsets import PERMISSION_POLICY

        register_permission_policy(Feedback, PERMISSION_POLICY)
