from django.apps import AppConfig


class SecurityConfig(AppConfig):
    """What protects the site: security headers, login throttling, and the attacker's checklist in tests/."""

    name = "carepages.security"
    label = "security"
    verbose_name = "beveiliging"
    default_auto_field = "django.db.models.BigAutoField"
