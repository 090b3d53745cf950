"""/<lang>/partners/feed/ and /<lang>/contributions/feed/: Atom feeds of register changes in each
language. Only public records, their text in the reader's language or the source's (said with
xml:lang), the later of the record's and its live translation's publication as the change date, newest
first; absolute links on the Wagtail Site's host; the same queries for 5 records as for 55."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import Site

from partnerships.models import Contribution, Partner, ReviewDecision
from tests.directory_helpers import bulk_public_contributions, bulk_public_partners
from tests.factories import (
    LANGUAGES,
    ContributionFactory,
    CooperationAreaFactory,
    PartnerFactory,
    ReviewFactory,
    public_contribution,
    public_partner,
    translate,
)
from tests.register_helpers import non_public_records

pytestmark = pytest.mark.django_db

ROOT = "https://portal.example.org"
ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def at(day):
    return timezone.make_aware(datetime.datetime(2030, *day, 12, 0))


def published_on(record, day):
    """Set when `record` was last published (the factories publish them all within the same second)."""
    type(record).objects.filter(pk=record.pk).update(last_published_at=at(day))


@pytest.fixture
def client_on_another_port(client):
    """The Site says https://portal.example.org; the request comes to localhost:8999."""
    Site.objects.filter(is_default_site=True).update(hostname="portal.example.org", port=443)
    client.defaults["HTTP_HOST"] = "localhost:8999"
    return client


@pytest.fixture
def records():
    """Two public partners (one translated into French and, as a draft, Spanish), a contribution each
    (one translated into French), and every kind of record the public must not see."""
    alpha = public_partner(
        name="Feedtest Alpha",
        slug="feedtest-alpha",
        summary="Alpha lends <b>microscopes</b> & lab benches.",
        translations={"fr": {"summary": "Alpha prête des microscopes."}},
    )
    translate(alpha, "es", summary="BORRADOR-ES no revisado")  # a draft: not live, not approved
    beta = public_partner(name="Feedtest Beta", slug="feedtest-beta", summary="Beta trains analysts.")
    alpha_gift = public_contribution(
        partner=alpha,
        reference="FEED-A-1",
        title="Microscopes",
        purpose="Twelve microscopes.",
        translations={"fr": {"title": "Microscopes (fr)", "purpose": "Douze microscopes."}},
    )
    translate(alpha_gift, "es", title="BORRADOR-ES contribución")
    beta_gift = public_contribution(partner=beta, reference="FEED-B-1", title="Analyst course")
    published_on(alpha, (1, 1))
    published_on(
        Partner.objects.get(translation_key=alpha.translation_key, locale__language_code="fr"), (6, 1)
    )
    published_on(beta, (3, 1))
    published_on(alpha_gift, (2, 1))
    published_on(
        Contribution.objects.get(translation_key=alpha_gift.translation_key, locale__language_code="fr"),
        (7, 1),
    )
    published_on(beta_gift, (4, 1))
    return {"alpha": alpha, "beta": beta, "alpha_gift": alpha_gift, "beta_gift": beta_gift}


@pytest.fixture
def hidden():
    """Records no surface may show: a draft partner, a rejected one, an unpublished one with its
    contributions, and each kind of non-public contribution."""
    draft = PartnerFactory(name="HIDDEN draft partner", slug="hidden-draft")
    ReviewFactory(partner=draft)
    rejected = public_partner(name="HIDDEN rejected partner", slug="hidden-rejected")
    public_contribution(partner=rejected, title="HIDDEN contribution of a rejected partner")
    ReviewFactory(partner=rejected, decision=ReviewDecision.REJECTED, decided_on="2025-06-01")
    unpublished = public_partner(name="HIDDEN unpublished partner", slug="hidden-unpublished")
    public_contribution(partner=unpublished, title="HIDDEN contribution of an unpublished partner")
    unpublished.unpublish()
    ContributionFactory(partner=public_partner(name="Feedtest Gamma"), title="HIDDEN draft contribution")
    non_public_records(CooperationAreaFactory(slug="feed-hidden"))
    # Live in the database without ever being cleared by due diligence.
    forced = PartnerFactory(name="HIDDEN forced live partner", slug="hidden-forced")
    Partner.objects.filter(pk=forced.pk).update(live=True)


