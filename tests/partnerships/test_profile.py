"""/<lang>/partners/<slug>/: one public partner, its due-diligence statement and its contributions."""

import datetime
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup

from django.utils import timezone

from partnerships.models import ExchangeRate, Partner, ReviewDecision
from tests.directory_helpers import (
    area,
    bulk_public_contributions,
    directory_pages,
    public_contribution_of,
    public_partner_in,
    translate_area,
    translate_contribution,
    translate_partner,
)
from tests.factories import ContributionFactory, PartnerFactory, ReviewFactory, publish
from tests.query_helpers import PAGE_QUERY_BUDGET, page_queries

pytestmark = pytest.mark.django_db

URL = "/{code}/partners/profiltest-labs/"
INTERNAL = ["INTERNAL-", "board minutes", "Jane Doe", "do not publish"]


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def pages():
    return directory_pages()


@pytest.fixture
def partner(pages):
    forensics = area("proftest-forensics", "Proftest forensics")
    translate_area(forensics, "ar", "أدلة جنائية تجريبية")
    partner = PartnerFactory(
        name="Profiltest Labs",
        slug="profiltest-labs",
        partner_type="corporate_foundation",
        country="KE",
        website="https://profiltest.example",
        summary="Profiltest Labs lends forensic equipment.",
        description="<p>Profiltest Labs has worked with police laboratories since 2015.</p>",
        relationship_status="active",
        start_date=datetime.date(2021, 9, 1),
    )
    partner.cooperation_areas.set([forensics])
    partner.save()
    # An older review with other dates, then the current one, approved with (internal) conditions.
    ReviewFactory(partner=partner, decided_on="2022-01-10", next_review_due="2023-01-10")
    ReviewFactory(
        partner=partner,
        review_type="periodic",
        opened_on="2024-05-01",
        decided_on="2024-06-15",
        next_review_due="2026-06-15",
        decision=ReviewDecision.APPROVED_WITH_CONDITIONS,
        conditions="INTERNAL-CONDITION report each quarter",
        values_result="meets",
        activities_result="meets_with_mitigation",
        purpose_result="meets",
    )
    publish(partner)
    public_contribution_of(
        partner,
        reference="PRF-001",
        title="Mobile laboratory",
        amount=Decimal("1250000"),
        currency="EUR",
        signed_date=datetime.date(2024, 3, 1),
    )
    public_contribution_of(
        partner,
        reference="PRF-002",
        title="Analyst secondment",
        in_kind=True,
        estimated_value=Decimal("90000"),
        currency="EUR",
        signed_date=datetime.date(2024, 5, 1),
    )
    public_contribution_of(
        partner,
        reference="PRF-003",
        title="Training grant",
        contribution_type="financial_unearmarked",
        amount=Decimal("40000"),
        currency="USD",
        signed_date=datetime.date(2023, 1, 1),
    )
    ContributionFactory(partner=partner, reference="PRF-DRAFT", title="Hiddendraft contribution", amount=9)
    return partner


def test_the_profile_shows_the_partner(client, partner):
    response = client.get(URL.format(code="en"))
    assert response.status_code == 200
    page = soup(response)
    assert page.h1.get_text(strip=True) == "Profiltest Labs"
    assert page.h1.select_one("bdi")
    assert page.title.get_text().startswith("Profiltest Labs")
    facts = page.select_one(".partner-facts").get_text(" ", strip=True)
    for text in ["Corporate foundation", "Kenya", "Active", "September 1, 2021", "Proftest forensics"]:
        assert text in facts
    assert page.select_one('.partner-facts a[href="https://profiltest.example"]')
    assert "worked with police laboratories" in page.select_one(".rich-text").get_text()
    crumbs = [li.get_text(strip=True) for li in page.select(".breadcrumbs li")]
    assert crumbs == ["Home", directory_pages()["en"].title, "Profiltest Labs"]
    assert page.select_one('link[rel="canonical"]')["href"] == "http://localhost/en/partners/profiltest-labs/"


