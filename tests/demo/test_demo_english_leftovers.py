"""The demo in French, Spanish and Arabic holds no English leftovers: its pages, records, areas and
updates are translated whole, and what it leaves in English (its deliberate gaps) is marked as English.
The scan is tests/english_leftovers_helpers.py; tests/portal/test_no_english_leftovers.py runs it on
records and pages that the test makes."""

import pytest

from tests.catalogues import LANGUAGES, extract_msgids
from tests.english_leftovers_helpers import english_left_on, report, scanned_pages

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def code_msgids(tmp_path_factory):
    return extract_msgids(tmp_path_factory.mktemp("extraction"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_demo_pages_hold_no_english_leftovers(client, language, code_msgids):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = language
    found = english_left_on(scanned_pages(client, language), language, code_msgids)
    assert found == {}, report(language, found)
