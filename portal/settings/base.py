"""Settings shared by every environment. Values that differ per deployment come from the environment."""

import hashlib
import os
import tempfile
from datetime import timedelta
from pathlib import Path

import dj_database_url

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


INSTALLED_APPS = [
    "portal",
    "home",
    "partnerships",
    "search",
    # Before wagtail_localize: its templates and admin URLs take the place of wagtail-localize's own.
    "translations",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_countries",
    "wagtail.contrib.routable_page",
    "django_tasks",
    "django_tasks_db",
    "axes",
]

MIDDLEWARE = [
    # First, so that everything logged while answering carries the request's id (even a redirect).
    "portal.middleware.RequestIDMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # ETags and 304s for pages and feeds (downloads set their own); outside the page cache, so that a
    # cached page is answered 304 too.
    "django.middleware.http.ConditionalGetMiddleware",
    # Anonymous readers' public pages from the cache, before anything else is done for them.
    "portal.page_cache.PageCacheMiddleware",
    "portal.middleware.PortalCSPMiddleware",
    "portal.middleware.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "partnerships.admin.publishing.PublishingBlockedMiddleware",
    # Last, as django-axes asks: it answers for sign-ins that its backend refused.
    "axes.middleware.AxesMiddleware",
]

# Sign-in attempts are counted per account and, separately, per address, in the database that every
# worker shares: after five failures either one waits before trying again.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "30")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "portal.requests.client_address"
AXES_LOCKOUT_CALLABLE = "portal.views.sign_in_locked_out"
# Staff sessions (nobody else signs in) end after a working day, and when the browser closes.
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(8 * 60 * 60)))
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

ROOT_URLCONF = "portal.urls"
CSRF_FAILURE_VIEW = "portal.views.csrf_failure"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "portal.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "portal",
        },
    }
    # Sessions (staff only) in the database, read through the shared cache: every app server sees
    # them, and they survive Redis being flushed or restarted.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }

# The page cache (portal/page_cache.py): anonymous readers' public pages, made stale at once by
# publishing. Its content version must be shared by every worker: Redis when there is one, else files
# on this machine's disk (one folder per database, so two sites on one machine never mix).
_SWITCHED_OFF = {"off", "false", "0", "no"}
PORTAL_PAGE_CACHE = os.environ.get("PORTAL_PAGE_CACHE", "on").strip().lower() not in _SWITCHED_OFF
# The menu, the header and footer and the way to each page's translations, kept per content version in
# the same store (portal/content_cache.py); on also when the page cache is off.
PORTAL_CONTENT_CACHE = os.environ.get("PORTAL_CONTENT_CACHE", "on").strip().lower() not in _SWITCHED_OFF
# How long a cached page is kept at most (any publication makes it stale before), and how long a
# browser, proxy or CDN may keep a public page before asking again (with its ETag: a 304 if unchanged).
PORTAL_PAGE_CACHE_SECONDS = int(os.environ.get("PORTAL_PAGE_CACHE_SECONDS", "600"))
PORTAL_PAGE_MAX_AGE = int(os.environ.get("PORTAL_PAGE_MAX_AGE", "60"))
if os.environ.get("REDIS_URL"):
    CACHES["pages"] = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": os.environ["REDIS_URL"],
        "KEY_PREFIX": "portal-pages",
        "TIMEOUT": PORTAL_PAGE_CACHE_SECONDS,
    }
else:
    _database = DATABASES["default"]
    _database_id = f"{_database.get('HOST', '')}:{_database.get('PORT', '')}/{_database['NAME']}"
    CACHES["pages"] = {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": os.environ.get("PORTAL_PAGE_CACHE_DIR", "").strip()
        or Path(tempfile.gettempdir())
        / "portal-page-cache"
        / hashlib.sha256(_database_id.encode()).hexdigest()[:16],
        "TIMEOUT": PORTAL_PAGE_CACHE_SECONDS,
        "OPTIONS": {"MAX_ENTRIES": 5000},
    }

