"""The test suite: fast hashing, plain static storage, no outgoing mail."""

import os

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
if not os.environ.get("REDIS_URL"):  # CI's PostgreSQL pass runs on Redis (.ci/run)
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
    }
# Off, so that a test reads what it has just written; the caches' own tests turn them on.
PORTAL_PAGE_CACHE = False
PORTAL_CONTENT_CACHE = False
PORTAL_CREATE_DEMO_ADMIN = True
# Serve static files straight from the source folders: the browser tests need no collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # The mail worker runs inside each test's transaction; in this mode it takes a savepoint there
    # instead of its own BEGIN EXCLUSIVE, which SQLite refuses inside a transaction.
    DATABASES["default"].setdefault("OPTIONS", {})["transaction_mode"] = "EXCLUSIVE"  # noqa: F405
