from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Portal"

    def ready(self):
        # Receivers connect once the app registry is ready (Django's convention for signals).
        from . import locales, page_cache  # noqa: F401
