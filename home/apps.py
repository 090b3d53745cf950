from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home and programme pages"

    def ready(self):
        # Receivers connect once the app registry is ready (Django's convention for signals).
        from . import translation_guards  # noqa: F401
