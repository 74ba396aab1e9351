from django.apps import AppConfig


class ServicesConfig(AppConfig):
    name = "carepages.services"
    label = "services"
