from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "carepages.api"
    label = "carepages_api"
