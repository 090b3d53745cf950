import re

import pytest
from bs4 import BeautifulSoup

from home.models import ContentPage
from partnerships.register import PER_PAGE
from tests.directory_helpers import bulk_public_contributions
from tests.factories import public_partner
from tests.pages_helpers import PROGRAMME, PROGRAMME_URLS, programme_page
from tests.site import TITLES, translated_page

pytestmark = pytest.mark.django_db

HOMES = {"en": "ltr", "fr": "ltr", "es": "ltr", "ar": "rtl"}


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize("code,direction", HOMES.items())
def test_each_home_page_declares_its_language_and_direction(client, code, direction):
    response = client.get(f"/{code}/")
    assert response.status_code == 200
    html = soup(response).html
    assert html["lang"] == code
    assert html["dir"] == direction


@pytest.mark.parametrize("code", HOMES)
def test_home_page_lists_every_translation_as_an_alternate(client, code):
    page = soup(client.get(f"/{code}/"))
    alternates = {link["hreflang"]: link["href"] for link in page.select('link[rel="alternate"][hreflang]')}
    assert set(alternates) == {"en", "fr", "es", "ar", "x-default"}
    assert alternates["x-default"] == alternates["en"] == "http://localhost/en/"
    assert alternates["ar"] == "http://localhost/ar/"


@pytest.fixture
def programme():
    """A programme page in the four languages, each at its own address (PROGRAMME_URLS)."""
    return programme_page()


@pytest.mark.parametrize("code", HOMES)
def test_programme_pages_are_published_in_every_language(client, programme, code):
    response = client.get(PROGRAMME_URLS[code])
    assert response.status_code == 200
    assert soup(response).html["lang"] == code
    assert soup(response).h1.get_text() == PROGRAMME[code]["title"]


@pytest.mark.parametrize("source", HOMES)
def test_language_switcher_leads_to_the_translation_of_the_current_page(client, programme, source):
    page = soup(client.get(PROGRAMME_URLS[source]))
    links = {a["lang"]: a["href"] for a in page.select(".language-selector a[lang]")}
    expected = {code: url for code, url in PROGRAMME_URLS.items() if code != source}
    assert links == expected
    current = page.select_one(".language-selector [aria-current]")
    assert current["lang"] == source
    for code, url in links.items():
        assert soup(client.get(url)).html["lang"] == code


def test_language_switcher_falls_back_to_the_locale_home_when_a_page_is_untranslated(client, programme):
    programme["es"].unpublish()

    page = soup(client.get(PROGRAMME_URLS["en"]))
    spanish = page.select_one('.language-selector a[lang="es"]')
    assert spanish["href"] == "/es/"
    assert "home page" in spanish.get_text()
    alternates = {link["hreflang"] for link in page.select('link[rel="alternate"][hreflang]')}
    assert alternates == {"en", "fr", "ar", "x-default"}


def test_primary_navigation_follows_the_reader_language(client):
    # A menu page not translated into French yet: the French menu leaves it out.
    translated_page(ContentPage, slug="english-only", titles={"en": "English only"})
    english = [a.get_text(strip=True) for a in soup(client.get("/en/")).select(".primary-nav a")]
    french = soup(client.get("/fr/")).select(".primary-nav a")
    menu = ["partners", "contributions", "updates", "apply"]
    assert english == [TITLES["home"]["en"], *(TITLES[key]["en"] for key in menu), "English only"]
    assert [a.get_text(strip=True) for a in french] == [TITLES[key]["fr"] for key in ["home", *menu]]
    assert [a["href"] for a in french] == ["/fr/", *(f"/fr/{key}/" for key in menu)]
    assert not set(english[1:]) & {a.get_text(strip=True) for a in french[1:]}


@pytest.mark.parametrize(
    "accept_language,target",
    [
        ("ar", "/ar/"),
        ("fr-CA,fr;q=0.9,en;q=0.5", "/fr/"),
        ("es-MX", "/es/"),
        ("de-DE,de;q=0.9", "/en/"),
        ("", "/en/"),
        ("*", "/en/"),
    ],
)
def test_root_redirects_by_accept_language(client, accept_language, target):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == target


def test_unknown_page_is_a_localised_404(client):
    response = client.get("/fr/no-such-page/")
    assert response.status_code == 404
    page = soup(response)
    assert page.html["lang"] == "fr"
    assert "Page introuvable" in page.h1.get_text()
    assert re.search(r'href="/fr/"', response.content.decode())


def test_arabic_404_is_right_to_left(client):
    response = client.get("/ar/no-such-page/")
    assert response.status_code == 404
    assert soup(response).html["dir"] == "rtl"


LATIN_DIGIT = re.compile(r"[0-9]")
ARABIC_INDIC_DIGIT = re.compile(r"[\u0660-\u0669]")


def test_arabic_pages_write_dates_and_page_numbers_in_arabic_digits(client, programme):
    # One contribution more than a page of the register holds: "Page 1 of 2".
    bulk_public_contributions(public_partner(), PER_PAGE + 1, prefix="DIGITS", translate_to="ar")
    programme = BeautifulSoup(client.get(PROGRAMME_URLS["ar"]).content, "html.parser")
    updated = programme.select_one(".page-meta time").get_text()
    assert ARABIC_INDIC_DIGIT.search(updated) and not LATIN_DIGIT.search(updated)

    register = BeautifulSoup(client.get("/ar/contributions/").content, "html.parser")
    current_page = register.select_one('.pagination [aria-current="page"]').get_text()
    assert ARABIC_INDIC_DIGIT.search(current_page) and not LATIN_DIGIT.search(current_page)


@pytest.mark.parametrize("code,direction", list(HOMES.items()))
def test_an_error_on_our_side_is_a_localised_500(client, code, direction, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr("search.views.search_key", broken)
    client.raise_request_exception = False
    response = client.get(f"/{code}/search/?q=x")
    assert response.status_code == 500
    page = soup(response)
    assert page.html["lang"] == code and page.html["dir"] == direction
    assert page.select_one("main a")["href"] == f"/{code}/"
