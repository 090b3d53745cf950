"""A page per public contribution at /<lang>/contributions/<slug>/: every public field, the partner,
the areas, the status with its dates, the contribution's own due-diligence result, related updates;
404 for anything not public; linked from the register, profiles and blocks; in the sitemap in every
language with hreflang alternates; the same number of queries whatever the register holds."""

import datetime
import re
from decimal import Decimal
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from django.utils import translation

from home.update_pages import UpdatePageRelatedPartner
from partnerships.blocks import LatestContributionsBlock
from partnerships.models import (
    Contribution,
    ContributionIndexPage,
    ContributionStatus,
    EndReason,
    PartnerIndexPage,
)
from tests.directory_helpers import bulk_public_contributions
from tests.factories import (
    LANGUAGES,
    ContributionFactory,
    CooperationAreaFactory,
    ReviewFactory,
    public_contribution,
    public_partner,
)
from tests.pages_helpers import update_in_languages
from tests.query_helpers import PAGE_QUERY_BUDGET, page_queries
from tests.register_helpers import index_page, non_public_records, tag

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def facts(page):
    return {
        div.select_one("dt").text.strip(): " ".join(div.select_one("dd").text.split())
        for div in page.select(".partner-facts > div")
    }


@pytest.fixture
def pages():
    index_page(PartnerIndexPage)
    return index_page(ContributionIndexPage)


@pytest.fixture
def contribution(pages):
    partner = public_partner(name="Ölwerk Énergie", slug="olwerk")
    area = CooperationAreaFactory(slug="cpage-water", name="Water", translations={"fr": {"name": "Eau"}})
    record = public_contribution(
        partner=partner,
        reference="PSP/2025 014",
        title="Solar pumps",
        purpose="Pumps for three clinics.\nInstalled by local technicians.",
        status=ContributionStatus.TERMINATED_EARLY,
        end_reason=EndReason.PARTNER_WITHDREW,
        amount=Decimal("120000"),
        signed_date=datetime.date(2025, 2, 3),
        start_date=datetime.date(2025, 3, 1),
        end_date=datetime.date(2025, 11, 30),
        translations={"fr": {"title": "Pompes solaires", "purpose": "Des pompes pour trois dispensaires."}},
    )
    tag(record, area)
    return record


def test_the_slug_comes_from_the_reference_and_translations_share_it(contribution):
    assert contribution.slug == "psp2025-014"
    assert set(
        Contribution.objects.filter(translation_key=contribution.translation_key).values_list(
            "slug", flat=True
        )
    ) == {"psp2025-014"}


def test_the_slug_is_stable_and_unique(pages):
    first = public_contribution(reference="AB-1")
    second = public_contribution(reference="ab 1")
    assert (first.slug, second.slug) == ("ab-1", "ab-1-2")
    first.title = "Renamed"
    first.reference = "AB-1-bis"
    first.save()
    assert Contribution.objects.get(pk=first.pk).slug == "ab-1"


def test_every_public_field_is_shown(client, contribution):
    response = client.get("/en/contributions/psp2025-014/")
    assert response.status_code == 200
    page = soup(response)
    assert page.select_one("h1").text == "Solar pumps"
    assert page.select_one(".contribution-page__reference").text.strip() == "PSP/2025 014"
    shown = facts(page)
    assert shown["Partner"] == "Ölwerk Énergie"
    assert page.select_one(".partner-facts a[href='/en/partners/olwerk/']") is not None
    assert shown["Type"] == "Funding (earmarked)"
    assert shown["Status"].startswith("Terminated early (")
    assert shown["Counted as"] == "Committed"
    assert shown["Value"] == "€120,000"
    assert shown["Signed"] == "February 3, 2025"
    assert shown["Start date"] == "March 1, 2025"
    assert shown["End date"] == "November 30, 2025"
    assert shown["Cooperation areas"] == "Water"
    assert "Installed by local technicians." in page.select_one(".contribution-page__purpose").text
    assert page.select_one("link[rel=canonical]")["href"] == "http://localhost/en/contributions/psp2025-014/"


def test_a_translated_contribution_in_french(client, contribution):
    page = soup(client.get("/fr/contributions/psp2025-014/"))
    assert page.select_one("h1").text == "Pompes solaires"
    assert [area.text for area in page.select(".partner-facts .tag-list li")] == ["Eau"]
    assert page.select_one(".translation-notice") is None
    links = {link["hreflang"]: link["href"] for link in page.select('link[rel="alternate"][hreflang]')}
    assert links["ar"] == "http://localhost/ar/contributions/psp2025-014/"


def test_an_untranslated_contribution_falls_back_to_english_and_says_so(client, contribution):
    page = soup(client.get("/ar/contributions/psp2025-014/"))
    assert page.select_one("h1").text == "Solar pumps"
    assert page.select_one("h1")["lang"] == "en"
    assert page.select_one(".translation-notice") is not None


