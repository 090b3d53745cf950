"""/<lang>/partners/: the public partner directory.

The demo data is loaded for the whole session, so exact figures are checked inside a cooperation area
that only these tests use."""

import re

import pytest
from bs4 import BeautifulSoup

from django.db import connection
from django.test.utils import CaptureQueriesContext

from partnerships.directory import PartnerDirectory, localized_areas, partner_facts
from partnerships.models import ReviewDecision
from tests.directory_helpers import (
    area,
    bulk_public_partners,
    directory_pages,
    locale,
    public_contribution_of,
    public_partner_in,
    translate_area,
    translate_partner,
)
from tests.factories import ContributionFactory, PartnerFactory, ReviewFactory
from tests.query_helpers import PAGE_QUERY_BUDGET, page_queries

pytestmark = pytest.mark.django_db

AREA = "dirtest-cyber"
HIDDEN = ["Hiddendraft", "Hiddenrejected", "Hiddenwithdrawn", "INTERNAL-"]


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def card_names(page):
    return [
        card.select_one(".partner-card__name").get_text(strip=True) for card in page.select(".partner-card")
    ]


def option_counts(page, name):
    """{option value: the count shown beside it} for the <select name=name> of the filter form."""
    counts = {}
    for option in page.select(f'select[name="{name}"] option'):
        match = re.search(r"\((\d+)\)$", option.get_text(strip=True))
        if option["value"] and match:
            counts[option["value"]] = int(match.group(1))
    return counts


@pytest.fixture
def pages():
    return directory_pages()


@pytest.fixture
def world(pages):
    """Three public partners in the test area, and three that must never be seen."""
    cyber = area(AREA, "Dirtest cyber")
    translate_area(cyber, "ar", "سيبراني تجريبي")
    other = area("dirtest-other", "Dirtest other")
    alpha = public_partner_in(
        [cyber],
        name="Alphadir Analytics",
        slug="alphadir-analytics",
        partner_type="ngo_nonprofit",
        country="FR",
        relationship_status="active",
        start_date="2020-05-01",
        summary="Alphadir studies quokka forensics.",
    )
    public_contribution_of(alpha, reference="DIR-A1", title="Alphadir funding")
    public_contribution_of(alpha, in_kind=True, reference="DIR-A2", title="Alphadir staff")
    beta = public_partner_in(
        [cyber, other],
        name="Betadir Systems",
        slug="betadir-systems",
        partner_type="for_profit_company",
        country="DE",
        relationship_status="suspended",
        start_date="2023-02-01",
        summary="Betadir builds secure networks.",
    )
    public_contribution_of(beta, reference="DIR-B1", title="Betadir funding")
    # A draft contribution: its type must not count for Betadir.
    ContributionFactory(partner=beta, in_kind=True, reference="DIR-B2", title="Betadir draft staff")
    gamma = public_partner_in(
        [cyber],
        name="Gammadir Institute",
        slug="gammadir-institute",
        partner_type="academic_research",
        country="FR",
        relationship_status="concluded",
        start_date="2019-03-01",
        summary="Gammadir teaches the courses.",
    )

    # Never public: a draft, a partner whose latest review rejected it, and one taken off the register.
    draft = PartnerFactory(name="Hiddendraft Corp", slug="hiddendraft-corp", country="FR")
    draft.cooperation_areas.set([cyber])
    draft.save()
    ReviewFactory(partner=draft)
    rejected = public_partner_in([cyber], name="Hiddenrejected Corp", slug="hiddenrejected-corp")
    public_contribution_of(rejected, contribution_type="equipment", in_kind=True, reference="DIR-R1")
    ReviewFactory(partner=rejected, decision=ReviewDecision.REJECTED, decided_on="2025-06-01")
    withdrawn = public_partner_in([cyber], name="Hiddenwithdrawn Corp", slug="hiddenwithdrawn-corp")
    public_contribution_of(withdrawn, contribution_type="training", in_kind=True, reference="DIR-W1")
    withdrawn.unpublish()
    return {"alpha": alpha, "beta": beta, "gamma": gamma, "cyber": cyber, "other": other}


