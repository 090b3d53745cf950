"""The page cache (portal/page_cache.py) and HTTP caching: anonymous readers get public pages from the
cache, nobody else does, and anything published is on the next request. With REDIS_URL set (CI's
PostgreSQL pass) the same tests run on Redis."""

import datetime
from decimal import Decimal
from pathlib import Path
from unittest import mock

import pytest
from bs4 import BeautifulSoup
from whitenoise.compress import Compressor

from django.db import transaction
from django.test import Client

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Site

from home.models import HomePage
from partnerships.models import ExchangeRate, PartnershipSettings
from portal import page_cache
from tests.factories import (
    ContributionFactory,
    ReviewFactory,
    login,
    public_contribution,
    public_partner,
    publish,
)

pytestmark = pytest.mark.django_db

PRODUCTION_SETTINGS = Path(__file__).resolve().parents[2] / "portal" / "settings" / "production.py"
REGISTER = "/en/contributions/"
HIT = "hit"


@pytest.fixture
def cached(settings):
    settings.PORTAL_PAGE_CACHE = True
    return settings


@pytest.fixture
def anonymous():
    return Client(HTTP_ACCEPT_LANGUAGE="en")


def cache_state(response):
    return response.get(page_cache.CACHE_HEADER)


def version():
    return page_cache.content_version(page_cache.page_cache())


def test_an_anonymous_second_request_is_served_from_the_cache_without_a_query(
    cached, anonymous, django_assert_num_queries
):
    first = anonymous.get(REGISTER)
    assert first.status_code == 200
    assert cache_state(first) == "miss"
    with django_assert_num_queries(0):
        second = anonymous.get(REGISTER)
    assert cache_state(second) == HIT
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    # Headers added around the cache are the request's own, not the stored ones.
    assert second["X-Request-ID"] != first["X-Request-ID"]
    assert "Content-Security-Policy" in second


def test_head_is_answered_from_what_a_get_stored(cached, anonymous, django_assert_num_queries):
    anonymous.get(REGISTER)
    with django_assert_num_queries(0):
        assert cache_state(anonymous.head(REGISTER)) == HIT


def test_the_query_string_is_normalised(cached, anonymous):
    anonymous.get(REGISTER + "?status_group=committed&sort=partner")
    same = anonymous.get(REGISTER + "?sort=partner&type=&utm_source=newsletter&status_group=committed")
    assert cache_state(same) == HIT
    other = anonymous.get(REGISTER + "?status_group=pledged&sort=partner")
    assert cache_state(other) == "miss"


def test_each_language_and_host_has_its_own_entry(cached, anonymous, settings):
    anonymous.get("/en/contributions/")
    assert cache_state(anonymous.get("/fr/contributions/")) == "miss"
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "other.example"]
    assert cache_state(anonymous.get("/en/contributions/", HTTP_HOST="other.example")) == "miss"


def test_a_signed_in_editor_never_gets_a_cached_page_and_never_fills_the_cache(
    cached, anonymous, client, editor
):
    anonymous.get(REGISTER)  # the anonymous reader's copy
    login(client, editor)
    for _ in range(2):
        response = client.get(REGISTER)
        assert response.status_code == 200
        assert cache_state(response) is None
        assert "private" in response["Cache-Control"]
    page_cache.page_cache().clear()
    client.get("/en/partners/")
    assert cache_state(anonymous.get("/en/partners/")) == "miss"


def test_a_reader_with_a_notice_waiting_is_not_served_from_the_cache(cached, anonymous):
    anonymous.get(REGISTER)
    anonymous.cookies["messages"] = "a-notice"
    assert cache_state(anonymous.get(REGISTER)) is None


def add_figures_to_the_home_page():
    home = HomePage.objects.get(locale__language_code="en")
    home.body = [("programme_figures", {"heading": "In figures"})]
    publish(home)


def read(response):
    """The body, read at once: a download streams, so reading it later would see later data."""
    assert response.status_code == 200
    assert cache_state(response) != HIT
    return b"".join(response).decode()


def figures(html):
    return [stat.get_text(" ", strip=True) for stat in BeautifulSoup(html, "html.parser").select(".stat")]