def test_the_due_diligence_statement_lists_every_decided_review_newest_first_and_nothing_internal(
    client, partner
):
    page = soup(client.get(URL.format(code="en")))
    reviews = page.select(".due-diligence .due-diligence__review")
    texts = [review.get_text(" ", strip=True) for review in reviews]
    assert len(texts) == 2
    assert "June 15, 2024" in texts[0] and "June 15, 2026" in texts[0]
    assert "January 10, 2022" in texts[1] and "January 10, 2023" in texts[1]
    rows = [
        [cell.get_text(strip=True) for cell in row.select("th, td")] for row in reviews[0].select("tbody tr")
    ]
    assert rows == [
        ["The partner shares the organisation's core values and principles.", "Meets the criterion"],
        [
            "The partner's activities are compatible with the organisation's principles, aims and activities.",
            "Meets the criterion with mitigation",
        ],
        [
            "The contribution is meant for purposes compatible with the organisation's principles, aims and activities.",
            "Meets the criterion",
        ],
    ]
    html = page.decode()
    for secret in [*INTERNAL, "report each quarter", "Approved with conditions", "Sanctions", "Risk"]:
        assert secret not in html


def test_the_contributions_table_and_the_partners_committed_figures(client, partner):
    page = soup(client.get(URL.format(code="en")))
    table = page.select_one(".partner-contributions table")
    references = [row.select_one("td").get_text(strip=True) for row in table.select("tbody tr")]
    assert references == ["PRF-002", "PRF-001", "PRF-003"]  # newest signed first
    text = table.get_text(" ", strip=True)
    assert "€1,250,000" in text and "$40,000" in text and "12 staff-months" in text and "€90,000" in text
    assert "no exchange rate for its month" in table.select("tbody tr")[2].text
    assert "Hiddendraft" not in page.decode()
    figures = page.select_one(".partner-contributions .figures-headline")
    assert figures.select_one(".stat__figure").text == "€1,340,000"
    assert "3 committed contributions" in figures.text
    note = page.select_one(".partner-contributions .figures-note__left-out").text
    assert "Left out: 1 contribution without an exchange rate" in note

    # A cancelled contribution is listed with its status and never counted; a rate converts the dollars.
    public_contribution_of(
        partner, reference="PRF-004", amount=Decimal("9800"), status="cancelled", end_reason="other"
    )
    ExchangeRate.objects.create(currency="USD", month=datetime.date(2023, 1, 1), rate="0.9", source="UN")
    page = soup(client.get(URL.format(code="en")))
    row = page.select_one("#contribution-prf-003")
    assert "$40,000" in row.text and "€36,000 at the month’s rate" in row.text
    assert "Cancelled" in page.select_one("#contribution-prf-004").text
    figures = page.select_one(".partner-contributions .figures-headline")
    assert figures.select_one(".stat__figure").text == "€1,376,000"
    assert "cancelled contribution, not counted" in figures.select(".stat")[-1].text
    assert figures.select(".stat")[-1].select_one(".stat__figure").text == "1"
    assert page.select(".figures-note__left-out") == []


def test_the_profile_in_arabic(client, partner):
    response = client.get(URL.format(code="ar"))
    assert response.status_code == 200
    page = soup(response)
    assert page.html["lang"] == "ar" and page.html["dir"] == "rtl"
    assert "كينيا" in page.select_one(".partner-facts").get_text()  # Kenya
    assert "أدلة جنائية تجريبية" in page.select_one(".partner-facts").get_text()
    money = page.select_one(".partner-contributions table").get_text()
    assert "١٬٢٥٠٬٠٠٠" in money  # Arabic-Indic digits
    # Not translated into Arabic: English text marked as such, with a notice.
    lead = page.select_one(".lead")
    assert lead["lang"] == "en" and lead.get_text() == "Profiltest Labs lends forensic equipment."
    assert page.select_one(".partner-profile .translation-notice")


def test_a_french_reader_sees_the_live_french_translation(client, partner):
    translate_partner(
        partner, "fr", summary="Profiltest Labs prête du matériel.", description="<p>Depuis 2015.</p>"
    )
    contribution = partner.contributions.get(reference="PRF-001", locale__language_code="en")
    translate_contribution(contribution, "fr", title="Laboratoire mobile")
    page = soup(client.get(URL.format(code="fr")))
    lead = page.select_one(".lead")
    assert lead.get_text() == "Profiltest Labs prête du matériel." and lead.get("lang") is None
    assert not page.select_one(".partner-profile > header .translation-notice")
    assert "Depuis 2015." in page.select_one(".rich-text").get_text()
    rows = {
        row.select_one("td").get_text(strip=True): row.select("td")[1]
        for row in page.select(".partner-contributions tbody tr")
    }
    assert rows["PRF-001"].get_text(strip=True) == "Laboratoire mobile"
    untranslated = rows["PRF-002"].select_one("[lang]")
    assert untranslated["lang"] == "en" and untranslated.get_text() == "Analyst secondment"
    assert "1 250 000" in page.select_one(".partner-contributions table").get_text().replace(
        "\u202f", " "
    ).replace("\xa0", " ")


