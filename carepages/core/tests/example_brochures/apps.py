from django.apps import AppConfig


class ExampleBrochuresConfig(AppConfig):
    name = "carepages.core.tests.example_brochures"
    label = "example_brochures"
    verbose_name = "Brochures (voorbeeld voor de tests)"
