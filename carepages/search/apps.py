from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "carepages.search"
    label = "carepages_search"