def test_a_draft_translation_is_not_shown(client, partner):
    translate_partner(partner, "fr", summary="BROUILLON non approuvé.", live=False)
    page = soup(client.get(URL.format(code="fr")))
    assert "BROUILLON" not in page.decode()
    assert page.select_one(".lead")["lang"] == "en"


def test_last_updated_follows_the_text_shown(client, partner):
    translation = translate_partner(partner, "fr", summary="Texte français.")
    Partner.objects.filter(pk=partner.pk).update(
        last_published_at=timezone.make_aware(datetime.datetime(2025, 2, 3))
    )
    Partner.objects.filter(pk=translation.pk).update(
        last_published_at=timezone.make_aware(datetime.datetime(2025, 8, 9))
    )
    english = soup(client.get(URL.format(code="en"))).select_one(".page-meta time")
    assert english["datetime"].startswith("2025-02-03")
    french = soup(client.get(URL.format(code="fr"))).select_one(".page-meta time")
    assert french["datetime"].startswith("2025-08-09")


def test_switching_language_stays_on_the_partner(client, partner):
    page = soup(client.get(URL.format(code="en")))
    links = {a["lang"]: a["href"] for a in page.select(".language-selector a[lang]")}
    assert links == {code: URL.format(code=code) for code in ["fr", "es", "ar"]}
    alternates = {link["hreflang"]: link["href"] for link in page.select('link[rel="alternate"][hreflang]')}
    assert alternates["ar"] == "http://localhost/ar/partners/profiltest-labs/"
    assert alternates["x-default"] == "http://localhost/en/partners/profiltest-labs/"


def test_hidden_partners_have_no_profile(client, pages):
    draft = PartnerFactory(slug="proftest-draft")
    ReviewFactory(partner=draft)
    rejected = public_partner_in(slug="proftest-rejected")
    ReviewFactory(partner=rejected, decision=ReviewDecision.REJECTED, decided_on="2025-06-01")
    withdrawn = public_partner_in(slug="proftest-withdrawn")
    withdrawn.unpublish()
    for slug in ["proftest-draft", "proftest-rejected", "proftest-withdrawn", "no-such-partner"]:
        for code in ["en", "ar"]:
            assert client.get(f"/{code}/partners/{slug}/").status_code == 404, (slug, code)


def test_sitemap_lists_public_profiles_in_every_language(client, partner):
    hidden = PartnerFactory(slug="proftest-hidden-draft")
    ReviewFactory(partner=hidden)
    xml = client.get("/sitemap.xml").content.decode()
    for code in ["en", "fr", "es", "ar"]:
        assert f"/{code}/partners/profiltest-labs/</loc>" in xml
    assert "proftest-hidden-draft" not in xml


@pytest.mark.parametrize("code", ["en", "fr"])
def test_a_profile_costs_the_same_queries_for_5_or_200_contributions(client, pages, code):
    few = public_partner_in(name="Fewco", slug="proftest-fewco")
    many = public_partner_in(name="Manyco", slug="proftest-manyco")
    bulk_public_contributions(few, 5, prefix="FEW", translate_to="fr")
    bulk_public_contributions(many, 200, prefix="MANY", translate_to="fr")

    few_queries, _ = page_queries(client, f"/{code}/partners/proftest-fewco/")
    many_queries, response = page_queries(client, f"/{code}/partners/proftest-manyco/")
    assert len(soup(response).select(".partner-contributions table")[0].select("tbody tr")) == 200
    assert few_queries == many_queries
    # 17 since the profile shows its figures (one grouped query), its review history (one query) and
    # links each contribution to its page (the register's address: one query).
    assert many_queries <= PAGE_QUERY_BUDGET  # and its publication history (one query)