def test_publishing_a_contribution_shows_on_every_page_at_the_next_request(
    cached, anonymous, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        add_figures_to_the_home_page()
        partner = public_partner(name="Quokkaflux Instruments")
        public_contribution(partner=partner, amount=Decimal("100000"))
    profile = f"/en/partners/{partner.slug}/"
    search = "/en/search/?q=zebrawood"
    urls = [REGISTER, profile, "/en/", search, "/en/contributions/feed/", "/data/contributions.csv"]
    before = {url: read(anonymous.get(url)) for url in urls}
    assert cache_state(anonymous.get(REGISTER)) == HIT

    contribution = ContributionFactory(
        partner=partner,
        title="Zebrawood seedlings",
        amount=Decimal("900000"),
        signed_date=datetime.date.today(),
    )
    with django_capture_on_commit_callbacks(execute=True):
        publish(contribution)

    after = {url: read(anonymous.get(url)) for url in urls}
    # The search page marks the word searched for ("<mark>Zebrawood</mark> seedlings").
    for url in [REGISTER, profile, search, "/en/contributions/feed/", "/data/contributions.csv"]:
        assert "seedlings" not in before[url], url
        assert "seedlings" in after[url], url
    assert figures(after["/en/"]) != figures(before["/en/"])


def test_a_change_that_rolls_back_keeps_the_cached_pages(cached, django_capture_on_commit_callbacks):
    token = version()
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        public_partner()
        raise RuntimeError("rolled back")
    assert version() == token


def test_a_draft_changes_nothing_public(cached, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        partner = public_partner()
    token = version()
    with django_capture_on_commit_callbacks(execute=True):
        partner.name = "A draft name"
        partner.save_revision()
        ContributionFactory(partner=partner)
    assert version() == token


def unpublish_a_page():
    Page.objects.get(slug="updates", locale__language_code="fr").specific.unpublish()


def reorder_pages():
    apply_page = Page.objects.get(slug="apply", locale__language_code="en")
    apply_page.move(apply_page.get_parent(), pos="first-child")


def record_a_review():
    ReviewFactory(partner=public_partner())


def change_a_rate():
    ExchangeRate.objects.create(currency="USD", month=datetime.date(2025, 3, 1), rate=Decimal("0.9"))


def change_a_site_setting():
    settings = PartnershipSettings.for_site(Site.objects.get(is_default_site=True))
    settings.save()


def add_a_redirect():
    Redirect.objects.create(old_path="/old-page", redirect_link="/en/")


def delete_a_record():
    public_contribution().delete()


def unpublish_a_record():
    public_contribution().unpublish()


@pytest.mark.parametrize(
    "change",
    [
        unpublish_a_page,
        reorder_pages,
        record_a_review,
        change_a_rate,
        change_a_site_setting,
        add_a_redirect,
        delete_a_record,
        unpublish_a_record,
    ],
)
def test_every_kind_of_public_change_makes_the_cached_pages_stale(
    cached, anonymous, change, django_capture_on_commit_callbacks
):
    anonymous.get("/en/")
    with django_capture_on_commit_callbacks(execute=True):
        change()
    assert cache_state(anonymous.get("/en/")) == "miss"


def test_a_cdn_is_purged_of_every_live_page_when_something_is_published(
    cached, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://cdn",
        }
    }
    with (
        mock.patch("wagtail.contrib.frontend_cache.utils.purge_urls_from_cache") as purge,
        django_capture_on_commit_callbacks(execute=True),
    ):
        public_contribution()
    assert purge.call_count == 1  # once for the whole transaction
    purged = purge.call_args.args[0]
    assert {"http://localhost/en/", "http://localhost/ar/contributions/"} <= set(purged)


def test_the_apply_form_is_never_cached_and_its_token_works(cached):
    readers = [Client(enforce_csrf_checks=True, HTTP_ACCEPT_LANGUAGE="en") for _ in range(2)]
    tokens = []
    for reader in readers:
        response = reader.get("/en/apply/")
        assert response.status_code == 200
        assert cache_state(response) is None
        assert response["Cache-Control"] == "private, no-store"
        tokens.append(reader.cookies["csrftoken"].value)
        form_token = BeautifulSoup(response.content, "html.parser").select_one(
            "input[name=csrfmiddlewaretoken]"
        )["value"]
        # An incomplete form: answered with its errors (400), not refused for its token (403).
        assert reader.post("/en/apply/", {"csrfmiddlewaretoken": form_token}).status_code == 400
        assert reader.post("/en/apply/", {"csrfmiddlewaretoken": "forged" * 8}).status_code == 403
    assert tokens[0] != tokens[1]
    home = readers[0].get("/en/")
    assert b"csrfmiddlewaretoken" not in home.content
    assert not home.cookies


def test_the_page_cache_can_be_turned_off(settings, anonymous, django_assert_max_num_queries):
    settings.PORTAL_PAGE_CACHE = False
    anonymous.get(REGISTER)
    response = anonymous.get(REGISTER)
    assert cache_state(response) is None
    assert response["Cache-Control"] == "public, max-age=60, must-revalidate"


@pytest.mark.parametrize("on", [True, False])
@pytest.mark.parametrize("url", ["/en/", REGISTER, "/en/contributions/feed/"])
def test_an_unchanged_page_or_feed_is_answered_304(settings, anonymous, url, on):
    settings.PORTAL_PAGE_CACHE = on
    public_contribution()  # a feed without entries says it was updated now, every second anew
    first = anonymous.get(url)
    assert first.status_code == 200
    etag = first["ETag"]
    assert anonymous.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert anonymous.get(url, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200


def test_every_kind_of_response_states_how_it_may_be_cached(cached, anonymous, client, editor):
    assert anonymous.get("/en/")["Cache-Control"] == "public, max-age=60, must-revalidate"
    assert anonymous.get("/en/contributions/feed/")["Cache-Control"] == "public, max-age=60, must-revalidate"
    assert anonymous.get("/en/apply/")["Cache-Control"] == "private, no-store"
    assert anonymous.get("/data/contributions.csv")["Cache-Control"] == "public, max-age=300"
    static = anonymous.get("/static/css/forms.css")
    assert static.status_code == 200
    assert "public" in static["Cache-Control"]
    login(client, editor)
    admin = client.get("/admin/")
    assert admin.status_code == 200
    assert {"private", "no-store"} <= {part.strip() for part in admin["Cache-Control"].split(",")}
    assert client.get("/en/")["Cache-Control"] == "private, no-cache"


def test_production_compresses_static_files_with_gzip_and_brotli(tmp_path):
    assert "whitenoise.storage.CompressedManifestStaticFilesStorage" in PRODUCTION_SETTINGS.read_text()
    stylesheet = tmp_path / "site.css"
    stylesheet.write_text("body { margin: 0; }\n" * 200)
    written = list(Compressor(quiet=True).compress(str(stylesheet)))
    assert sorted(path.rsplit(".", 1)[1] for path in written) == ["br", "gz"]
