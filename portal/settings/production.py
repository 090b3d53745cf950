"""A real deployment. Secrets come from the environment with no defaults, so a missing one stops start-up."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403


def required_env(name):
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(
            f"The environment variable {name} is required in production (see .env.example)."
        )
    return value


DEBUG = False
SECRET_KEY = required_env("SECRET_KEY")
ALLOWED_HOSTS = [host.strip() for host in required_env("ALLOWED_HOSTS").split(",") if host.strip()]
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")  # noqa: F405

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Several app servers share uploads through S3-compatible object storage; one machine may keep them
# on its disk (MEDIA_ROOT), served by the portal or by the reverse proxy in front (docs/deploy.md).
MEDIA_BUCKET = os.environ.get("AWS_STORAGE_BUCKET_NAME", "").strip()
if MEDIA_BUCKET:
    MEDIA_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN", "").strip()
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": MEDIA_BUCKET,
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL", "").strip() or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME", "").strip() or None,
            "custom_domain": MEDIA_DOMAIN or None,
            # Images are read through plain, cacheable addresses: the bucket policy makes images/ and
            # original_images/ public and keeps documents/ private (Wagtail's view streams those).
            "querystring_auth": False,
            "file_overwrite": False,
            "default_acl": None,
        },
    }
    PORTAL_SERVE_MEDIA = False
    # Pages may show images from there and nowhere else.
    if MEDIA_DOMAIN:
        MEDIA_URL = f"https://{MEDIA_DOMAIN}/"
        MEDIA_ORIGIN = MEDIA_URL.rstrip("/")
    else:
        MEDIA_ORIGIN = STORAGES["default"]["OPTIONS"]["endpoint_url"] or "https://*.amazonaws.com"
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append(MEDIA_ORIGIN)  # noqa: F405
    ADMIN_CONTENT_SECURITY_POLICY["img-src"].append(MEDIA_ORIGIN)  # noqa: F405

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() == "true"
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
CSRF_COOKIE_HTTPONLY = True

PORTAL_CREATE_DEMO_ADMIN = False
# Load balancers probe liveness over plain HTTP inside the network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# A cache in front of the portal (a CDN, Varnish) is told when a page is published or unpublished:
# FRONTEND_CACHE_PURGE_URL sends an HTTP PURGE to each address given (comma-separated); Cloudflare is
# purged through its API. Records (partners, contributions) are not pages: the lists that show them
# expire by their cache lifetime instead (docs/deploy.md, CDN).
WAGTAILFRONTENDCACHE = {}
for number, location in enumerate(env_list("FRONTEND_CACHE_PURGE_URL"), start=1):  # noqa: F405
    WAGTAILFRONTENDCACHE[f"http-{number}"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": location,
    }
if os.environ.get("CLOUDFLARE_ZONE_ID", "").strip():
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": os.environ["CLOUDFLARE_ZONE_ID"].strip(),
        "BEARER_TOKEN": required_env("CLOUDFLARE_API_TOKEN"),
    }
if WAGTAILFRONTENDCACHE:
    INSTALLED_APPS = [*INSTALLED_APPS, "wagtail.contrib.frontend_cache"]  # noqa: F405
    # Each translation is a page of its own with its own address (/fr/transparence/), purged when it
    # is published: Wagtail need not guess the other languages' addresses by swapping the prefix.
    WAGTAILFRONTENDCACHE_LANGUAGES = []
