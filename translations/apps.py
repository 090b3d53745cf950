from django.apps import AppConfig


class TranslationsConfig(AppConfig):
    name = "translations"
    verbose_name = "Translation review"

    def ready(self):
        # Receivers connect once the app registry is ready (Django's convention for signals).
        from . import guards  # noqa: F401
