from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "carepages.home"
    label = "home"
