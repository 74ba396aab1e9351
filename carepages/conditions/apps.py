from django.apps import AppConfig


class ConditionsConfig(AppConfig):
    name = "carepages.conditions"
    label = "conditions"
