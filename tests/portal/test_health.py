from unittest import mock

import pytest

from django.db import OperationalError
from django.db.migrations.executor import MigrationExecutor
from django.test import Client

from portal import health
from tests.pages_helpers import PROGRAMME_URLS, programme_page

pytestmark = pytest.mark.django_db


def test_healthz_reports_what_serving_needs(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "migrations": "ok", "static_files": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.parametrize("error", ["connection refused", "no such table: wagtailcore_site"])
def test_healthz_is_503_when_the_database_is_down_or_has_lost_its_tables(client, error):
    with mock.patch("portal.health.Site.objects.exists", side_effect=OperationalError(error)):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "error"
    assert response.json()["database"] == "unavailable"


def test_healthz_is_503_while_migrations_are_pending(client, monkeypatch):
    monkeypatch.setattr(health, "_migrations_complete", False)
    with mock.patch.object(MigrationExecutor, "migration_plan", return_value=[("partnerships", "9999_new")]):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["migrations"] == "pending"


def test_healthz_is_503_when_production_static_files_were_not_collected(client, settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    response = client.get("/healthz")
    assert response.status_code == 503
    assert "collectstatic" in response.json()["static_files"]


@pytest.mark.parametrize(
    "language,heading",
    [
        ("en", "The portal is briefly unavailable"),
        ("fr", "Le portail est momentanément indisponible"),
        ("es", "El portal no está disponible por unos instantes"),
        ("ar", "البوابة غير متاحة مؤقتًا"),
    ],
)
def test_pages_answer_a_localised_503_while_the_database_is_down(language, heading):
    client = Client(raise_request_exception=False)
    with mock.patch("wagtail.models.Page.route_for_request", side_effect=OperationalError("server closed")):
        response = client.get(f"/{language}/")
    assert response.status_code == 503
    assert response["Retry-After"] == "120"
    html = response.content.decode()
    assert f'lang="{language}"' in html
    assert heading in html
    assert "Traceback" not in html and "server closed" not in html


def test_after_a_database_error_the_next_request_reconnects():
    """A connection kept open (CONN_MAX_AGE) to a database that lost its tables would keep failing."""
    kept_open = mock.Mock(in_atomic_block=False)
    client = Client(raise_request_exception=False)
    with (
        mock.patch("wagtail.models.Page.route_for_request", side_effect=OperationalError("no such table")),
        mock.patch("portal.views.connections") as connections,
    ):
        connections.all.return_value = [kept_open]
        client.get("/en/")
    kept_open.close.assert_called_once()


def test_robots_txt_points_at_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert "Sitemap: http://localhost/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


def test_sitemap_lists_pages_in_every_language(client):
    programme_page()
    body = client.get("/sitemap.xml").content.decode()
    for url in ["/en/", "/fr/", "/es/", "/ar/", "/es/partners/", *PROGRAMME_URLS.values()]:
        assert f"{url}</loc>" in body
