from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnershipsConfig(AppConfig):
    name = "partnerships"
    verbose_name = _("Partnerships")

    def ready(self):
        # Receivers connect once the app registry is ready (Django's convention for signals).
        from . import signals, summary  # noqa: F401
