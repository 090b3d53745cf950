"""What production builds from the environment to run on several machines (issue 13, docs/deploy.md):
the search backend, sessions shared through the database and Redis, and the purge of a CDN. Each is
read in a fresh process under the production settings, as a deployment starts."""

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from django.contrib.sessions.backends.cached_db import SessionStore as CachedDBStore
from django.core.cache import cache

pytestmark = pytest.mark.django_db

BASE_DIR = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "SECRET_KEY": "a-long-random-production-secret-" + "x7Gq2" * 10,
    "ALLOWED_HOSTS": "partnerships.example.org",
}
# What the shell running the tests may have set, and these tests set themselves.
SCRUBBED = ("SEARCH_", "FRONTEND_CACHE_", "CLOUDFLARE_", "REDIS_URL", "LOG_FORMAT")

PROBE = """
import json
import django
django.setup()
from django.conf import settings
from wagtail.contrib.frontend_cache.utils import get_backends
print(json.dumps({
    "search": settings.WAGTAILSEARCH_BACKENDS,
    "cache": settings.CACHES["default"]["BACKEND"],
    "session_engine": settings.SESSION_ENGINE,
    "frontend_cache": getattr(settings, "WAGTAILFRONTENDCACHE", None),
    "frontend_cache_languages": getattr(settings, "WAGTAILFRONTENDCACHE_LANGUAGES", None),
    "frontend_cache_installed": "wagtail.contrib.frontend_cache" in settings.INSTALLED_APPS,
    "purge_backends": {name: type(backend).__name__ for name, backend in get_backends().items()},
}))
"""


def run_production(**env):
    environment = {key: value for key, value in os.environ.items() if not key.startswith(SCRUBBED)}
    environment.update(PRODUCTION, **env)
    return subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def production_settings(**env):
    result = run_production(**env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_without_a_search_cluster_search_stays_in_the_database():
    answer = production_settings()
    assert answer["search"] == {"default": {"BACKEND": "wagtail.search.backends.database"}}


def test_a_search_cluster_from_the_environment_is_the_default_backend():
    answer = production_settings(SEARCH_BACKEND_URL="https://portal:secret@search.internal:9200")
    assert answer["search"] == {
        "default": {
            "BACKEND": "wagtail.search.backends.opensearch3",
            "URLS": ["https://portal:secret@search.internal:9200"],
            "INDEX_PREFIX": "portal_",
            "TIMEOUT": 10,
        }
    }


def test_the_kind_of_cluster_its_nodes_prefix_and_timeout_are_chosen_by_the_environment():
    answer = production_settings(
        SEARCH_BACKEND_URL="http://search-1:9200, http://search-2:9200",
        SEARCH_BACKEND="elasticsearch9",
        SEARCH_INDEX_PREFIX="staging_",
        SEARCH_TIMEOUT="3",
    )
    assert answer["search"]["default"] == {
        "BACKEND": "wagtail.search.backends.elasticsearch9",
        "URLS": ["http://search-1:9200", "http://search-2:9200"],
        "INDEX_PREFIX": "staging_",
        "TIMEOUT": 3,
    }


@pytest.mark.parametrize("engine", ["opensearch2", "opensearch3", "elasticsearch8", "elasticsearch9"])
def test_each_kind_of_cluster_names_a_backend_wagtail_has(engine):
    answer = production_settings(SEARCH_BACKEND_URL="http://search:9200", SEARCH_BACKEND=engine)
    backend = answer["search"]["default"]["BACKEND"]
    # The module is there; importing it needs the cluster's client, which a deployment installs.
    assert importlib.util.find_spec(backend) is not None, backend


def test_an_unknown_kind_of_cluster_stops_start_up():
    result = run_production(SEARCH_BACKEND_URL="http://search:9200", SEARCH_BACKEND="solr")
    assert result.returncode != 0
    assert "SEARCH_BACKEND must be one of" in result.stderr


def test_without_redis_sessions_are_in_the_database_and_the_cache_is_per_process():
    answer = production_settings()
    assert answer["cache"] == "django.core.cache.backends.locmem.LocMemCache"
    assert answer["session_engine"] == "django.contrib.sessions.backends.db"


def test_with_redis_sessions_are_in_the_database_read_through_the_shared_cache():
    answer = production_settings(REDIS_URL="redis://cache.internal:6379/0")
    assert answer["cache"] == "django.core.cache.backends.redis.RedisCache"
    assert answer["session_engine"] == "django.contrib.sessions.backends.cached_db"


def test_a_cached_session_survives_the_cache_being_emptied(settings):
    """What cached_db gives the app servers: a Redis flush or restart signs nobody out."""
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    session = CachedDBStore()
    session["who"] = "reviewer"
    session.save()
    cache.clear()
    assert CachedDBStore(session.session_key)["who"] == "reviewer"


def test_a_signed_in_editor_stays_signed_in_across_a_cache_flush(client, settings, editor):
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200
    cache.clear()
    assert client.get("/admin/").status_code == 200


def test_without_a_cache_in_front_nothing_is_purged():
    answer = production_settings()
    assert answer["frontend_cache"] == {}
    assert answer["frontend_cache_installed"] is False
    assert answer["purge_backends"] == {}


def test_an_http_cache_in_front_is_purged_at_each_address_given():
    answer = production_settings(FRONTEND_CACHE_PURGE_URL="http://varnish-1:6081,http://varnish-2:6081")
    assert answer["frontend_cache"] == {
        "http-1": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://varnish-1:6081",
        },
        "http-2": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://varnish-2:6081",
        },
    }
    assert answer["frontend_cache_installed"] is True
    assert answer["purge_backends"] == {"http-1": "HTTPBackend", "http-2": "HTTPBackend"}
    # Each translation is purged as a page of its own, not guessed from another language's address.
    assert answer["frontend_cache_languages"] == []


def test_cloudflare_is_purged_through_its_api_with_a_token():
    answer = production_settings(CLOUDFLARE_ZONE_ID="zone-123", CLOUDFLARE_API_TOKEN="token-abc")
    assert answer["frontend_cache"] == {
        "cloudflare": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "ZONEID": "zone-123",
            "BEARER_TOKEN": "token-abc",
        }
    }
    assert answer["purge_backends"] == {"cloudflare": "CloudflareBackend"}


def test_a_cloudflare_zone_without_a_token_stops_start_up():
    result = run_production(CLOUDFLARE_ZONE_ID="zone-123")
    assert result.returncode != 0
    assert "CLOUDFLARE_API_TOKEN is required in production" in result.stderr
