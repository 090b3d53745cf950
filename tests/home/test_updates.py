"""Updates: the index with its filters and pages, each update with its live related partners, and an
Atom feed per language with only that language's live updates."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale

from home.models import UpdateIndexPage, UpdatePage
from home.update_pages import related_partner_links
from tests.factories import CooperationAreaFactory, PartnerFactory, public_partner
from tests.pages_helpers import update_in_languages

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
LANGUAGES = ["en", "fr", "es", "ar"]


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def titles(response):
    return [link.text for link in soup(response).select(".update-list__title a")]


@pytest.fixture
def index():
    return UpdateIndexPage.objects.get(locale__language_code="en")


def add_update(index, slug, date, **fields):
    fields.setdefault("summary", f"Summary of {slug}.")
    page = UpdatePage(title=fields.pop("title", f"Update {slug}"), slug=slug, date=date, **fields)
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


# Updates, not each in every language: each language lists its own (Arabic one, Spanish two).
UPDATES = {
    "spring-visit": (datetime.date(2030, 4, 2), {"fr": "Visite de printemps", "es": "Visita de primavera"}),
    "new-laboratory": (datetime.date(2030, 9, 15), {"fr": "Nouveau laboratoire", "ar": "مختبر جديد"}),
    "winter-report": (datetime.date(2029, 12, 1), {"fr": "Rapport d'hiver", "es": "Informe de invierno"}),
}


@pytest.fixture
def updates():
    """{slug: {code: page}} for UPDATES, each also in the languages of its titles."""
    return {
        slug: update_in_languages(slug, date, {"en": slug.replace("-", " ").capitalize(), **titles})
        for slug, (date, titles) in UPDATES.items()
    }


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_index_lists_the_language_s_updates_newest_first(client, updates, code):
    response = client.get(f"/{code}/updates/")
    assert response.status_code == 200
    page = soup(response)
    assert page.html["lang"] == code
    dates = [time["datetime"] for time in page.select(".update-list__date time")]
    assert dates and dates == sorted(dates, reverse=True)
    expected = UpdatePage.objects.live().filter(locale__language_code=code).count()
    assert len(dates) == min(expected, 10)
    in_language = [pages[code] for pages in updates.values() if code in pages]
    assert titles(response) == [
        page.title for page in sorted(in_language, key=lambda page: page.date, reverse=True)
    ]


def test_an_update_left_untranslated_is_missing_only_in_that_language(client):
    update_in_languages(
        "how-to-become-a-partner",
        datetime.date(2030, 2, 1),
        {"en": "How to become a partner", "fr": "Devenir partenaire", "es": "Cómo ser socio"},
    )
    english = UpdatePage.objects.get(locale__language_code="en", slug="how-to-become-a-partner")
    assert english.title in titles(client.get("/en/updates/"))
    assert not english.has_translation(Locale.objects.get(language_code="ar"))
    assert client.get("/ar/updates/how-to-become-a-partner/").status_code == 404
    assert client.get("/fr/updates/how-to-become-a-partner/").status_code == 200
    assert titles(client.get("/ar/updates/")) == []
    assert titles(client.get("/fr/updates/")) == ["Devenir partenaire"]


def test_ten_updates_a_page_and_an_out_of_range_page_is_a_404(client, index):
    for day in range(1, 12):
        add_update(index, f"paged-{day}", datetime.date(2030, 1, day))
    first = titles(client.get("/en/updates/"))
    assert first == [f"Update paged-{day}" for day in range(11, 1, -1)]
    assert titles(client.get("/en/updates/?page=2"))[0] == "Update paged-1"
    assert client.get("/en/updates/?page=999").status_code == 404


def test_filters_by_area_and_year(client, index):
    area = CooperationAreaFactory(slug="updates-area", name="Updates test area")
    add_update(index, "tagged", datetime.date(2031, 5, 1), cooperation_areas=[area])
    add_update(index, "untagged", datetime.date(2031, 6, 1))
    assert titles(client.get("/en/updates/?area=updates-area")) == ["Update tagged"]
    by_year = titles(client.get("/en/updates/?year=2031"))
    assert by_year == ["Update untagged", "Update tagged"]
    options = [option["value"] for option in soup(client.get("/en/updates/")).select("#id_area option")]
    assert "updates-area" in options


@pytest.mark.parametrize(
    "query", ["year=20x5", "area=%3Cscript%3E", "year=1066", "page=abc", "area=" + "x" * 5000]
)
def test_bad_filters_are_ignored_and_said_so(client, updates, query):
    response = client.get(f"/en/updates/?{query}")
    assert response.status_code == 200
    assert soup(response).select(".notice[role=status]")
    assert "<script>" not in response.content.decode()
    assert (
        titles(response)
        == titles(client.get("/en/updates/"))
        == ["New laboratory", "Spring visit", "Winter report"]
    )


def test_the_index_query_count_does_not_grow_with_updates(client, index):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/en/updates/").status_code == 200
        return len(queries)

    add_update(index, "count-1", datetime.date(2032, 1, 1))
    count()  # the first request fills the caches (locales, the register's addresses)
    few = count()
    for day in range(2, 9):
        add_update(index, f"count-{day}", datetime.date(2032, 1, day))
    assert count() == few


def test_an_update_shows_only_live_related_partners_linked_to_their_profile(client, index):
    live = public_partner(name="Updates Live Partner", slug="updates-live-partner")
    draft = PartnerFactory(name="Updates Draft Partner", slug="updates-draft-partner")
    add_update(
        index,
        "with-partners",
        datetime.date(2033, 1, 1),
        related_partner_links=related_partner_links([live, draft]),
    )
    page = soup(client.get("/en/updates/with-partners/"))
    links = {link.text: link["href"] for link in page.select("article li a")}
    assert links["Updates Live Partner"] == "/en/partners/updates-live-partner/"
    assert "Updates Draft Partner" not in page.text


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_index_and_updates_link_the_feed_from_the_head(client, updates, code):
    update = updates["new-laboratory"].get(code) or updates["spring-visit"][code]
    for url in [f"/{code}/updates/", update.url]:
        link = soup(client.get(url)).select_one('head link[type="application/atom+xml"]')
        assert link["href"] == f"/{code}/updates/feed/"


def parse_feed(client, code):
    response = client.get(f"/{code}/updates/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_feed_is_valid_atom_in_its_language(client, updates, code):
    feed = parse_feed(client, code)
    assert feed.tag == f"{ATOM}feed"
    assert feed.get(XML_LANG) == code
    assert feed.findtext(f"{ATOM}id")
    assert feed.findtext(f"{ATOM}title")
    datetime.datetime.fromisoformat(feed.findtext(f"{ATOM}updated"))
    alternate = feed.find(f"{ATOM}link[@rel='alternate']")
    assert alternate.get("href") == f"http://localhost/{code}/updates/"
    entries = feed.findall(f"{ATOM}entry")
    live = UpdatePage.objects.live().filter(locale__language_code=code)
    assert {entry.findtext(f"{ATOM}title") for entry in entries} == set(live.values_list("title", flat=True))
    assert len(entries) == len([pages for pages in updates.values() if code in pages])
    ids = [entry.findtext(f"{ATOM}id") for entry in entries]
    assert all(id_.startswith(f"http://localhost/{code}/updates/feed/") for id_ in ids)
    assert len(set(ids)) == len(ids)
    for entry in entries:
        datetime.datetime.fromisoformat(entry.findtext(f"{ATOM}updated"))
        link = entry.find(f"{ATOM}link[@rel='alternate']").get("href")
        assert link.startswith(f"http://localhost/{code}/updates/")


def test_the_feed_holds_only_live_updates(client, index):
    kept = add_update(index, "feed-kept", datetime.date(2034, 1, 1))
    withdrawn = add_update(index, "feed-withdrawn", datetime.date(2034, 1, 2))
    withdrawn.unpublish()
    entries = [entry.findtext(f"{ATOM}title") for entry in parse_feed(client, "en").findall(f"{ATOM}entry")]
    assert kept.title in entries
    assert withdrawn.title not in entries
    french = [entry.findtext(f"{ATOM}title") for entry in parse_feed(client, "fr").findall(f"{ATOM}entry")]
    assert kept.title not in french
