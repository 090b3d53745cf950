"""The directory's and the register's addresses: one query, remembered for the request, and they
follow the pages when those are published under a new slug, unpublished or deleted."""

import pytest

from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale, Site

from partnerships.links import record_links
from partnerships.models import PartnerIndexPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def english():
    return Locale.objects.get(language_code="en")


def test_the_addresses_are_found_once_per_request(english):
    record_links(RequestFactory().get("/en/"), english)  # site root paths and content types are kept
    request = RequestFactory().get("/en/")
    Site.find_for_request(request)  # serving the page found the site already
    with CaptureQueriesContext(connection) as queries:
        links = record_links(request, english)
        assert record_links(request, english) is links
    assert (links.directory, links.register) == ("/en/partners/", "/en/contributions/")
    assert len(queries) == 1


def test_a_partner_links_to_its_profile_and_a_contribution_to_its_page(english):
    links = record_links(locale=english)
    assert links.partner("acme") == "/en/partners/acme/"
    assert links.contribution("ctr-2024-07") == "/en/contributions/ctr-2024-07/"


def test_publishing_a_new_slug_moves_the_links(english):
    directory = PartnerIndexPage.objects.get(locale=english)
    directory.slug = "our-partners"
    directory.save_revision().publish()
    assert record_links(locale=english).directory == "/en/our-partners/"


def test_unpublishing_the_translated_directory_falls_back_to_english():
    french = Locale.objects.get(language_code="fr")
    assert record_links(locale=french).directory == "/fr/partners/"
    PartnerIndexPage.objects.get(locale=french).unpublish()
    assert record_links(locale=french).directory == "/en/partners/"


def test_deleting_the_translated_directory_falls_back_to_english():
    french = Locale.objects.get(language_code="fr")
    assert record_links(locale=french).directory == "/fr/partners/"
    PartnerIndexPage.objects.get(locale=french).delete()
    assert record_links(locale=french).directory == "/en/partners/"
    assert record_links(locale=french).partner("acme") == "/en/partners/acme/"
