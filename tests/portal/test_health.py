from unittest import mock

import pytest

from django.db import OperationalError

from tests.pages_helpers import PROGRAMME_URLS, programme_page

pytestmark = pytest.mark.django_db


def test_healthz_reports_a_working_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_is_503_when_the_database_is_down(client):
    with mock.patch("portal.views.connection.cursor", side_effect=OperationalError("connection refused")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "unavailable"}


def test_robots_txt_points_at_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


def test_sitemap_lists_pages_in_every_language(client):
    programme_page()
    body = client.get("/sitemap.xml").content.decode()
    for url in ["/en/", "/fr/", "/es/", "/ar/", "/es/partners/", *PROGRAMME_URLS.values()]:
        assert f"{url}</loc>" in body