@pytest.mark.parametrize("code,direction", [("en", "ltr"), ("ar", "rtl")])
def test_the_directory_renders_cards_in_the_readers_language(client, world, code, direction):
    response = client.get(f"/{code}/partners/?area={AREA}")
    assert response.status_code == 200
    page = soup(response)
    assert page.html["lang"] == code and page.html["dir"] == direction
    assert card_names(page) == ["Alphadir Analytics", "Betadir Systems", "Gammadir Institute"]
    card = page.select(".partner-card")[0]
    assert card.select_one("bdi").get_text() == "Alphadir Analytics"
    assert card.select_one("a")["href"] == f"/{code}/partners/alphadir-analytics/"
    text = card.get_text(" ", strip=True)
    if code == "en":
        assert "Non-governmental or non-profit organisation" in text
        assert "France" in text and "Active" in text and "Dirtest cyber" in text
        assert card.select_one(".partner-card__summary").get("lang") is None
    else:
        assert "فرنسا" in text  # the country's name in Arabic
        assert "سيبراني تجريبي" in text  # the area's Arabic name
        # No Arabic translation: the English summary, marked as English, with a notice.
        summary = card.select_one(".partner-card__summary")
        assert summary["lang"] == "en" and summary["dir"] == "ltr"
        assert summary.get_text() == "Alphadir studies quokka forensics."
        assert card.select_one(".translation-notice")


def test_the_directory_page_has_breadcrumbs_title_and_canonical_link(client, pages, world):
    page = soup(client.get(f"/en/partners/?area={AREA}"))
    assert page.title.get_text().startswith(pages["en"].title)
    crumbs = [li.get_text(strip=True) for li in page.select(".breadcrumbs li")]
    assert crumbs[0] == "Home" and len(crumbs) == 2
    assert page.select_one('link[rel="canonical"]')["href"] == f"http://localhost/en/partners/?area={AREA}"
    alternates = {link["hreflang"]: link["href"] for link in page.select('link[rel="alternate"][hreflang]')}
    assert alternates["fr"] == f"http://localhost/fr/partners/?area={AREA}"


def test_facet_counts_are_public_partners_under_the_other_filters(client, world):
    page = soup(client.get(f"/en/partners/?area={AREA}"))
    assert page.select_one("#results-heading").get_text(strip=True) == "3 partners"
    assert option_counts(page, "type") == {
        "for_profit_company": 1,
        "corporate_foundation": 0,
        "philanthropic_foundation": 0,
        "ngo_nonprofit": 1,
        "business_association": 0,
        "academic_research": 1,
        "other_nonprofit": 0,
    }
    assert option_counts(page, "sector") == {"for_profit": 1, "non_profit": 2}
    assert option_counts(page, "country") == {"FR": 2, "DE": 1}
    assert option_counts(page, "status") == {"active": 1, "suspended": 1, "concluded": 1, "terminated": 0}
    contribution = option_counts(page, "contribution")
    # Alphadir and Betadir give funding; only Alphadir's staff secondment is public (Betadir's is a
    # draft); the hidden partners' equipment and training are not public.
    assert contribution["financial_earmarked"] == 2
    assert contribution["seconded_personnel"] == 1
    assert contribution["equipment"] == 0 and contribution["training"] == 0
    # The area facet ignores its own filter: every public partner of each area.
    areas = option_counts(page, "area")
    assert areas[AREA] == 3 and areas["dirtest-other"] == 1


def test_a_facet_ignores_its_own_filter_and_respects_the_others(client, world):
    page = soup(client.get(f"/en/partners/?area={AREA}&country=FR"))
    assert card_names(page) == ["Alphadir Analytics", "Gammadir Institute"]
    assert option_counts(page, "country") == {"FR": 2, "DE": 1}
    assert option_counts(page, "type")["for_profit_company"] == 0
    assert option_counts(page, "type")["academic_research"] == 1
    assert option_counts(page, "area")[AREA] == 2
    assert option_counts(page, "area")["dirtest-other"] == 0
    assert page.select_one('select[name="country"] option[value="FR"]').has_attr("selected")


def test_counts_need_one_query_for_a_keyword_and_none_for_other_filters(world):
    areas = localized_areas(locale=locale("en"))
    every_filter = {
        "q": "dir",
        "sector": "non_profit",
        "type": "ngo_nonprofit",
        "area": AREA,
        "country": "FR",
        "contribution": "financial_earmarked",
        "status": "active",
    }
    directory = PartnerDirectory(every_filter, "name", areas)
    facts = partner_facts()
    with CaptureQueriesContext(connection) as queries:
        counts, total = directory.counts(facts)
    assert len(queries) == 1
    without_keyword = PartnerDirectory(
        {name: value for name, value in every_filter.items() if name != "q"}, "name", areas
    )
    with CaptureQueriesContext(connection) as queries:
        assert without_keyword.counts(facts)[1] == 1
    assert not queries
    assert total == 1
    assert counts["type"]["ngo_nonprofit"] == 1 and counts["status"]["active"] == 1


