from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "carepages.feedback"
    label = "feedback"
    verbose_name = "feedback van patiënten"
    default_auto_field = "django.db.models.BigAutoField"
