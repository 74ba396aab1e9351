from django.apps import AppConfig


class SiteSettingsConfig(AppConfig):
    name = "carepages.site_settings"
    label = "site_settings"
