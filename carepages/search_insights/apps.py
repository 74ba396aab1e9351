from django.apps import AppConfig


class SearchInsightsConfig(AppConfig):
    name = "carepages.search_insights"
    label = "search_insights"
    verbose_name = "zoekinzichten"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import promotions, recording

        recording.connect()
        promotions.connect()
