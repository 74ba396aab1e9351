from django.apps import AppConfig


class VocabularyConfig(AppConfig):
    name = "carepages.vocabulary"
    label = "vocabulary"
    verbose_name = "lekentaal"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from .models import LayTerm

        post_save.connect(_changed, sender=LayTerm, dispatch_uid="vocabulary_layterm_saved")
        post_delete.connect(_changed, sender=LayTerm, dispatch_uid="vocabulary_layterm_deleted")


def _changed(sender, raw=False, **kwargs):
    if not raw:
        from .signals import terms_changed

        terms_changed.send(sender=sender)
