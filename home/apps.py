from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home and programme pages"

    def ready(self):
        from . import (
            locales,  # noqa: F401  (connects the signal that empties the locale cache)
            translation_guards,  # noqa: F401  (connects the signal that keeps parent copies drafts)
        )
