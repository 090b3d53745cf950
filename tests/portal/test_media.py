"""Uploaded media is served once DEBUG is off (issue 13, finding 14): from the portal's disk, or from
S3-compatible object storage in production; documents only ever through Wagtail's privacy-checking
view."""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from django.core.files.images import ImageFile
from django.test import override_settings

from wagtail.images import get_image_model

from tests.factories import public_partner

pytestmark = pytest.mark.django_db

BASE_DIR = Path(__file__).resolve().parents[2]


def png():
    image = io.BytesIO()
    Image.new("RGB", (8, 8), "navy").save(image, "PNG")
    return image.getvalue()


PIXELS = png()


@pytest.fixture
def media_root(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "logo.png").write_bytes(PIXELS)
    (tmp_path / "documents").mkdir()
    (tmp_path / "documents" / "draft-agreement.pdf").write_bytes(b"%PDF-1.4 private draft")
    return tmp_path


def test_an_image_on_disk_is_served_with_debug_off(client, media_root, settings):
    assert settings.DEBUG is False
    response = client.get("/media/images/logo.png")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PIXELS
    assert response["Content-Type"] == "image/png"
    assert "public" in response["Cache-Control"]


@pytest.mark.parametrize(
    "path",
    [
        "/media/documents/draft-agreement.pdf",
        "/media/images/../documents/draft-agreement.pdf",
        "/media/./documents/draft-agreement.pdf",
        "/media/../portal/settings/base.py",
        "/media/images/missing.png",
    ],
)
def test_documents_and_anything_outside_the_media_folder_are_not_served(client, media_root, path):
    response = client.get(path)
    # Django refuses a path that climbs out of the folder as a bad request.
    assert response.status_code in {400, 404}
    assert b"private draft" not in response.content


def test_media_is_only_read(client, media_root):
    assert client.post("/media/images/logo.png").status_code == 405


def test_a_partners_logo_shows_on_its_profile(client, media_root):
    image = get_image_model().objects.create(
        title="Logo", file=ImageFile(open_pixel(media_root), name="partner-logo.png")
    )
    public_partner(name="Logo Labs", slug="logo-labs", logo=image)
    page = BeautifulSoup(client.get("/en/partners/logo-labs/").content, "html.parser")
    sources = [img["src"] for img in page.select("main img")]
    assert sources, "the profile shows no logo"
    for source in sources:
        assert source.startswith("/media/")
        assert client.get(source).status_code == 200, source


def open_pixel(media_root):
    return (media_root / "images" / "logo.png").open("rb")


@override_settings(PORTAL_SERVE_MEDIA=False)
def test_without_portal_serving_media_the_address_is_not_answered(client, media_root):
    # The URL patterns are read once; this checks the switch the patterns are built from.
    from portal.media import media_urlpatterns

    assert media_urlpatterns() == []


PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "SECRET_KEY": "a-long-random-production-secret-" + "x7Gq2" * 10,
    "ALLOWED_HOSTS": "partnerships.example.org",
    "SECURE_SSL_REDIRECT": "false",
}

PROBE = """
import json
from django.conf import settings
from django.core.files.storage import storages
from django.test import Client
from django.urls import Resolver404, resolve
storage = storages["default"]
try:
    view = resolve("/media/images/logo.png").func
    served_by = view.__module__ + "." + view.__name__
    status = Client().get("/media/images/logo.png", HTTP_HOST="partnerships.example.org", secure=True).status_code
except Resolver404:
    served_by, status = None, None
print(json.dumps({
    "storage": type(storage).__module__ + "." + type(storage).__name__,
    "logo_url": storage.url("images/logo.png"),
    "served_by": served_by,
    "logo_status": status,
    "documents": settings.WAGTAILDOCS_SERVE_METHOD,
    "img_src": settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"],
}))
"""


def probe_production(**env):
    environment = {key: value for key, value in os.environ.items() if not key.startswith("AWS_")}
    environment.update(PRODUCTION, **env)
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", PROBE],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_serves_media_from_its_disk(tmp_path):
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "logo.png").write_bytes(PIXELS)
    answer = probe_production(MEDIA_ROOT=str(tmp_path))
    assert answer["storage"] == "django.core.files.storage.filesystem.FileSystemStorage"
    assert answer["logo_url"] == "/media/images/logo.png"
    assert answer["served_by"] == "portal.media.serve_media"
    assert answer["logo_status"] == 200
    assert answer["documents"] == "serve_view"


def test_production_keeps_media_on_object_storage():
    answer = probe_production(
        AWS_STORAGE_BUCKET_NAME="portal-media",
        AWS_S3_ENDPOINT_URL="https://s3.example.net",
        AWS_S3_CUSTOM_DOMAIN="media.partnerships.example.org",
    )
    assert answer["storage"] == "storages.backends.s3.S3Storage"
    assert answer["logo_url"] == "https://media.partnerships.example.org/images/logo.png"
    # The portal no longer answers /media/: the object store does.
    assert answer["served_by"] is None
    assert answer["documents"] == "serve_view"
    assert "https://media.partnerships.example.org" in answer["img_src"]
