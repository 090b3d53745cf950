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


def test_publishing_a_new_slug_moves_the_links(english, django_capture_on_commit_callbacks):
    record_links(locale=english)
    directory = PartnerIndexPage.objects.get(locale=english)
    directory.slug = "our-partners"
    with django_capture_on_commit_callbacks(execute=True):
        directory.save_revision().publish()
    assert record_links(locale=english).directory == "/en/our-partners/"


def test_unpublishing_the_translated_directory_falls_back_to_english(django_capture_on_commit_callbacks):
    french = Locale.objects.get(language_code="fr")
    assert record_links(locale=french).directory == "/fr/partners/"
    with django_capture_on_commit_callbacks(execute=True):
        PartnerIndexPage.objects.get(locale=french).unpublish()
    assert record_links(locale=french).directory == "/en/partners/"


def test_the_links_are_forgotten_only_once_the_change_is_committed(
    english, django_capture_on_commit_callbacks
):
    record_links(locale=english)
    directory = PartnerIndexPage.objects.get(locale=english)
    directory.slug = "partner-list"
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        directory.save_revision().publish()
    # Until the commit, the old address stays cached (a request now would read the old row anyway).
    assert record_links(locale=english).directory == "/en/partners/"
    for callback in callbacks:
        callback()
    assert record_links(locale=english).directory == "/en/partner-list/"


def test_deleting_the_translated_directory_falls_back_to_english(django_capture_on_commit_callbacks):
    french = Locale.objects.get(language_code="fr")
    assert record_links(locale=french).directory == "/fr/partners/"
    with django_capture_on_commit_callbacks(execute=True):
        PartnerIndexPage.objects.get(locale=french).delete()
    assert record_links(locale=french).directory == "/en/partners/"
