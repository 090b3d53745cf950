"""The admin door: sign-in lockout per account and per address, a localised lockout page, a movable
admin address, sessions that end, and framing rules that agree."""

import importlib

import pytest

from django.contrib.auth.models import User
from django.test import Client
from django.urls import clear_url_caches

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
PASSWORD = "correct horse battery staple"


@pytest.fixture
def staff():
    User.objects.create_superuser("door-admin", "door@example.org", PASSWORD)
    User.objects.create_superuser("door-other", "other@example.org", PASSWORD)


def sign_in(client, username, password, address="198.51.100.1", language="en"):
    return client.post(
        LOGIN,
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        HTTP_ACCEPT_LANGUAGE=language,
    )


def test_five_wrong_passwords_lock_the_account_even_from_other_addresses(staff):
    client = Client()
    statuses = [
        sign_in(client, "door-admin", "wrong", address=f"198.51.100.{n}").status_code for n in range(5)
    ]
    assert statuses == [200, 200, 200, 200, 429]
    locked = sign_in(client, "door-admin", PASSWORD, address="203.0.113.50")
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session


def test_five_wrong_passwords_lock_the_address_for_every_account(staff):
    client = Client()
    for attempt in range(5):
        sign_in(client, f"guess-{attempt}", "wrong", address="192.0.2.66")
    assert sign_in(client, "door-other", PASSWORD, address="192.0.2.66").status_code == 429
    assert sign_in(Client(), "door-other", PASSWORD, address="192.0.2.67").status_code == 302


def test_a_right_password_before_the_limit_signs_in_and_forgets_the_failures(staff):
    client = Client()
    for _ in range(4):
        sign_in(client, "door-admin", "wrong")
    assert sign_in(client, "door-admin", PASSWORD).status_code == 302


@pytest.mark.parametrize(
    "language,text",
    [
        ("en", "Too many failed sign-ins"),
        ("fr", "Trop d’échecs de connexion"),
        ("es", "Demasiados intentos fallidos de inicio de sesión"),
        ("ar", "محاولات دخول فاشلة كثيرة جدًا"),
    ],
)
def test_the_lockout_page_speaks_the_readers_language(staff, language, text):
    client = Client()
    for _ in range(6):
        response = sign_in(client, "door-admin", "wrong", language=language)
    assert response.status_code == 429
    html = response.content.decode()
    assert f'lang="{language}"' in html
    assert text in html
    assert "30" in html


def test_admin_sessions_end(settings):
    assert settings.SESSION_COOKIE_AGE <= 12 * 60 * 60
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE


def test_framing_rules_agree_in_the_admin_and_on_public_pages(client):
    admin = client.get(LOGIN)
    assert admin["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in admin["Content-Security-Policy"]
    public = client.get("/en/")
    assert public["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in public["Content-Security-Policy"]


def test_the_admin_moves_to_admin_path(settings, client):
    urls = importlib.import_module("portal.urls")
    settings.ADMIN_URL_PREFIX = "/back-office/"
    importlib.reload(urls)
    clear_url_caches()
    try:
        assert client.get("/back-office/login/").status_code == 200
        assert client.get("/admin/login/", follow=True).status_code == 404
        assert "admin" not in client.get("/robots.txt").content.decode().lower()
    finally:
        settings.ADMIN_URL_PREFIX = "/admin/"
        importlib.reload(urls)
        clear_url_caches()
