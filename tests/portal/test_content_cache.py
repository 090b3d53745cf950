"""What every page draws from the published content (the menu, the header and footer, the way to each
page's translations, the record pages' addresses, the programme pages' cards) is worked out once per
content version (portal/content_cache.py): a page then costs a fixed, small number of queries, and
anything published is on the next page. With REDIS_URL set (CI's PostgreSQL pass) it runs on Redis."""

from unittest import mock

import pytest
from bs4 import BeautifulSoup

from django.test import Client

from wagtail.models import Page

from home.models import ContentPage
from portal.page_cache import page_cache
from tests.factories import public_contribution
from tests.pages_helpers import PROGRAMME_URLS, programme_page
from tests.site import translated_page

pytestmark = pytest.mark.django_db

# Every page of the portal stays within this many queries, however large the register (the PostgreSQL
# test with 2,000 partners and 20,000 contributions is tests/partnerships/test_list_query_budget.py).
QUERY_BUDGET = 15


@pytest.fixture
def remembered(settings, django_capture_on_commit_callbacks):
    """The content cache on, over a programme page and a public contribution published (and committed)
    before the test reads anything."""
    settings.PORTAL_CONTENT_CACHE = True
    with django_capture_on_commit_callbacks(execute=True):
        programme_page()
        contribution = public_contribution()
    return contribution


@pytest.fixture
def anonymous():
    return Client(HTTP_ACCEPT_LANGUAGE="en")


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def menu(response):
    return [a.text for a in soup(response).select(".primary-nav a")]


def reads_the_menu(queries):
    return any(
        '"show_in_menus"' in query["sql"].partition(" WHERE ")[2] for query in queries.captured_queries
    )


def pages_of(contribution):
    partner = contribution.partner
    return {
        "home": "/{}/",
        "programme page": None,
        "directory": "/{}/partners/",
        "profile": f"/{{}}/partners/{partner.slug}/",
        "register": "/{}/contributions/",
        "contribution page": f"/{{}}/contributions/{contribution.slug}/",
        "updates": "/{}/updates/",
        "search": "/{}/search/?q=test",
    }


@pytest.mark.parametrize("code", ["en", "ar"])
def test_every_page_stays_within_the_query_budget(remembered, anonymous, code, django_assert_max_num_queries):
    for name, pattern in pages_of(remembered).items():
        url = PROGRAMME_URLS[code] if pattern is None else pattern.format(code)
        assert anonymous.get(url).status_code == 200, name
        with django_assert_max_num_queries(QUERY_BUDGET, info=name):
            assert anonymous.get(url).status_code == 200


def test_the_header_and_footer_are_not_read_again_until_something_is_published(
    remembered, anonymous, django_assert_max_num_queries
):
    anonymous.get("/fr/")
    with django_assert_max_num_queries(QUERY_BUDGET) as queries:
        anonymous.get("/fr/")
    tables = " ".join(query["sql"] for query in queries.captured_queries)
    assert "home_organisation" not in tables
    assert "home_footer" not in tables
    assert not reads_the_menu(queries)


def test_a_page_published_is_in_the_menu_of_the_next_page(
    remembered, anonymous, django_capture_on_commit_callbacks
):
    assert "Rules" not in menu(anonymous.get("/en/"))
    with django_capture_on_commit_callbacks(execute=True):
        translated_page(ContentPage, slug="rules", titles={"en": "Rules"})
    assert "Rules" in menu(anonymous.get("/en/"))


def test_a_translation_unpublished_leaves_the_language_selector_of_the_next_page(
    remembered, anonymous, django_capture_on_commit_callbacks
):
    def french_link():
        page = soup(anonymous.get(PROGRAMME_URLS["en"]))
        return page.select_one('.language-selector a[lang="fr"]')["href"]

    assert french_link() == PROGRAMME_URLS["fr"]
    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.get(url_path__endswith="/transparence/").unpublish()
    assert french_link() == "/fr/"


def test_the_content_cache_can_be_turned_off(remembered, settings, anonymous, django_assert_max_num_queries):
    settings.PORTAL_CONTENT_CACHE = False
    anonymous.get("/fr/")
    with django_assert_max_num_queries(40) as queries:
        anonymous.get("/fr/")
    assert reads_the_menu(queries)


def test_a_cache_that_cannot_be_read_does_not_take_the_page_down(remembered, anonymous):
    with mock.patch.object(page_cache(), "get", side_effect=ConnectionError("cache down")):
        response = anonymous.get("/en/")
    assert response.status_code == 200
    assert "The collaboration programme" in menu(response)