def test_the_contribution_own_review_shows_its_public_part_only(client, contribution):
    ReviewFactory(
        partner=contribution.partner,
        contribution=contribution,
        review_type="contribution",
        decided_on=datetime.date(2025, 1, 20),
        next_review_due=datetime.date(2026, 1, 20),
    )
    response = client.get("/en/contributions/psp2025-014/")
    section = soup(response).select_one(".due-diligence")
    assert "January 20, 2025" in section.text and "January 20, 2026" in section.text
    assert len(section.select(".due-diligence__criteria tbody tr")) == 3
    assert "INTERNAL" not in response.content.decode()


def test_without_a_review_of_its_own_there_is_no_review_section(client, contribution):
    ReviewFactory(partner=contribution.partner, contribution=None)
    assert soup(client.get("/en/contributions/psp2025-014/")).select_one(".due-diligence") is None


def test_related_updates_are_those_that_name_the_partner_in_the_reader_language(client, contribution):
    named = update_in_languages(
        "olwerk-visit", datetime.date(2030, 4, 2), {"en": "A visit to Ölwerk", "fr": "Visite chez Ölwerk"}
    )
    for page in named.values():
        page.related_partner_links.add(UpdatePageRelatedPartner(partner=contribution.partner))
        page.save_revision().publish()
    update_in_languages("unrelated", datetime.date(2030, 5, 2), {"en": "Unrelated news"})
    english = [
        link.text for link in soup(client.get("/en/contributions/psp2025-014/")).select(".related-updates a")
    ]
    french = [
        link.text for link in soup(client.get("/fr/contributions/psp2025-014/")).select(".related-updates a")
    ]
    assert english == ["A visit to Ölwerk"]
    assert french == ["Visite chez Ölwerk"]


@pytest.mark.parametrize("code", LANGUAGES)
def test_unknown_and_non_public_contributions_are_not_found(client, pages, code):
    area = CooperationAreaFactory(slug="cpage-hidden")
    for record in non_public_records(area):
        assert record.slug
        assert client.get(f"/{code}/contributions/{record.slug}/").status_code == 404
    assert client.get(f"/{code}/contributions/no-such-contribution/").status_code == 404


def test_an_unpublished_contribution_is_not_found(client, contribution):
    assert client.get("/en/contributions/psp2025-014/").status_code == 200
    contribution.unpublish()
    assert client.get("/en/contributions/psp2025-014/").status_code == 404


def test_the_register_profile_and_block_link_to_the_page(client, contribution):
    register = soup(client.get("/fr/contributions/"))
    assert register.select_one(".register-table a[href='/fr/contributions/psp2025-014/']") is not None
    profile = soup(client.get("/fr/partners/olwerk/"))
    assert profile.select_one(".partner-contributions a[href='/fr/contributions/psp2025-014/']") is not None


def test_the_latest_contributions_block_links_to_the_page(rf, contribution):
    block = LatestContributionsBlock()
    with translation.override("es"):
        html = block.render(
            block.to_python({"heading": "Latest", "number": 3}), context={"request": rf.get("/es/")}
        )
    assert 'href="/es/contributions/psp2025-014/"' in html


def test_the_sitemap_lists_each_page_in_every_language_with_alternates(client, contribution):
    hidden = ContributionFactory(partner=public_partner(), reference="CPAGE-DRAFT")
    xml = client.get("/sitemap.xml").content.decode()
    entries = {
        urlsplit(location).path: dict(re.findall(r'hreflang="([^"]+)" href="([^"]+)"', body))
        for location, body in re.findall(r"<url><loc>([^<]+)</loc>(.*?)</url>", xml, re.S)
    }
    for code in LANGUAGES:
        alternates = entries[f"/{code}/contributions/psp2025-014/"]
        assert {language: urlsplit(url).path for language, url in alternates.items()} == {
            **{language: f"/{language}/contributions/psp2025-014/" for language in LANGUAGES},
            "x-default": "/en/contributions/psp2025-014/",
        }
    assert hidden.slug not in xml


@pytest.mark.parametrize("code", ["en", "ar"])
def test_the_page_costs_the_same_queries_for_5_or_200_contributions(client, pages, code):
    partner = public_partner(slug="cpage-bulk")
    bulk_public_contributions(partner, 5, prefix="CPQ", translate_to="ar")
    url = f"/{code}/contributions/cpq-00001/"

    few, _response = page_queries(client, url)
    bulk_public_contributions(partner, 200, prefix="CPR", translate_to="ar")
    assert page_queries(client, url)[0] == few
    # The site, routing and the menu as on every page, then the contribution, its translation, its
    # areas, its review, the related updates and their view restrictions, the language links and the
    # directory's address.
    assert few <= PAGE_QUERY_BUDGET  # and the publication history (one query)