# How many reverse proxies in front of the portal append to X-Forwarded-For; 0 means the client
# connects directly and REMOTE_ADDR is its address. Used to count expressions of interest per sender.
PORTAL_TRUSTED_PROXIES = int(os.environ.get("PORTAL_TRUSTED_PROXIES", "0"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: English is the source language; the other three are translations.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("es", _("Spanish")),
    ("ar", _("Arabic")),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [PROJECT_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True
# Translations must pass the same review as their source, so they never go live on their own.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
# Media on this machine's disk is served by the portal itself at MEDIA_URL (a reverse proxy in front
# may answer that location first, docs/deploy.md); object storage serves its own (production.py).
PORTAL_SERVE_MEDIA = True
# Documents always go through Wagtail's view, which enforces collection privacy (docs/editors.md):
# never a direct link to the file.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Partnerships Transparency Portal"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Search: the database's own full-text search (PostgreSQL, or SQLite in development) unless
# SEARCH_BACKEND_URL names an OpenSearch or Elasticsearch cluster (comma-separated for several nodes).
# SEARCH_BACKEND says which kind; its Python client is installed by the deployment (docs/deploy.md).
SEARCH_ENGINES = ("opensearch2", "opensearch3", "elasticsearch8", "elasticsearch9")
SEARCH_BACKEND_URLS = env_list("SEARCH_BACKEND_URL")
if SEARCH_BACKEND_URLS:
    SEARCH_ENGINE = os.environ.get("SEARCH_BACKEND", "").strip() or "opensearch3"
    if SEARCH_ENGINE not in SEARCH_ENGINES:
        raise ImproperlyConfigured(
            f"SEARCH_BACKEND must be one of {', '.join(SEARCH_ENGINES)}, not {SEARCH_ENGINE!r}."
        )
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": f"wagtail.search.backends.{SEARCH_ENGINE}",
            "URLS": SEARCH_BACKEND_URLS,
            # Index names start with it, so that several sites (or staging) can share a cluster.
            "INDEX_PREFIX": os.environ.get("SEARCH_INDEX_PREFIX", "portal_"),
            # Saves index at once (TASKS below): a cluster that does not answer holds an editor's save.
            "TIMEOUT": int(os.environ.get("SEARCH_TIMEOUT", "10")),
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# What editors may upload (no SVG or HTML, which could carry scripts), and how large.
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILEMBEDS_FINDERS = []  # Nothing external at run time: no oEmbed look-ups.

# E-mail: the backend and server come from the environment; dev overrides with the console backend.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "false").lower() == "true"
# A mail host that accepts the connection and never answers must not hold a worker for ever.
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "partnerships@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Fallback for the reviewers' address of the partnership settings (Settings › Partnership settings).
PORTAL_REVIEWERS_EMAIL = os.environ.get("PORTAL_REVIEWERS_EMAIL", "")

# Wagtail's own tasks (reference and search index updates) run at once, as they always have; the
# e-mails of the apply form wait in the database for `manage.py db_worker --backend mail` (which
# `make run` starts), so that no request waits on a mail host.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "mail": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]},
}
PORTAL_APPLICATIONS_PER_HOUR = 5

# Security headers that hold in every environment.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=()"
)

# Public pages get a strict policy: everything from this host, no inline script or style.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# The Wagtail admin relies on inline scripts and styles, so it gets its own, looser policy.
# Where the admin lives: set ADMIN_PATH to move it off the address every scanner tries.
ADMIN_URL_PREFIX = "/" + os.environ.get("ADMIN_PATH", "admin").strip("/") + "/"
ADMIN_CONTENT_SECURITY_POLICY = {
    "script-src": ["'self'", "'unsafe-inline'", "'unsafe-eval'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "frame-src": ["'self'"],
    "frame-ancestors": ["'self'"],
}

# Logs go to the console (gunicorn's stderr, the journal). LOG_FORMAT=json writes one JSON object a
# line with the request's id, for a log collector (portal/logging.py); the default is plain text.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text").strip().lower()
if LOG_FORMAT not in {"text", "json"}:
    raise ImproperlyConfigured(f"LOG_FORMAT must be 'text' or 'json', not {LOG_FORMAT!r}.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "portal.logging.JSONFormatter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            **({"formatter": "json"} if LOG_FORMAT == "json" else {}),
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # One line per request (portal.middleware.RequestIDMiddleware): in JSON it takes the place of
        # gunicorn's access log; in plain text gunicorn's is enough.
        "portal.access": {"level": "INFO" if LOG_FORMAT == "json" else "WARNING"},
        "django.request": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        # Wagtail runs its indexing through django-tasks, which logs every task at INFO.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        # django-axes logs its start-up and every failed sign-in at INFO; lockouts at WARNING.
        "axes": {"level": "WARNING"},
    },
}
