"""The contribution register at /<lang>/contributions/: rows, filters, figures and chart, all from public
records only, formatted for the reader's language, in a constant number of queries.

Each test tags its own contributions with a cooperation area of its own and reads the register filtered by
that area: totals are then exact whatever else the site holds.
"""

import datetime
import re
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup

from django.db import connection

from wagtail.models import Locale

from home.models import ContentPage
from partnerships import figures, register, summary
from partnerships.directory import partner_contributions
from partnerships.models import (
    Contribution,
    ContributionIndexPage,
    ContributionStatus,
    ContributionType,
    ExchangeRate,
    InKindUnit,
    PartnerIndexPage,
    PartnerType,
    ValuationMethod,
)
from tests.factories import (
    LANGUAGES,
    ContributionFactory,
    CooperationAreaFactory,
    public_contribution,
    public_partner,
    translate,
)
from tests.query_helpers import PAGE_QUERY_BUDGET, page_queries
from tests.register_helpers import (
    REGISTER_QUERIES,
    index_page,
    non_public_records,
    tag,
)
from tests.site import translated_page

pytestmark = pytest.mark.django_db


def text_of(response):
    return response.content.decode()


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def plain(text):
    """Collapse the no-break spaces CLDR puts in numbers (U+00A0, U+202F) and the bidi marks."""
    return re.sub(r"[\u00a0\u202f]", " ", re.sub(r"[\u200e\u200f\u061c]", "", text))


# Fixtures ----------------------------------------------------------------------------------------


@pytest.fixture
def register_page():
    index_page(PartnerIndexPage)
    return index_page(ContributionIndexPage)


@pytest.fixture
def area():
    return CooperationAreaFactory(slug="register-test-area", name="Register test area")


@pytest.fixture
def known(area):
    """Two EUR funding contributions and one gift in kind valued at €90,000, all in `area`."""
    partner = public_partner(name="Known Partner Ltd", slug="known-partner")
    big = public_contribution(
        partner=partner,
        reference="KNW-1",
        title="Laboratory funding",
        amount=Decimal("1000000"),
        signed_date=datetime.date(2024, 5, 2),
    )
    small = public_contribution(
        partner=partner,
        reference="KNW-2",
        title="Training fund",
        amount=Decimal("250000"),
        signed_date=datetime.date(2025, 2, 3),
        status=ContributionStatus.COMPLETED,
    )
    in_kind = public_contribution(partner=partner, reference="KNW-3", title="Seconded analysts", in_kind=True)
    for record in (big, small, in_kind):
        tag(record, area)
    return {"partner": partner, "big": big, "small": small, "in_kind": in_kind}


def get(client, code, query=""):
    # Filters in another order redirect to the canonical address of the selection.
    return client.get(f"/{code}/contributions/{query}", HTTP_ACCEPT_LANGUAGE=code, follow=True)


# The register -------------------------------------------------------------------------------------


def test_the_register_lists_public_contributions_with_exact_totals(client, register_page, area, known):
    non_public_records(area)
    response = get(client, "en", f"?area={area.slug}")
    assert response.status_code == 200
    page = soup(response)

    rows = page.select(".register-table tbody tr")
    assert [row.select_one("td bdi").text for row in rows] == ["KNW-3", "KNW-2", "KNW-1"]
    assert "3 contributions match these filters." in page.select_one(".register__count").text
    first = rows[1]
    assert first.select_one("th").text.strip() == "Training fund"
    assert first.select_one("a[href='/en/partners/known-partner/'] bdi").text == "Known Partner Ltd"
    assert "Funding (earmarked)" in first.text and "Completed" in first.text
    assert "€250,000" in first.text
    assert "Feb 3, 2025" in first.text
    in_kind = rows[0].text
    assert "12 staff-months" in in_kind and "estimated at €90,000" in in_kind

    by_type = {
        row.th.text.strip(): [cell.text.strip() for cell in row.select("td")]
        for row in page.select(".figures-table")[0].select("tbody tr")
    }
    assert by_type == {"Funding (earmarked)": ["2", "€1,250,000"], "Seconded staff": ["1", "€90,000"]}
    total = page.select(".figures-table")[0].select_one("tfoot tr")
    assert [cell.text.strip() for cell in total.select("td")] == ["3", "€1,340,000"]

    by_year = {
        row.th.text.strip(): [cell.text.strip() for cell in row.select("td")]
        for row in page.select(".figures-table")[1].select("tbody tr")
    }
    assert by_year == {"2025": ["2", "€340,000"], "2024": ["1", "€1,000,000"]}

    by_area = page.select(".figures-table")[2].select("tbody tr")
    assert [[cell.text.strip() for cell in row.select("th, td")] for row in by_area] == [
        ["Register test area", "3", "€1,340,000"]
    ]
    by_sector = page.select(".figures-table")[3].select("tbody tr")
    assert [[cell.text.strip() for cell in row.select("th, td")] for row in by_sector] == [
        ["For-profit", "3", "€1,340,000"]
    ]

    units = page.select(".figures-table")[4].select("tbody tr")
    assert [[cell.text.strip() for cell in row.select("th, td")] for row in units] == [
        ["staff-months", "1", "12", "€90,000"]
    ]