def get_feed(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/atom+xml")
    return response, ET.fromstring(response.content)


def entries(feed):
    return [
        {
            "title": entry.findtext(f"{ATOM}title"),
            "summary": entry.findtext(f"{ATOM}summary"),
            "id": entry.findtext(f"{ATOM}id"),
            "link": entry.find(f"{ATOM}link[@rel='alternate']").get("href"),
            "updated": datetime.datetime.fromisoformat(entry.findtext(f"{ATOM}updated")),
            "published": datetime.datetime.fromisoformat(entry.findtext(f"{ATOM}published")),
            "lang": entry.get(XML_LANG),
        }
        for entry in feed.findall(f"{ATOM}entry")
    ]


@pytest.mark.parametrize("kind", ["partners", "contributions"])
@pytest.mark.parametrize("code", LANGUAGES)
def test_each_feed_is_valid_atom_in_its_language(client_on_another_port, records, kind, code):
    _response, feed = get_feed(client_on_another_port, f"/{code}/{kind}/feed/")
    assert feed.tag == f"{ATOM}feed"
    assert feed.get(XML_LANG) == code
    assert feed.findtext(f"{ATOM}title")
    assert feed.findtext(f"{ATOM}author/{ATOM}name")
    assert feed.findtext(f"{ATOM}id") == f"{ROOT}/{code}/{kind}/feed/"
    assert feed.find(f"{ATOM}link[@rel='alternate']").get("href") == f"{ROOT}/{code}/{kind}/"
    assert feed.find(f"{ATOM}link[@rel='self']").get("href") == f"{ROOT}/{code}/{kind}/feed/"
    datetime.datetime.fromisoformat(feed.findtext(f"{ATOM}updated"))
    found = entries(feed)
    assert len(found) == 2
    ids = [entry["id"] for entry in found]
    assert len(set(ids)) == 2
    assert all(entry["title"] and entry["summary"] for entry in found)


def test_the_partner_feed_has_only_public_partners(client, records, hidden):
    for code in LANGUAGES:
        response, feed = get_feed(client, f"/{code}/partners/feed/")
        titles = {entry["title"] for entry in entries(feed)}
        assert {"Feedtest Alpha", "Feedtest Beta", "Feedtest Gamma"} <= titles
        assert titles == set(Partner.objects.public().values_list("name", flat=True))
        body = response.content.decode()
        assert "HIDDEN" not in body
        assert "INTERNAL" not in body  # the reviews' rationale, reviewers and notes
        assert "BORRADOR" not in body  # the Spanish translation is a draft


def test_the_contribution_feed_has_only_public_contributions(client, records, hidden):
    for code in LANGUAGES:
        response, feed = get_feed(client, f"/{code}/contributions/feed/")
        references = {entry["title"].split(":")[0] for entry in entries(feed)}
        assert {"FEED-A-1", "FEED-B-1"} <= references
        assert references == set(Contribution.objects.public().values_list("reference", flat=True))
        body = response.content.decode()
        assert "HIDDEN" not in body
        assert "BORRADOR" not in body


def test_entries_are_in_the_reader_language_or_fall_back_to_english_and_say_so(client, records):
    _response, feed = get_feed(client, "/fr/partners/feed/")
    by_title = {entry["title"]: entry for entry in entries(feed)}
    assert by_title["Feedtest Alpha"]["summary"] == "Alpha prête des microscopes."
    assert by_title["Feedtest Alpha"]["lang"] is None  # in the feed's own language
    assert by_title["Feedtest Beta"]["summary"] == "Beta trains analysts."
    assert by_title["Feedtest Beta"]["lang"] == "en"

    _response, feed = get_feed(client, "/es/partners/feed/")
    alpha = next(entry for entry in entries(feed) if entry["title"] == "Feedtest Alpha")
    # The summary is HTML (Atom's type="html"): the record's text is escaped in it, shown as written.
    assert alpha["summary"] == "Alpha lends &lt;b&gt;microscopes&lt;/b&gt; &amp; lab benches."
    assert alpha["lang"] == "en"

    _response, feed = get_feed(client, "/fr/contributions/feed/")
    titles = {entry["title"]: entry for entry in entries(feed)}
    assert titles["FEED-A-1: Microscopes (fr)"]["summary"] == "Feedtest Alpha. Douze microscopes."
    assert titles["FEED-B-1: Analyst course"]["lang"] == "en"


@pytest.mark.parametrize(
    "code, kind, expected",
    [
        # The English feed goes by the records' own publication...
        ("en", "partners", [("Feedtest Beta", (3, 1)), ("Feedtest Alpha", (1, 1))]),
        ("en", "contributions", [("FEED-B-1", (4, 1)), ("FEED-A-1", (2, 1))]),
        # ...the French one by the later of it and its French translation's.
        ("fr", "partners", [("Feedtest Alpha", (6, 1)), ("Feedtest Beta", (3, 1))]),
        ("fr", "contributions", [("FEED-A-1", (7, 1)), ("FEED-B-1", (4, 1))]),
        # A draft translation does not count.
        ("es", "partners", [("Feedtest Beta", (3, 1)), ("Feedtest Alpha", (1, 1))]),
    ],
)
def test_entries_come_newest_change_first_with_its_date(client, records, code, kind, expected):
    _response, feed = get_feed(client, f"/{code}/{kind}/feed/")
    found = [(entry["title"].split(":")[0], entry["updated"]) for entry in entries(feed)]
    assert found == [(title, at(day)) for title, day in expected]
    assert datetime.datetime.fromisoformat(feed.findtext(f"{ATOM}updated")) == at(expected[0][1])
    for entry in entries(feed):
        assert entry["published"] <= entry["updated"]


def test_links_and_ids_are_absolute_on_the_site_and_stable(client_on_another_port, records):
    alpha = records["alpha"]
    _response, feed = get_feed(client_on_another_port, "/ar/partners/feed/")
    entry = next(entry for entry in entries(feed) if entry["title"] == "Feedtest Alpha")
    assert entry["link"] == f"{ROOT}/ar/partners/feedtest-alpha/"
    assert entry["id"] == f"{ROOT}/ar/partners/feed/#partner-{alpha.pk}"
    _response, feed = get_feed(client_on_another_port, "/fr/contributions/feed/")
    gift = records["alpha_gift"]
    entry = next(entry for entry in entries(feed) if entry["title"].startswith("FEED-A-1"))
    assert entry["link"] == f"{ROOT}/fr/contributions/{gift.slug}/"
    assert entry["id"] == f"{ROOT}/fr/contributions/feed/#contribution-{gift.pk}"
    # A new slug is a new address, not a new entry.
    Partner.objects.filter(translation_key=alpha.translation_key).update(slug="feedtest-alpha-renamed")
    _response, feed = get_feed(client_on_another_port, "/ar/partners/feed/")
    entry = next(entry for entry in entries(feed) if entry["title"] == "Feedtest Alpha")
    assert entry["link"] == f"{ROOT}/ar/partners/feedtest-alpha-renamed/"
    assert entry["id"] == f"{ROOT}/ar/partners/feed/#partner-{alpha.pk}"
    addresses = [link.get("href") for link in feed.iter(f"{ATOM}link")] + [e["id"] for e in entries(feed)]
    assert all(address.startswith(f"{ROOT}/ar/partners/") for address in addresses), addresses


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_register_pages_link_their_feed_from_the_head(client, records, code):
    gift = records["alpha_gift"]
    pages = {
        "partners": [f"/{code}/partners/", f"/{code}/partners/feedtest-alpha/"],
        "contributions": [f"/{code}/contributions/", f"/{code}/contributions/{gift.slug}/"],
    }
    for kind, urls in pages.items():
        for url in urls:
            page = BeautifulSoup(client.get(url).content, "html.parser")
            links = page.select('head link[rel="alternate"][type="application/atom+xml"]')
            assert [link["href"] for link in links] == [f"/{code}/{kind}/feed/"], url
            assert links[0]["title"]
        lists = BeautifulSoup(client.get(urls[0]).content, "html.parser")
        assert lists.select_one(f'.feed-link a[href="/{code}/{kind}/feed/"]') is not None


@pytest.mark.parametrize("code", ["en", "fr"])
@pytest.mark.parametrize("kind", ["partners", "contributions"])
def test_a_feed_costs_the_same_queries_for_5_or_55_records_and_holds_50(client, code, kind):
    url = f"/{code}/{kind}/feed/"
    partner = public_partner(slug="feedtest-bulk")

    def add(count, prefix):
        if kind == "partners":
            bulk_public_partners(count, prefix=prefix, translate_to="fr")
        else:
            bulk_public_contributions(partner, count, prefix=prefix, translate_to="fr")

    def count():
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        return len(queries), len(ET.fromstring(response.content).findall(f"{ATOM}entry"))

    add(4, "FEWFEED")
    few, shown = count()
    assert shown == 5 if kind == "partners" else 4
    add(51, "MANYFEED")
    many, shown = count()
    assert shown == 50
    assert many == few
    # The site, the locale, routing to the index page and its view restrictions (8, as on every page),
    # then the records with their change dates (one query) and their translations (one).
    assert many <= 10
