"""Local development: what `make run` serves."""

import contextlib
import os

from .base import *  # noqa: F403

DEBUG = os.environ.get("DEBUG", "false").lower() == "true"
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-do-not-deploy")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")  # noqa: F405
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")

# Lets `load_demo` create a demo administrator; never set in production.
PORTAL_CREATE_DEMO_ADMIN = True

# An untracked local.py may override anything above.
with contextlib.suppress(ImportError):
    from .local import *  # noqa: F403
