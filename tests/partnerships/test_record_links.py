"""The directory's and the register's addresses are cached, and forgotten when those pages change."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale

from partnerships.models import PartnerIndexPage
from partnerships.register import record_links

pytestmark = pytest.mark.django_db


@pytest.fixture
def english():
    return Locale.objects.get(language_code="en")


def test_the_addresses_are_read_once_then_cached(english):
    assert record_links(locale=english).directory == "/en/partners/"
    with CaptureQueriesContext(connection) as queries:
        assert record_links(locale=english).register == "/en/contributions/"
    assert len(queries) == 0


def test_publishing_a_new_slug_moves_the_links(english):
    record_links(locale=english)
    directory = PartnerIndexPage.objects.get(locale=english)
    directory.slug = "our-partners"
    directory.save_revision().publish()
    assert record_links(locale=english).directory == "/en/our-partners/"


def test_unpublishing_the_translated_directory_falls_back_to_english():
    french = Locale.objects.get(language_code="fr")
    assert record_links(locale=french).directory == "/fr/partners/"
    PartnerIndexPage.objects.get(locale=french).unpublish()
    assert record_links(locale=french).directory == "/en/partners/"
