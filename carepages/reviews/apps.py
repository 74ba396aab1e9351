from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    """The review cycle: record a review, show what is due, remind the editors (docs/editors.md)."""

    name = "carepages.reviews"
    label = "reviews"
    verbose_name = "nazicht"
    default_auto_field = "django.db.models.BigAutoField"
