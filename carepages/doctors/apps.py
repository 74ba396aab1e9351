from django.apps import AppConfig


class DoctorsConfig(AppConfig):
    name = "carepages.doctors"
    label = "doctors"
    verbose_name = "Artsen"
