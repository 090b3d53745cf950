"""The demo's figures, checked by hand: the register's and the home page's headline figures equal the
sum of the committed contributions' values in the reporting currency, every currency the demo uses
has its rates, and no contribution is left out for want of one. (How figures are computed is tested
on the bare site, in tests/partnerships/test_figures_reconcile.py.)"""

import datetime
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup

from partnerships.formatting import format_money
from partnerships.models import (
    Contribution,
    ContributionStatus,
    ContributionType,
    ExchangeRate,
    StatusGroup,
    ValueBasis,
)

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "fr", "es", "ar"]


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def in_group(group):
    """The public contributions of a status group, as rows read one by one."""
    return [c for c in Contribution.objects.public() if c.status in ContributionStatus.in_group(group)]


def by_hand(rows):
    return sum((row.reporting_value for row in rows if row.reporting_value is not None), Decimal(0))


def test_every_valued_demo_contribution_has_its_value_in_euros():
    valued = [c for c in Contribution.objects.all() if c.value is not None]
    assert valued
    assert [c.reference for c in valued if c.value_basis == ValueBasis.NO_RATE] == []
    assert all(c.reporting_value is not None and c.reporting_currency == "EUR" for c in valued)
    in_other_currencies = [c for c in valued if c.currency != "EUR"]
    assert {c.value_basis for c in in_other_currencies} == {ValueBasis.EXCHANGE_RATE}
    assert {c.currency for c in in_other_currencies} == set(
        ExchangeRate.objects.values_list("currency", flat=True)
    )


def test_a_converted_value_is_the_amount_at_its_months_rate():
    contribution = next(
        c
        for c in Contribution.objects.public()
        if c.value_basis == ValueBasis.EXCHANGE_RATE and c.signed_date
    )
    rate = ExchangeRate.objects.get(
        currency=contribution.currency, month=contribution.signed_date.replace(day=1)
    ).rate
    assert contribution.reporting_value == (contribution.value * rate).quantize(Decimal("0.01"))


def test_the_registers_headline_is_the_sum_of_the_committed_values_by_hand(client):
    committed, pledged = in_group(StatusGroup.COMMITTED), in_group(StatusGroup.PLEDGED)
    cancelled = in_group(StatusGroup.NOT_COUNTED)
    assert committed and pledged and cancelled
    page = soup(client.get("/en/contributions/"))
    headline = page.select(".figures-headline .stat")
    assert headline[0].select_one(".stat__figure").text == format_money(by_hand(committed), "EUR", "en")
    assert f"{len(committed)} committed contributions" in headline[0].text
    pledged_stat = next(stat for stat in headline if "pledged" in stat.text)
    assert pledged_stat.select_one(".stat__figure").text == format_money(by_hand(pledged), "EUR", "en")
    cancelled_stat = headline[-1]
    assert "cancelled" in cancelled_stat.text
    assert cancelled_stat.select_one(".stat__figure").text == str(len(cancelled))
    total = page.select(".figures-table")[0].select_one("tfoot tr")
    assert [cell.text.strip() for cell in total.select("td")] == [
        str(len(committed)),
        format_money(by_hand(committed), "EUR", "en"),
    ]
    assert page.select(".figures-note__left-out") == []


def test_the_home_headline_is_the_sum_of_the_committed_values_by_hand(client):
    committed = in_group(StatusGroup.COMMITTED)
    this_year = [c for c in committed if c.signed_date and c.signed_date.year == datetime.date.today().year]
    in_kind = [c for c in committed if c.contribution_type in ContributionType.in_kind()]
    home = soup(client.get("/en/")).select_one(".programme-figures")
    all_years, year, _partners, share = [
        stat.select_one(".stat__figure").text for stat in home.select(".stat")
    ][:4]
    assert all_years == format_money(by_hand(committed), "EUR", "en")
    assert year == format_money(by_hand(this_year), "EUR", "en")
    assert share == f"{round(100 * by_hand(in_kind) / by_hand(committed))}%"


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_charts_compare_every_currency_in_euros(client, code):
    page = soup(client.get(f"/{code}/contributions/"))
    for chart in ("by_type", "by_year", "by_area", "by_sector"):
        svg = page.select_one(f"svg#chart-{chart}")
        assert svg is not None, chart
        assert len(svg.select(".chart__bar")) == len(svg.select(".chart__label")) > 1
    # One bar per year signed, oldest agreements included.
    years = {c.signed_date.year for c in in_group(StatusGroup.COMMITTED) if c.signed_date}
    assert len(page.select("svg#chart-by_year .chart__bar")) == len(years)