def test_non_public_contributions_never_reach_the_register_figures_or_chart(client, register_page, area):
    non_public_records(area)
    for code in LANGUAGES:
        response = get(client, code, f"?area={area.slug}")
        assert response.status_code == 200
        assert "HIDDEN" not in text_of(response)
        # The partners' due-diligence rationale and notes (see ReviewFactory) stay internal too.
        assert "INTERNAL-" not in response.content.decode()
        assert soup(response).select(".register-table") == []
        assert soup(response).select(".figures") == []
        assert soup(response).select("main svg") == []
    # …and the whole register, unfiltered, never shows them either, though it lists what is public.
    public_contribution(reference="SHOWN-1", title="Shown elsewhere")
    page = soup(get(client, "en"))
    assert [row.select_one("td bdi").text for row in page.select(".register-table tbody tr")] == ["SHOWN-1"]
    assert "HIDDEN" not in page.decode()


def test_figures_are_computed_from_public_records_only(area, known):
    before = figures.compute_figures(Contribution.objects.public())
    non_public_records(area)
    after = figures.compute_figures(Contribution.objects.public())
    assert after.count == before.count
    assert after.committed.value == before.committed.value

    scoped = figures.compute_figures(
        register.filter_contributions(Contribution.objects.public(), {"area": area.slug})
    )
    assert scoped.committed.count == 3
    assert scoped.committed.value == Decimal("1340000")
    assert scoped.currency == "EUR"


def test_amounts_are_formatted_for_french_readers(client, register_page, area, known):
    body = plain(text_of(get(client, "fr", f"?area={area.slug}")))
    assert "1 250 000 €" in body
    assert "1 000 000 €" in body
    assert "€1,250,000" not in body


def test_arabic_register_uses_arabic_digits_translations_and_a_mirrored_chart(
    client, register_page, area, known
):
    translate(known["big"], "ar", live=True, title="تمويل المختبر")
    response = get(client, "ar", f"?area={area.slug}")
    assert response.status_code == 200
    page = soup(response)
    body = plain(text_of(response))
    assert "١٬٢٥٠٬٠٠٠" in body  # the total in Arabic-Indic digits with the Arabic group separator
    assert "€1,250,000" not in body

    titles = {row.select_one("td bdi").text: row.th for row in page.select(".register-table tbody tr")}
    assert titles["KNW-1"].text.strip() == "تمويل المختبر"
    fallback = titles["KNW-2"].select_one("[lang=en]")
    assert fallback is not None and fallback.text == "Training fund"
    assert titles["KNW-2"].select_one(".fallback-note") is not None
    assert page.select_one(".register .notice") is not None

    chart = page.select_one("svg#chart-by_type")
    assert chart["direction"] == "rtl"
    label = chart.select_one(".chart__label")
    bar = chart.select_one(".chart__bar")
    # Mirrored: the label starts at the right edge and the bar ends there.
    assert float(label["x"]) == 400
    assert float(bar["x"]) + float(bar["width"]) == pytest.approx(400)


