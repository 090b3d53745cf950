"""/sitemap.xml: every live public page, partner profile and contribution page in every language, on
the Wagtail Site's host, each with hreflang alternates between its languages (x-default: English).

A page's alternates are its live translations (as its own hreflang links); a record's page is in every
language its list page is published in (its text then falls back to English, as on the page)."""

import datetime
import xml.etree.ElementTree as ET

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import Site

from home.models import ContentPage
from partnerships.models import Contribution, Partner, ReviewDecision
from tests.directory_helpers import bulk_public_contributions, bulk_public_partners
from tests.factories import (
    LANGUAGES,
    ContributionFactory,
    PartnerFactory,
    ReviewFactory,
    locale,
    public_contribution,
    public_partner,
    translate,
)
from tests.pages_helpers import PROGRAMME_URLS, programme_page

pytestmark = pytest.mark.django_db

ROOT = "https://portal.example.org"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


@pytest.fixture
def client_on_another_port(client):
    """The Site says https://portal.example.org; the request comes to localhost:8999."""
    Site.objects.filter(is_default_site=True).update(hostname="portal.example.org", port=443)
    client.defaults["HTTP_HOST"] = "localhost:8999"
    return client


def sitemap(client):
    """{location: (lastmod or None, {hreflang: address})}."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    entries = {}
    for url in ET.fromstring(response.content).findall(f"{SITEMAP}url"):
        links = url.findall(f"{XHTML}link")
        assert all(link.get("rel") == "alternate" for link in links)
        alternates = {link.get("hreflang"): link.get("href") for link in links}
        assert len(alternates) == len(links)  # one address per language
        entries[url.findtext(f"{SITEMAP}loc")] = (url.findtext(f"{SITEMAP}lastmod"), alternates)
    return entries


def in_languages(path, codes):
    """The alternates of an address whose path is `path` with {code} in each of `codes`, on the Site."""
    found = {code: f"{ROOT}{path.format(code=code)}" for code in codes}
    return {**found, "x-default": found["en"]}


def test_pages_alternate_between_their_live_translations_only(client_on_another_port):
    programme_page(codes=("en", "fr", "es"))
    english = ContentPage.objects.get(slug="transparency", locale=locale("en"))
    english.copy_for_translation(locale("ar"))  # a draft: not in the sitemap, nor an alternate
    entries = sitemap(client_on_another_port)
    expected = {code: ROOT + PROGRAMME_URLS[code] for code in ("en", "fr", "es")}
    expected["x-default"] = expected["en"]
    for code in ("en", "fr", "es"):
        assert entries[ROOT + PROGRAMME_URLS[code]][1] == expected
    assert ROOT + PROGRAMME_URLS["ar"] not in entries
    # The home pages, in every language.
    assert entries[f"{ROOT}/ar/"][1] == in_languages("/{code}/", LANGUAGES)


def test_record_pages_are_listed_in_every_language_with_alternates(client_on_another_port):
    partner = public_partner(
        name="Sitemap Labs", slug="sitemap-labs", translations={"fr": {"summary": "Fr."}}
    )
    contribution = public_contribution(partner=partner, reference="SMAP-1")
    entries = sitemap(client_on_another_port)
    for code in LANGUAGES:
        for path in ["/{code}/partners/", "/{code}/partners/sitemap-labs/", "/{code}/contributions/"]:
            assert entries[ROOT + path.format(code=code)][1] == in_languages(path, LANGUAGES), path
        path = f"/{{code}}/contributions/{contribution.slug}/"
        assert entries[ROOT + path.format(code=code)][1] == in_languages(path, LANGUAGES)
    every_address = list(entries) + [
        address for _lastmod, alternates in entries.values() for address in alternates.values()
    ]
    assert all(address.startswith(f"{ROOT}/") for address in every_address), every_address


def test_only_public_records_are_listed(client):
    public_partner(slug="sitemap-shown")
    draft = PartnerFactory(slug="sitemap-draft")
    ReviewFactory(partner=draft)
    rejected = public_partner(slug="sitemap-rejected")
    public_contribution(partner=rejected, reference="SMAP-REJECTED")
    ReviewFactory(partner=rejected, decision=ReviewDecision.REJECTED, decided_on="2025-06-01")
    unpublished = public_partner(slug="sitemap-unpublished")
    public_contribution(partner=unpublished, reference="SMAP-UNPUBLISHED")
    unpublished.unpublish()
    ContributionFactory(partner=public_partner(), reference="SMAP-DRAFT")
    # Live in the database without ever being cleared by due diligence: not public either.
    forced = PartnerFactory(slug="sitemap-forced")
    Partner.objects.filter(pk=forced.pk).update(live=True)
    forced_gift = ContributionFactory(partner=forced, reference="SMAP-FORCED")
    Contribution.objects.filter(pk=forced_gift.pk).update(live=True)
    body = client.get("/sitemap.xml").content.decode()
    assert "/en/partners/sitemap-shown/" in body
    for hidden in ["sitemap-draft", "sitemap-rejected", "sitemap-unpublished", "sitemap-forced", "smap-"]:
        assert hidden not in body


def test_a_record_page_changes_when_its_translation_is_published(client):
    partner = public_partner(slug="sitemap-dated")
    french = translate(partner, "fr", live=True, summary="Fr.")
    spanish = translate(partner, "es", summary="Borrador.")  # a draft does not count
    day = lambda n: timezone.make_aware(datetime.datetime(2030, 1, n, 12))  # noqa: E731
    Partner.objects.filter(pk=partner.pk).update(last_published_at=day(2))
    Partner.objects.filter(pk=french.pk).update(last_published_at=day(9))
    Partner.objects.filter(pk=spanish.pk).update(last_published_at=day(20))
    entries = sitemap(client)
    assert entries["http://localhost/en/partners/sitemap-dated/"][0] == "2030-01-02"
    assert entries["http://localhost/fr/partners/sitemap-dated/"][0] == "2030-01-09"
    assert entries["http://localhost/es/partners/sitemap-dated/"][0] == "2030-01-02"


def test_the_sitemap_costs_the_same_queries_for_5_or_50_records(client):
    partner = public_partner(slug="sitemap-bulk")

    def count():
        client.get("/sitemap.xml")
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/sitemap.xml")
        assert response.status_code == 200
        return len(queries), response.content.decode().count("<url>")

    bulk_public_partners(4, prefix="SMFEW", translate_to="fr")
    bulk_public_contributions(partner, 5, prefix="SMFEW", translate_to="fr")
    few, few_urls = count()
    bulk_public_partners(46, prefix="SMMANY", translate_to="fr")
    bulk_public_contributions(partner, 45, prefix="SMMANY", translate_to="fr")
    many, many_urls = count()
    assert many_urls == few_urls + (46 + 45) * len(LANGUAGES)
    assert many == few
    # The site and locales, the pages (one query per page type), then one per list page for its records.
    assert many <= 20
