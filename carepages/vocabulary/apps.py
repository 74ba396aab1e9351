from django.apps import AppConfig


class VocabularyConfig(AppConfig):
    name = "carepages.vocabulary"
    label = "vocabulary"
    verbose_name = "lekentaal"
    default_auto_field = "django.db.models.BigAutoField"