def test_the_chart_is_accessible_and_matches_the_table(client, register_page, area, known):
    page = soup(get(client, "en", f"?area={area.slug}"))
    chart = page.select_one("svg#chart-by_type")
    assert chart["role"] == "img"
    for labelled_by in chart["aria-labelledby"].split():
        assert page.find(id=labelled_by) is not None
    assert "euros" in chart.title.text
    assert "Funding (earmarked): €1,250,000" in chart.desc.text
    assert "Seconded staff: €90,000" in chart.desc.text
    bars = chart.select(".chart__bar")
    assert len(bars) == 2
    widths = sorted(float(bar["width"]) for bar in bars)
    assert widths[1] / widths[0] == pytest.approx(1250000 / 90000, rel=0.01)
    assert [value.text for value in chart.select(".chart__value")] == ["€1,250,000", "€90,000"]

    table = page.select(".figures-table")[0]
    assert table.caption is not None
    assert {th["scope"] for th in table.select("thead th")} == {"col"}
    assert {th["scope"] for th in table.select("tbody th")} == {"row"}
    # Strict CSP: no inline style or script anywhere on the page.
    assert page.select("[style]") == [] and page.select("style") == []
    assert all(script.get("src") for script in page.select("script"))


def test_other_currencies_are_converted_and_summed_in_the_reporting_currency(
    client, register_page, area, known
):
    ExchangeRate.objects.create(
        currency="USD", month=datetime.date(2025, 3, 1), rate=Decimal("0.9"), source="UN operational rates"
    )
    dollars = public_contribution(
        partner=known["partner"], reference="KNW-4", amount=Decimal("500"), currency="USD"
    )
    tag(dollars, area)
    page = soup(get(client, "en", f"?area={area.slug}"))
    total = page.select(".figures-table")[0].select_one("tfoot tr")
    assert [cell.text.strip() for cell in total.select("td")] == ["4", "€1,340,450"]
    row = next(row for row in page.select(".register-table tbody tr") if "KNW-4" in row.text)
    assert "$500" in row.text and "€450 at the month’s rate" in row.text
    assert "Funding (earmarked): €1,250,450" in page.select_one("svg#chart-by_type desc").text

    in_dollars = soup(get(client, "en", f"?area={area.slug}&currency=USD"))
    assert [row.select_one("td bdi").text for row in in_dollars.select(".register-table tbody tr")] == [
        "KNW-4"
    ]
    assert [value.text for value in in_dollars.select("svg#chart-by_type .chart__value")] == ["€450"]


# Filters -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query, references",
    [
        ("type=seconded_personnel", ["KNW-3"]),
        ("type=financial_earmarked", ["KNW-2", "KNW-1"]),
        ("year=2024", ["KNW-1"]),
        ("status=completed", ["KNW-2"]),
        ("sector=for_profit", ["KNW-3", "KNW-2", "KNW-1"]),
        ("sector=non_profit", []),
        ("partner_type=for_profit_company", ["KNW-3", "KNW-2", "KNW-1"]),
        ("partner_type=ngo_nonprofit", []),
        ("type=financial_earmarked&year=2025", ["KNW-2"]),
    ],
)
def test_each_filter_narrows_the_register_and_its_figures(
    client, register_page, area, known, query, references
):
    page = soup(get(client, "en", f"?area={area.slug}&{query}"))
    assert [row.select_one("td bdi").text for row in page.select(".register-table tbody tr")] == references
    assert page.select(".notice--warning") == []
    if references:
        total = page.select(".figures-table")[0].select_one("tfoot td")
        assert total.text.strip() == str(len(references))
    else:
        assert page.select_one(".empty-state") is not None
        assert page.select(".figures") == []


def test_a_partner_type_filter_on_a_non_profit_partner(client, register_page, area):
    ngo = public_partner(partner_type=PartnerType.NGO_NONPROFIT)
    contribution = public_contribution(partner=ngo, reference="NGO-1", title="NGO gift")
    tag(contribution, area)
    for query in ("sector=non_profit", "partner_type=ngo_nonprofit"):
        page = soup(get(client, "en", f"?area={area.slug}&{query}"))
        assert [row.select_one("td bdi").text for row in page.select(".register-table tbody tr")] == ["NGO-1"]
    page = soup(get(client, "en", f"?area={area.slug}&sector=for_profit"))
    assert page.select(".register-table") == []


