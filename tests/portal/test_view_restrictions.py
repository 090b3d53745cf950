"""Pages behind a password, a sign-in or a group restriction never show their titles or texts on
public pages: not in the menus, the programme-page cards, the sitemap, search or the update feed."""

import pytest

from wagtail.models import PageViewRestriction

from home.models import ContentPage, HomePage, UpdatePage
from tests.factories import locale
from tests.pages_helpers import update_index

pytestmark = pytest.mark.django_db

OPEN_TITLE = "Open programme page"
SECRETS = {
    PageViewRestriction.PASSWORD: "Password-protected negotiations",
    PageViewRestriction.LOGIN: "Signed-in staff briefing",
}
SECRET_CHILD = "Annex under the password page"
SECRET_UPDATE = "Embargoed update"


def _published_child(parent, model=ContentPage, **fields):
    page = model(show_in_menus=True, introduction=f"{fields['title']} introduction.", **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def planted():
    home = HomePage.objects.get(locale=locale("en"))
    home.body = [("programme_pages", {"heading": "About the programme"})]
    home.save_revision().publish()
    _published_child(home, title=OPEN_TITLE, slug="open")
    for restriction_type, title in SECRETS.items():
        page = _published_child(home, title=title, slug=f"secret-{restriction_type}")
        PageViewRestriction.objects.create(page=page, restriction_type=restriction_type, password="hunter22")
        if restriction_type == PageViewRestriction.PASSWORD:
            _published_child(page, title=SECRET_CHILD, slug="annex")
    updates = update_index()
    update = UpdatePage(title=SECRET_UPDATE, slug="embargoed", date="2026-11-30", summary=f"{SECRET_UPDATE}.")
    updates.add_child(instance=update)
    update.save_revision().publish()
    PageViewRestriction.objects.create(page=update, restriction_type=PageViewRestriction.LOGIN)


SURFACES = ["/en/", "/en/open/", "/en/no-such-page/", "/en/updates/", "/en/updates/feed/", "/sitemap.xml"]
SECRET_TEXTS = [
    *SECRETS.values(),
    SECRET_CHILD,
    SECRET_UPDATE,
    "secret-password",
    "secret-login",
    "embargoed",
]


@pytest.mark.parametrize("url", SURFACES)
def test_restricted_pages_stay_off_every_public_surface(client, planted, url):
    response = client.get(url)
    assert response.status_code in (200, 404)
    html = response.content.decode()
    for secret in SECRET_TEXTS:
        assert secret not in html, f"{secret!r} shows on {url}"


def test_the_crawl_sees_the_open_page_where_the_secret_ones_would_be(client, planted):
    """Guards the test above against passing because the surfaces list no pages at all."""
    for url in ("/en/", "/en/open/", "/en/no-such-page/"):
        assert OPEN_TITLE in client.get(url).content.decode(), url
    assert "/en/open/" in client.get("/sitemap.xml").content.decode()


@pytest.mark.parametrize("term", ["negotiations", "briefing", "Annex", "Embargoed"])
def test_search_never_finds_restricted_pages(client, planted, term):
    html = client.get("/en/search/", {"q": term}).content.decode()
    for secret in SECRET_TEXTS[:4]:
        assert secret not in html
