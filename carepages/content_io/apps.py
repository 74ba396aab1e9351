from django.apps import AppConfig


class ContentIoConfig(AppConfig):
    name = "carepages.content_io"
    label = "content_io"

    def ready(self):
        # Version 2's keys for campuses, appointments and the hospital join the format's tables.
        from . import campus_format

        campus_format.register()