def test_the_filter_form_works_without_javascript(client, register_page, area, known):
    page = soup(get(client, "en", f"?area={area.slug}&year=2025"))
    form = page.select_one("form.filters")
    assert form["method"] == "get"
    for name in ("type", "year", "status", "sector", "partner_type", "area", "currency"):
        control = form.select_one(f"select[name={name}]")
        assert control is not None
        assert form.select_one(f"label[for={control['id']}]") is not None
    assert form.select_one("select[name=year] option[selected]")["value"] == "2025"
    assert form.select_one(f"select[name=area] option[value={area.slug}]")["selected"] is not None
    assert {option["value"] for option in form.select("select[name=year] option")} >= {"", "2024", "2025"}
    assert form.select_one("button[type=submit]") is not None


@pytest.mark.parametrize("code", ["en", "ar"])
def test_each_filter_in_use_is_a_chip_linking_to_the_register_without_it(
    client, register_page, area, known, code
):
    page = soup(get(client, code, f"?area={area.slug}&year=2025&type=financial_earmarked"))
    chips = {chip["href"]: chip.get_text(" ", strip=True) for chip in page.select(".filter-chip")}
    without = f"/{code}/contributions/?"
    assert list(chips) == [
        f"{without}year=2025&area={area.slug}",
        f"{without}type=financial_earmarked&area={area.slug}",
        f"{without}type=financial_earmarked&year=2025",
    ]
    # Each chip names the filter and the option chosen, as the form's controls name them.
    form = page.select_one("form.filters")
    for name, chip in zip(("type", "year", "area"), chips.values(), strict=True):
        label = form.select_one(f"label[for=filter-{name}]").get_text(strip=True)
        option = form.select_one(f"select[name={name}] option[selected]").get_text(strip=True)
        assert chip.startswith(f"{label}: {option}")
    assert page.select_one(".active-filters__clear")["href"] == f"/{code}/contributions/"
    # The "Filter" disclosure says how many are in use.
    assert "(" in page.select_one(".filter-disclosure__toggle").get_text()
    assert soup(get(client, code, "")).select(".filter-chip") == []


@pytest.mark.parametrize(
    "query, ignored",
    [
        ("year=20x5", "Year signed"),
        ("year=1850", "Year signed"),
        ("type=%3Cscript%3Ealert(1)%3C/script%3E", "Type of contribution"),
        ("status=lost", "Status"),
        ("sector=charity", "For-profit or non-profit partner"),
        ("partner_type=government", "Type of partner"),
        ("area=no-such-area", "Cooperation area"),
        ("currency=XXX", "Currency"),
        ("type=" + "x" * 10000, "Type of contribution"),
    ],
)
def test_a_bad_filter_value_is_ignored_and_said_so(client, register_page, area, known, query, ignored):
    response = get(client, "en", f"?{query}")
    assert response.status_code == 200
    notices = [notice.text for notice in soup(response).select(".notice--warning")]
    assert len(notices) == 1 and ignored in notices[0]
    assert "<script>alert" not in text_of(response)


def test_a_bad_value_leaves_the_good_filters_in_force(client, register_page, area, known):
    page = soup(get(client, "en", f"?area={area.slug}&year=20x5&type=financial_earmarked"))
    assert [row.select_one("td bdi").text for row in page.select(".register-table tbody tr")] == [
        "KNW-2",
        "KNW-1",
    ]
    assert len(page.select(".notice--warning")) == 1


def test_switching_language_keeps_the_accepted_filters(client, register_page, area, known):
    page = soup(get(client, "en", f"?area={area.slug}&year=20x5&type=financial_earmarked&page=1"))
    links = {link["hreflang"]: link["href"] for link in page.select(".language-selector a[hreflang]")}
    assert links["ar"] == f"/ar/contributions/?type=financial_earmarked&area={area.slug}"
    arabic = soup(client.get(links["ar"], HTTP_ACCEPT_LANGUAGE="ar"))
    assert [row.select_one("td bdi").text for row in arabic.select(".register-table tbody tr")] == [
        "KNW-2",
        "KNW-1",
    ]


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_page_number_that_is_not_a_number_shows_the_first_page(client, register_page, code):
    public_contribution(reference="FIRST-1")
    response = get(client, code, "?page=abc")
    assert response.status_code == 200
    page = soup(response)
    assert len(page.select(".notice--warning")) == 1
    assert [row.select_one("td bdi").text for row in page.select(".register-table tbody tr")] == ["FIRST-1"]


