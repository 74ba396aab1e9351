from django.apps import AppConfig


class PublishCacheConfig(AppConfig):
    name = "carepages.publish_cache"
    label = "publish_cache"
    verbose_name = "publicatiecache"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from carepages.changes import feed

        from . import generation

        feed.subscribe(generation.on_changes)
