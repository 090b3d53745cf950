"""Canonical, alternate, feed, robots and sitemap addresses come from the Wagtail Site, never from the
Host header: a client may send any port on an allowed host (issue 13, finding 13)."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup

from wagtail.models import Site

from tests.factories import public_contribution, public_partner
from tests.pages_helpers import update_in_languages

pytestmark = pytest.mark.django_db

ROOT = "https://portal.example.org"
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def client_on_another_port(client):
    Site.objects.filter(is_default_site=True).update(hostname="portal.example.org", port=443)
    client.defaults["HTTP_HOST"] = "localhost:8999"
    return client


@pytest.fixture
def records():
    partner = public_partner(name="Host Check Labs", slug="host-check-labs", translations={"fr": {}})
    contribution = public_contribution(partner=partner, reference="HOST-2026-001")
    update_in_languages("host-update", datetime.date(2026, 5, 1), {"en": "Host update", "fr": "Mise à jour"})
    return partner, contribution


def head_links(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    page = BeautifulSoup(response.content, "html.parser")
    canonical = page.select_one('link[rel="canonical"]')
    alternates = [link["href"] for link in page.select('link[rel="alternate"][hreflang]')]
    return ([canonical["href"]] if canonical else []) + alternates


@pytest.mark.parametrize(
    "url",
    [
        "/en/",
        "/fr/",
        "/en/partners/",
        "/en/partners/?sort=start",
        "/en/partners/host-check-labs/",
        "/fr/partners/host-check-labs/",
        "/en/contributions/",
        "/en/contributions/host-2026-001/",
        "/en/updates/",
    ],
)
def test_page_addresses_take_the_sites_host(client_on_another_port, records, url):
    links = head_links(client_on_another_port, url)
    assert links, url
    assert all(link.startswith(f"{ROOT}/") for link in links), links


def test_a_list_page_has_its_canonical_address_on_the_site(client_on_another_port, records):
    links = head_links(client_on_another_port, "/en/partners/?sort=start")
    assert links[0].startswith(f"{ROOT}/en/partners/?")


def test_feed_addresses_take_the_sites_host(client_on_another_port, records):
    response = client_on_another_port.get("/en/updates/feed/")
    feed = ET.fromstring(response.content)
    addresses = [feed.findtext(f"{ATOM}id")] + [link.get("href") for link in feed.iter(f"{ATOM}link")]
    addresses += [entry.findtext(f"{ATOM}id") for entry in feed.findall(f"{ATOM}entry")]
    assert len(addresses) > 3
    assert all(address.startswith(f"{ROOT}/en/updates/") for address in addresses), addresses


def test_robots_names_the_sitemap_on_the_site(client_on_another_port):
    response = client_on_another_port.get("/robots.txt")
    assert f"Sitemap: {ROOT}/sitemap.xml" in response.content.decode()
    assert "8999" not in response.content.decode()


def test_sitemap_addresses_take_the_sites_host(client_on_another_port, records):
    response = client_on_another_port.get("/sitemap.xml")
    sitemap = ET.fromstring(response.content)
    locations = [location.text for location in sitemap.iter(f"{SITEMAP}loc")]
    assert f"{ROOT}/en/partners/host-check-labs/" in locations
    assert all(location.startswith(f"{ROOT}/") for location in locations), locations