@pytest.mark.parametrize("query", ["?page=99999", "?page=2&area=register-test-area"])
def test_a_page_past_the_end_is_not_found(client, register_page, area, known, query):
    assert get(client, "en", query).status_code == 404


def test_the_register_is_paginated_and_pages_keep_the_filters(client, register_page, area, known):
    partner = known["partner"]
    for number in range(register.PER_PAGE):
        tag(ContributionFactory(partner=partner, reference=f"PAGE-{number:03d}", live=True), area)
    first = soup(get(client, "en", f"?area={area.slug}"))
    assert len(first.select(".register-table tbody tr")) == register.PER_PAGE
    next_link = first.select_one(".pagination a[rel=next]")["href"]
    assert f"area={area.slug}" in next_link and "page=2" in next_link
    second = soup(client.get(next_link))
    assert len(second.select(".register-table tbody tr")) == 3
    # Figures cover every matching contribution, not only the page shown.
    assert second.select(".figures-table")[0].select_one("tfoot td").text.strip() == str(
        register.PER_PAGE + 3
    )


# Queries -----------------------------------------------------------------------------------------


def add_contributions(partner, area, count, start=0):
    """Public contributions saved as live directly (their partner is public, so the guard allows it),
    half of them gifts in kind, spread over years and currencies, each translated into Arabic."""
    arabic = Locale.objects.get(language_code="ar")
    for number in range(start, start + count):
        kind = number % 2
        contribution = ContributionFactory(
            partner=partner,
            reference=f"BULK-{number:04d}",
            live=True,
            signed_date=datetime.date(2015 + number % 10, 1 + number % 12, 1),
            currency="USD" if number % 5 == 0 else "EUR",
            **(
                {
                    "contribution_type": ContributionType.EQUIPMENT,
                    "amount": None,
                    "quantity": Decimal(number + 1),
                    "unit": InKindUnit.ITEMS,
                    "estimated_value": Decimal(1000 * number),
                    "valuation_method": ValuationMethod.MARKET_FAIR_VALUE,
                }
                if kind
                else {}
            ),
        )
        tag(contribution, area)
        translation = contribution.copy_for_translation(arabic)
        translation.title = f"مساهمة {number}"
        translation.live = True
        translation.save()


def count_queries(client, url, code):
    return page_queries(client, url, HTTP_ACCEPT_LANGUAGE=code)[0]


# What the register adds to the queries every page of the site makes (site, routing, menu, language
# links, breadcrumbs): the reader's Locale, the years, the areas, the grouped figures, the committed
# value by cooperation area (a contribution may be in several areas, so it cannot share the grouped
# figures' query), the rows, their translations (not in English) and the directory's address.


@pytest.mark.parametrize("code", ["en", "ar"])
def test_the_register_issues_the_same_queries_for_5_or_200_contributions(client, register_page, area, code):
    # A page of the site with nothing but text, in the menu like the register: the baseline.
    translated_page(ContentPage, slug="plain-text", titles={"en": "Plain text", "ar": "نص عادي"})
    partner = public_partner()
    add_contributions(partner, area, 5)
    summary.rebuild()  # as publishing's commit does
    urls = [f"/{code}/contributions/", f"/{code}/contributions/?type=equipment&area={area.slug}"]
    few = [count_queries(client, url, code) for url in urls]
    add_contributions(partner, area, 195, start=5)
    summary.rebuild()
    many = [count_queries(client, url, code) for url in urls]
    assert many == few

    baseline = count_queries(client, f"/{code}/plain-text/", code)
    assert max(many) - baseline <= REGISTER_QUERIES[code], (many, baseline)
    assert max(many) <= PAGE_QUERY_BUDGET


def sqlite_plan(queryset, statistics):
    """SQLite's plan for `queryset` when its planner has exactly `statistics` (rows of sqlite_stat1;
    none: as before any ANALYZE)."""
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # makes sqlite_stat1, which is then replaced
        cursor.execute("DELETE FROM sqlite_stat1")
        cursor.executemany("INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (%s, %s, %s)", statistics)
        cursor.execute("ANALYZE sqlite_schema")  # the planner reads the statistics again
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        return " / ".join(row[-1] for row in cursor.fetchall())


