"""The site map for people (home/sitemap_page.py): the live pages anyone may read in the reader's
language, as a tree, with the directory and the register by cooperation area."""

import pytest
from bs4 import BeautifulSoup

from wagtail.models import PageViewRestriction

from home.models import ContentPage, HomePage, SitemapPage
from tests.factories import CooperationAreaFactory, locale
from tests.pages_helpers import PROGRAMME, PROGRAMME_URLS, page_in_languages, programme_page

pytestmark = pytest.mark.django_db

SITE_MAP = {
    "en": {"title": "Site map", "slug": "site-map"},
    "fr": {"title": "Plan du site", "slug": "plan-du-site"},
    "es": {"title": "Mapa del sitio", "slug": "mapa-del-sitio"},
    "ar": {"title": "خريطة الموقع", "slug": "site-map"},
}


def listed(client, code):
    """{link text: address} of the site map in `code`."""
    response = client.get(f"/{code}/{SITE_MAP[code]['slug']}/")
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    assert page.html["lang"] == code
    return {a.text: a["href"] for a in page.select(".sitemap a")}


@pytest.fixture
def site_map():
    return page_in_languages(SitemapPage, texts=SITE_MAP)


def english_page(slug, title, *, live=True, parent=None):
    parent = parent or HomePage.objects.get(locale=locale("en"), depth=2)
    page = ContentPage(title=title, slug=slug, live=live)
    parent.add_child(instance=page)
    if live:
        page.save_revision().publish()
    return page


@pytest.mark.parametrize("code", ["en", "fr", "es", "ar"])
def test_the_site_map_lists_the_live_pages_of_the_readers_language(client, site_map, code):
    programme_page()
    links = listed(client, code)
    assert links[PROGRAMME[code]["title"]] == PROGRAMME_URLS[code]
    assert links[SITE_MAP[code]["title"]] == f"/{code}/{SITE_MAP[code]['slug']}/"
    # The bare site's directory, register, updates and apply pages, in this language's tree.
    assert f"/{code}/partners/" in links.values()
    assert f"/{code}/contributions/" in links.values()
    assert all(address.startswith(f"/{code}/") for address in links.values())
    others = {PROGRAMME[other]["title"] for other in PROGRAMME if other != code} - {PROGRAMME[code]["title"]}
    assert not others & set(links)


def test_drafts_and_restricted_pages_are_left_out(client, site_map):
    english_page("published-page", "Published page")
    english_page("draft-page", "Draft page", live=False)
    private = english_page("private-page", "Private page")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    english_page("under-private", "Under the private page", parent=private)
    links = listed(client, "en")
    assert "Published page" in links
    assert not {"Draft page", "Private page", "Under the private page"} & set(links)


def test_the_directory_and_register_are_listed_by_cooperation_area(client, site_map):
    CooperationAreaFactory(
        slug="maritime-security", name="Maritime security", translations={"fr": {"name": "Sûreté maritime"}}
    )
    links = listed(client, "fr")
    assert links["Sûreté maritime"] in {
        "/fr/partners/?area=maritime-security",
        "/fr/contributions/?area=maritime-security",
    }
    sections = [
        a["href"]
        for a in BeautifulSoup(client.get("/fr/plan-du-site/").content, "html.parser").select(
            ".sitemap__sections a"
        )
    ]
    assert sections == ["/fr/partners/?area=maritime-security", "/fr/contributions/?area=maritime-security"]
