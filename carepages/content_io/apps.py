from django.apps import AppConfig


class ContentIoConfig(AppConfig):
    name = "carepages.content_io"
    label = "content_io"