@pytest.mark.parametrize(
    "query,expected",
    [
        ("type=for_profit_company", ["Betadir Systems"]),
        ("sector=non_profit", ["Alphadir Analytics", "Gammadir Institute"]),
        ("sector=for_profit", ["Betadir Systems"]),
        ("country=DE", ["Betadir Systems"]),
        ("contribution=seconded_personnel", ["Alphadir Analytics"]),
        ("contribution=financial_earmarked", ["Alphadir Analytics", "Betadir Systems"]),
        ("status=concluded", ["Gammadir Institute"]),
        ("q=quokka", ["Alphadir Analytics"]),
        ("q=betadir", ["Betadir Systems"]),
        ("sort=start", ["Betadir Systems", "Alphadir Analytics", "Gammadir Institute"]),
    ],
)
def test_each_filter_narrows_the_list(client, world, query, expected):
    response = client.get(f"/en/partners/?area={AREA}&{query}", follow=True)
    assert response.status_code == 200
    assert card_names(soup(response)) == expected


def test_the_area_filter_uses_the_slug(client, world):
    assert card_names(soup(client.get("/en/partners/?area=dirtest-other"))) == ["Betadir Systems"]


def test_the_text_filter_reads_the_summary_in_the_readers_language(client, world):
    translate_partner(world["gamma"], "fr", summary="Gammadir enseigne la criminalistique.")
    assert card_names(soup(client.get(f"/fr/partners/?q=enseigne&area={AREA}"))) == ["Gammadir Institute"]
    # English text still matches, so a French reader can find an untranslated partner.
    assert card_names(soup(client.get(f"/fr/partners/?q=quokka&area={AREA}"))) == ["Alphadir Analytics"]


def test_a_useful_empty_state(client, world):
    page = soup(client.get(f"/en/partners/?area={AREA}&country=DE&status=active"))
    assert card_names(page) == []
    empty = page.select_one(".directory-empty")
    assert "No partner matches" in empty.get_text()
    assert empty.select_one('a[href="/en/partners/"]')
    active = page.select_one(".active-filters").get_text(" ", strip=True)
    assert "Country" in active and "Germany" in active and "Relationship status" in active
    # Each active filter can be removed on its own.
    removes = [a["href"] for a in page.select(".active-filters a")]
    assert f"/en/partners/?area={AREA}&status=active" in removes


def test_filter_addresses_are_canonical(client, world):
    response = client.get(f"/en/partners/?sort=name&q=&status=active&area={AREA}&type=&page=1")
    assert response.status_code == 302
    assert response["Location"] == f"/en/partners/?area={AREA}&status=active"
    assert client.get(response["Location"]).status_code == 200


def test_twenty_four_partners_a_page(client, pages):
    crowded = area("dirtest-crowded", "Crowded")
    bulk_public_partners(25, prefix="Crowd", area=crowded)
    first = soup(client.get("/en/partners/?area=dirtest-crowded"))
    assert len(card_names(first)) == 24
    assert (
        first.select_one('.pagination a[rel="next"]')["href"] == "/en/partners/?area=dirtest-crowded&page=2"
    )
    second = soup(client.get("/en/partners/?area=dirtest-crowded&page=2"))
    assert card_names(second) == ["Crowd 0024"]
    assert client.get("/en/partners/?area=dirtest-crowded&page=3").status_code == 404


@pytest.mark.parametrize(
    "query,filter_label",
    [
        ("type=%3Cscript%3Ealert(1)%3C/script%3E", "Type of partner"),
        ("country=ZZ", "Country"),
        ("sort=x", "Sort by"),
        ("area=nope", "Cooperation area"),
        ("sector=both", "For-profit or non-profit"),
        ("contribution=cash", "Type of contribution"),
        ("status=%00", "Relationship status"),
    ],
)
def test_a_bad_filter_is_ignored_and_named(client, world, query, filter_label):
    response = client.get(f"/en/partners/?{query}")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert" not in html
    notices = soup(response).select_one(".directory-notices").get_text()
    assert filter_label in notices and "ignored" in notices
    # The bad filter is ignored: every public partner is listed, including the test ones.
    assert "Alphadir Analytics" in html


