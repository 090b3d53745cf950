import logging

from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate

logger = logging.getLogger(__name__)


def new_code_new_content_version(sender, **kwargs):
    """A deployment migrates: what the code it replaces cached (pages, and the values of
    portal/content_cache.py, whose shape may have changed) is not served again."""
    # Imported here: apps.py is read before the models page_cache imports are ready.
    from .page_cache import new_content_version

    try:
        new_content_version()
    except Exception:
        # The cache being down must not stop a deployment; pages then expire on their own.
        logger.exception("The page cache's content version could not be replaced after migrating")


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Portal"

    def ready(self):
        # Receivers connect once the app registry is ready (Django's convention for signals).
        from . import locales, page_cache  # noqa: F401

        # Sent once per app with models (this one has none): once, after Wagtail's pages.
        post_migrate.connect(
            new_code_new_content_version,
            sender=apps.get_app_config("wagtailcore"),
            dispatch_uid="portal_new_code",
        )