# SQLite's statistics (sqlite_stat1) of a register of 10,000 partners and 100,000 contributions after
# ANALYZE: with them, and without ContributionQuerySet.public()'s hint, the planner starts from the
# partners and sorts all their contributions.
LARGE_REGISTER_STATISTICS = [
    ("partnerships_contribution", "contribution_live_by_partner", "100000 10 2 2"),
    ("partnerships_contribution", "contribution_live_newest_sqlite", "100000 100000 35 1 1"),
    ("partnerships_contribution", "partnerships_contribution_first_published_at_f5c337f5", "100000 100000"),
    ("partnerships_contribution", "partnerships_contribution_latest_revision_id_c0deb166", "100000 1"),
    ("partnerships_contribution", "partnerships_contribution_live_revision_id_b03c8134", "100000 1"),
    ("partnerships_contribution", "partnerships_contribution_locale_id_4036c86b", "100000 100000"),
    ("partnerships_contribution", "partnerships_contribution_locked_by_id_4a5b7c5b", "100000 100000"),
    ("partnerships_contribution", "partnerships_contribution_partner_id_5c8a8369", "100000 10"),
    ("partnerships_contribution", "partnerships_contribution_slug_a662c152", "100000 1"),
    (
        "partnerships_contribution",
        "partnerships_contribution_translation_key_locale_id_2f8845ca_uniq",
        "100000 1 1",
    ),
    ("partnerships_contribution", "sqlite_autoindex_partnerships_contribution_1", "100000 100000 1"),
    ("partnerships_contribution", "sqlite_autoindex_partnerships_contribution_2", "100000 100000 1"),
    ("partnerships_partner", "partnerships_partner_first_published_at_aa47deca", "10000 10000"),
    ("partnerships_partner", "partnerships_partner_latest_revision_id_c6b9f8cb", "10000 1"),
    ("partnerships_partner", "partnerships_partner_live_revision_id_abde7d6f", "10000 1"),
    ("partnerships_partner", "partnerships_partner_locale_id_c24b2c65", "10000 10000"),
    ("partnerships_partner", "partnerships_partner_locked_by_id_9b115dc7", "10000 10000"),
    ("partnerships_partner", "partnerships_partner_logo_id_599d4422", "10000 10000"),
    ("partnerships_partner", "partnerships_partner_slug_d853dfc8", "10000 1"),
    ("partnerships_partner", "partnerships_partner_translation_key_locale_id_1b28b4e9_uniq", "10000 1 1"),
    ("partnerships_partner", "sqlite_autoindex_partnerships_partner_1", "10000 10000 1"),
    ("partnerships_partnerstanding", "partnerships_partnerstanding_review_id_2afcd71d", "10000 1"),
    ("partnerships_partnerstanding", "sqlite_autoindex_partnerships_partnerstanding_1", "10000 1"),
]


@pytest.mark.skipif(
    connection.vendor != "sqlite", reason="SQLite's planner (PostgreSQL: test_list_query_budget)"
)
def test_a_page_of_the_register_is_read_in_order_from_its_index_on_sqlite():
    """Not by sorting every public contribution (100 ms a page at 100,000): migration 0023's index."""
    rows = register.register_rows(Contribution.objects.public())[: register.PER_PAGE]
    plan = sqlite_plan(rows, LARGE_REGISTER_STATISTICS)
    assert "contribution_live_newest_sqlite" in plan, plan
    assert "TEMP B-TREE" not in plan, plan


@pytest.mark.skipif(
    connection.vendor != "sqlite", reason="SQLite's planner (PostgreSQL: test_list_query_budget)"
)
def test_a_partners_contributions_are_read_from_its_own_rows_on_sqlite_without_statistics():
    """A profile's list: not from 0023's index of every live contribution, which a planner without
    statistics (no ANALYZE yet) would otherwise choose for its order (migration 0026)."""
    plan = sqlite_plan(partner_contributions(public_partner()), statistics=[])
    assert "contribution_live_partner_newest_sqlite" in plan, plan
