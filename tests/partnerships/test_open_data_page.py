"""/<lang>/open-data/: every dataset with its files in the reader's language and every field of the
contract described, the licence, how often it changes, how to cite it, the API and the feeds; linked
from the figures' note and from every page's footer."""

import pytest
from bs4 import BeautifulSoup

from django.db import connection
from django.test.utils import CaptureQueriesContext

from partnerships.models import OpenDataPage
from partnerships.opendata import schema
from tests.directory_helpers import bulk_public_contributions
from tests.factories import LANGUAGES, CooperationAreaFactory, public_contribution, public_partner
from tests.register_helpers import non_public_records
from tests.site import translated_page

pytestmark = pytest.mark.django_db

TITLES = {"en": "Open data", "fr": "Données ouvertes", "es": "Datos abiertos", "ar": "البيانات المفتوحة"}


@pytest.fixture
def open_data_pages():
    return translated_page(OpenDataPage, slug="open-data", titles=TITLES)


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_dataset_and_field_is_described_with_files_in_the_readers_language(
    client, open_data_pages, language
):
    page = get(client, f"/{language}/open-data/")
    assert page.html["lang"] == language
    for resource in schema.RESOURCES:
        dataset = page.select_one(f"#dataset-{resource.name}").find_parent("article")
        fields = [code.get_text() for code in dataset.select("tbody th code")]
        assert fields == resource.column_names
        files = [link["href"] for link in dataset.select(".dataset__files a")]
        assert files and all(f"lang={language}" in href for href in files)
        assert files[0].startswith(f"/data/{resource.path}")
    contributions = page.select_one("#dataset-contributions").find_parent("article")
    status_codes = [code.get_text() for code in contributions.select(".dataset__codes code")]
    assert "committed" in status_codes and "financial_earmarked" in status_codes
    assert page.select_one(f'a[href="/data/datapackage.json?lang={language}"]')
    assert page.select_one(f'a[href="/api/docs?lang={language}"]') and page.select_one(
        'a[href="/api/openapi.json"]'
    )
    feeds = [link["href"] for link in page.select('#feeds ~ ul a, a[type="application/atom+xml"]')]
    assert f"/{language}/partners/feed/" in feeds and f"/{language}/contributions/feed/" in feeds
    assert page.select_one('a[href="https://creativecommons.org/licenses/by/4.0/"]')
    assert (
        "http://localhost/" + language + "/open-data/" in page.select_one(".open-data__citation").get_text()
    )


def test_field_descriptions_and_labels_are_translated(client, open_data_pages):
    english = get(client, "/en/open-data/").select_one("#dataset-contributions").find_parent("article")
    french = get(client, "/fr/open-data/").select_one("#dataset-contributions").find_parent("article")
    assert (
        english.select_one("tbody td:nth-of-type(2)").get_text()
        != french.select_one("tbody td:nth-of-type(2)").get_text()
    )
    assert "Texte" in french.get_text()


def test_counts_and_last_change_are_of_public_records_only(client, open_data_pages):
    non_public_records(CooperationAreaFactory(slug="hidden", name="Hidden"))
    partner = public_partner(name="Counted")
    public_contribution(partner=partner, reference="COUNTED-1")
    page = get(client, "/en/open-data/")
    from partnerships.models import Contribution, Partner

    partners = Partner.objects.public().count()
    contributions = Contribution.objects.public().count()
    assert (
        page.select_one("#dataset-partners")
        .find_parent("article")
        .select_one(".dataset__count")
        .get_text(strip=True)
        .startswith(str(partners))
    )
    count = page.select_one("#dataset-contributions").find_parent("article").select_one(".dataset__count")
    assert count.get_text(strip=True).startswith(str(contributions))
    assert page.select_one("#updates ~ p time")["datetime"]


def test_the_figures_note_and_the_footer_link_to_it(client, open_data_pages):
    public_contribution(reference="NOTE-1")
    register = get(client, "/fr/contributions/")
    assert register.select_one('.figures-note a[href="/fr/open-data/"]')
    assert register.select_one('.site-footer a[href="/fr/open-data/"]')


def test_the_page_costs_the_same_queries_however_many_records(client, open_data_pages):
    def queries(number, prefix):
        bulk_public_contributions(public_partner(name=f"{prefix} partner"), number, prefix=prefix)
        client.get("/fr/open-data/")
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/fr/open-data/").status_code == 200
        return len(captured)

    assert queries(3, "few") == queries(40, "many")