def test_a_bad_filter_is_named_in_the_readers_language(client, world):
    response = client.get("/fr/partners/?country=ZZ")
    assert response.status_code == 200
    assert soup(response).select_one(".directory-notices")


def test_a_very_long_text_filter_is_cut_to_200_characters(client, world):
    response = client.get("/en/partners/?q=" + "x" * 10_000)
    assert response.status_code == 200
    page = soup(response)
    assert "200 characters" in page.select_one(".directory-notices").get_text()
    assert len(page.select_one('input[name="q"]')["value"]) == 200


def test_a_bad_page_number_shows_the_first_page_and_says_so(client, world):
    response = client.get(f"/en/partners/?area={AREA}&page=abc")
    assert response.status_code == 200
    page = soup(response)
    assert "page number was not valid" in page.select_one(".directory-notices").get_text()
    assert len(card_names(page)) == 3


def test_a_page_past_the_end_is_not_found(client, world):
    assert client.get("/en/partners/?page=99999").status_code == 404


@pytest.mark.parametrize("number", ["0", "-1", "9" * 5000, "2x"])
def test_a_page_number_that_is_not_a_plain_positive_number_shows_the_first_page(client, world, number):
    response = client.get(f"/en/partners/?area={AREA}&page={number}")
    assert response.status_code == 200
    assert "page number was not valid" in soup(response).select_one(".directory-notices").get_text()


@pytest.mark.parametrize("code", ["en", "fr", "ar"])
def test_hidden_partners_never_appear(client, world, code):
    for url in [f"/{code}/partners/", f"/{code}/partners/?area={AREA}", f"/{code}/partners/?q=Hidden"]:
        html = client.get(url).content.decode()
        for text in HIDDEN:
            assert text not in html, (url, text)
    page = soup(client.get(f"/{code}/partners/?area={AREA}"))
    assert len(card_names(page)) == 3


def test_a_french_reader_sees_the_live_french_translation(client, world):
    translate_partner(world["alpha"], "fr", summary="Alphadir étudie la criminalistique des quokkas.")
    translate_partner(world["beta"], "fr", summary="BROUILLON à ne pas montrer.", live=False)
    page = soup(client.get(f"/fr/partners/?area={AREA}"))
    cards = {card.select_one("bdi").get_text(): card for card in page.select(".partner-card")}
    alpha = cards["Alphadir Analytics"].select_one(".partner-card__summary")
    assert alpha.get_text() == "Alphadir étudie la criminalistique des quokkas."
    assert alpha.get("lang") is None
    assert not cards["Alphadir Analytics"].select_one(".translation-notice")
    # A draft translation is not shown: the English text, marked as English, with a notice.
    beta = cards["Betadir Systems"].select_one(".partner-card__summary")
    assert beta.get_text() == "Betadir builds secure networks." and beta["lang"] == "en"
    assert cards["Betadir Systems"].select_one(".translation-notice")
    assert "BROUILLON" not in page.decode()


@pytest.mark.parametrize("code", ["en", "fr"])
def test_the_directory_costs_the_same_queries_for_5_or_200_partners(client, pages, code):
    crowded = area("dirtest-bulk", "Bulk")
    bulk_public_partners(5, prefix="Few", area=crowded, translate_to="fr")
    urls = [
        f"/{code}/partners/",
        f"/{code}/partners/?area=dirtest-bulk",
        f"/{code}/partners/?q=e&area=dirtest-bulk",
    ]
    few = [page_queries(client, url)[0] for url in urls]
    bulk_public_partners(195, prefix="Many", area=crowded, translate_to="fr")
    many = [page_queries(client, url)[0] for url in urls]
    assert few == many
    # A keyword costs one query of its own: the facets are counted from the register's summary, and
    # the keyword says which partners among them match (a translated page reads translations too).
    assert max(many) <= PAGE_QUERY_BUDGET


def test_the_text_filter_is_shown_back_escaped(client, world):
    response = client.get("/en/partners/?q=%3Cscript%3Ealert(1)%3C/script%3E", follow=True)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert card_names(soup(response)) == []
