import os
import subprocess
import sys
from pathlib import Path

import pytest

from home.models import HomePage
from tests.factories import CooperationAreaFactory, public_contribution, public_partner, publish
from tests.pages_helpers import PROGRAMME_URLS, programme_page

pytestmark = pytest.mark.django_db

BASE_DIR = Path(__file__).resolve().parents[2]


def run_manage(*args, **env):
    environment = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS"}}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_under_production_settings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "DEBUG",
        settings="ignored",
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY="a-long-random-production-secret-" + "x7Gq2" * 10,
        ALLOWED_HOSTS="partnerships.example.org",
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage(
        "check",
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        ALLOWED_HOSTS="partnerships.example.org",
    )
    assert result.returncode != 0
    assert "SECRET_KEY is required in production" in result.stderr


def test_public_pages_carry_a_strict_policy_and_secure_headers(client):
    response = client.get("/en/")
    policy = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def every_block(page):
    """A body with each kind of block, the record blocks included (their figures are drawn as charts)."""
    area = CooperationAreaFactory(slug="security-area", name="Security area")
    partner = public_partner(name="Inline Check Partner", summary="A partner whose records fill the blocks.")
    partner.cooperation_areas.set([area])
    publish(partner)
    public_contribution(partner=partner)
    public_contribution(partner=partner, in_kind=True, currency="USD")
    return [
        ("heading", {"text": "Heading", "level": "h2"}),
        ("paragraph", "<p>Some <b>bold</b> text and a <a href='https://example.org'>link</a>.</p>"),
        ("key_facts", {"title": "Facts", "facts": [{"figure": "3", "text": "criteria"}]}),
        ("quote", {"text": "A callout.", "attribution": "", "style": "callout"}),
        ("call_to_action", {"heading": "Apply", "text": "", "page": page, "link_text": "Apply"}),
        ("programme_figures", {"heading": "Figures"}),
        ("area_partners", {"heading": "Area", "area": "security-area", "limit": 3}),
        ("latest_contributions", {"heading": "Latest", "number": 3}),
    ]


def test_public_pages_have_no_inline_scripts_or_styles(client):
    from bs4 import BeautifulSoup

    programme = programme_page()
    body = every_block(programme["en"])
    for code in ["en", "fr", "ar"]:
        programme[code].body = body
        programme[code].save_revision().publish()
    for home in HomePage.objects.filter(locale__language_code__in=["en", "ar"]):
        home.body = [*body, ("programme_pages", {"heading": "Pages"})]
        home.save_revision().publish()

    for url in ["/en/", "/ar/", PROGRAMME_URLS["fr"], "/en/search/?q=partner"]:
        response = client.get(url)
        assert response.status_code == 200, url
        page = BeautifulSoup(response.content, "html.parser")
        assert page.select(".stream > *, .search-results li"), url
        assert not page.select("style"), url
        assert not page.select("[style]"), url
        assert all(script.get("src") for script in page.select("script")), url


def test_the_admin_alone_gets_the_relaxed_policy(client):
    response = client.get("/admin/login/")
    assert "'unsafe-inline'" in response["Content-Security-Policy"]
