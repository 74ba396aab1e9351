from django.apps import AppConfig


class LocationsConfig(AppConfig):
    name = "carepages.locations"
    label = "locations"
