from django.apps import AppConfig


class InfopagesConfig(AppConfig):
    name = "carepages.infopages"
    label = "infopages"
