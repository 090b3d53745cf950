"""Figures reconcile with the rows they sum: over generated records in several currencies, statuses and
dates, every figure equals the sum of its rows' values in the reporting currency, by status group.
Also: cancelled contributions never count, a missing rate is reported and not summed, rates are
validated, a booked value needs its currency, and values follow the rates when they change."""

import datetime
import random
from decimal import Decimal

import pytest

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation

from wagtail.models import Site

from partnerships import figures
from partnerships.models import (
    Contribution,
    ContributionStatus,
    ContributionType,
    EndReason,
    ExchangeRate,
    PartnershipSettings,
    PartnerType,
    ProfitSector,
    StatusGroup,
    ValueBasis,
)
from tests.factories import ContributionFactory, login, make_user, public_partner, translate
from tests.figures_helpers import add_rates, generate

pytestmark = pytest.mark.django_db


def expected_value(contribution, rates):
    """The value in euros worked out by hand from the rule (partnerships.reporting), or None; and
    whether it is missing for want of a rate."""
    booked = contribution.booked_value is not None
    value = contribution.booked_value if booked else contribution.value
    currency = contribution.booked_currency if booked else contribution.currency
    if value is None:
        return None, False
    if currency == "EUR":
        return value, False
    day = contribution.signed_date or contribution.start_date
    if day is None:
        months = [month for (code, month) in rates if code == currency]
        rate = rates[currency, max(months)] if months else None
    else:
        rate = rates.get((currency, day.replace(day=1)))
    if rate is None:
        return None, True
    return (value * rate).quantize(Decimal("0.01")), False


@pytest.mark.parametrize("seed", [1, 7, 42, 2024, 31337])
def test_figures_equal_the_sum_of_their_rows_by_status_group(seed):
    rng = random.Random(seed)
    partners = [
        public_partner(partner_type=PartnerType.FOR_PROFIT_COMPANY),
        public_partner(partner_type=PartnerType.NGO_NONPROFIT),
    ]
    # Some contributions are saved before their rates exist, the others after: both ways must agree.
    made = generate(rng, partners, 25)
    rates = add_rates(rng)
    made += generate(rng, partners, 25)

    rows = {group: [] for group in StatusGroup}
    for contribution in Contribution.objects.filter(pk__in=[c.pk for c in made]).select_related("partner"):
        value, missing = expected_value(contribution, rates)
        assert contribution.reporting_value == value, contribution.reference
        assert (contribution.value_basis == ValueBasis.NO_RATE) is missing, contribution.reference
        group = next(
            group for group in StatusGroup if contribution.status in ContributionStatus.in_group(group)
        )
        rows[group].append((contribution, value, missing))

    with translation.override("en"):
        result = figures.compute_figures(Contribution.objects.public())

    def total(entries):
        return sum((value for _c, value, _m in entries if value is not None), Decimal(0))

    committed = rows[StatusGroup.COMMITTED]
    assert result.currency == "EUR"
    assert result.count == len(made)
    assert result.committed.count == len(committed)
    assert result.committed.value == total(committed)
    assert result.pledged.count == len(rows[StatusGroup.PLEDGED])
    assert result.pledged.value == total(rows[StatusGroup.PLEDGED])
    assert result.not_counted.count == len(rows[StatusGroup.NOT_COUNTED])
    missing = sum(m for group in (StatusGroup.COMMITTED, StatusGroup.PLEDGED) for _c, _v, m in rows[group])
    assert result.without_rate == missing

    # Every breakdown adds up to the committed total, row by row.
    for breakdown in (result.by_type, result.by_year, result.by_sector):
        assert sum(row.value for row in breakdown) == result.committed.value
        assert sum(row.count for row in breakdown) == result.committed.count
        assert sum(row.without_rate for row in breakdown) == result.committed.without_rate
    for row in result.by_type:
        assert row.value == total([entry for entry in committed if entry[0].contribution_type == row.key])
    for row in result.by_sector:
        for_profit = row.key == ProfitSector.FOR_PROFIT
        assert row.value == total(
            [
                e
                for e in committed
                if (e[0].partner.partner_type == PartnerType.FOR_PROFIT_COMPANY) is for_profit
            ]
        )
    in_kind = [entry for entry in committed if entry[0].contribution_type in ContributionType.in_kind()]
    assert result.committed_in_kind.value == total(in_kind)
    assert sum(row.value for row in result.by_unit) == total(in_kind)


def test_cancelled_contributions_never_count():
    partner = public_partner()
    ContributionFactory(partner=partner, live=True, amount=Decimal("1000"))
    before = figures.compute_figures(Contribution.objects.public())
    ContributionFactory(
        partner=partner,
        live=True,
        amount=Decimal("99999"),
        status=ContributionStatus.CANCELLED,
        end_reason=EndReason.PARTNER_WITHDREW,
    )
    after = figures.compute_figures(Contribution.objects.public())
    assert after.committed.value == before.committed.value == Decimal("1000")
    assert after.pledged.value == Decimal("0")
    assert [row.value for row in after.by_type] == [Decimal("1000")]
    assert after.not_counted.count == 1 and after.count == 2


def test_a_missing_rate_is_reported_not_summed():
    partner = public_partner()
    ContributionFactory(partner=partner, live=True, amount=Decimal("1000"))
    dollars = ContributionFactory(partner=partner, live=True, amount=Decimal("500"), currency="USD")
    assert dollars.value_basis == ValueBasis.NO_RATE and dollars.reporting_value is None
    result = figures.compute_figures(Contribution.objects.public())
    assert result.committed.value == Decimal("1000")
    assert result.committed.count == 2
    assert result.without_rate == 1
    assert result.by_type[0].without_rate == 1


# Recomputation -----------------------------------------------------------------------------------


def test_values_follow_a_rate_that_is_added_changed_moved_or_deleted():
    march = ContributionFactory(amount=Decimal("1000"), currency="USD", signed_date=datetime.date(2025, 3, 9))
    april = ContributionFactory(amount=Decimal("1000"), currency="USD", signed_date=datetime.date(2025, 4, 2))
    pounds = ContributionFactory(
        amount=Decimal("1000"), currency="GBP", signed_date=datetime.date(2025, 3, 9)
    )
    french = translate(march, "fr", title="Contribution en dollars")

    def values():
        return [
            Contribution.objects.get(pk=record.pk).reporting_value
            for record in (march, april, pounds, french)
        ]

    assert values() == [None, None, None, None]
    rate = ExchangeRate.objects.create(
        currency="USD", month=datetime.date(2025, 3, 17), rate="0.9", source="UN"
    )
    assert rate.month == datetime.date(2025, 3, 1)
    assert values() == [Decimal("900.00"), None, None, Decimal("900.00")]  # the translation too
    rate.rate = Decimal("0.8")
    rate.save()
    assert values() == [Decimal("800.00"), None, None, Decimal("800.00")]
    rate.month = datetime.date(2025, 4, 1)
    rate.save()
    assert values() == [None, Decimal("800.00"), None, None]
    assert Contribution.objects.get(pk=march.pk).value_basis == ValueBasis.NO_RATE
    rate.delete()
    assert values() == [None, None, None, None]


def test_undated_contributions_take_the_latest_rate():
    pledge = ContributionFactory(
        amount=Decimal("1000"),
        currency="USD",
        status=ContributionStatus.PLEDGED,
        signed_date=None,
        start_date=None,
    )
    ExchangeRate.objects.create(currency="USD", month=datetime.date(2024, 1, 1), rate="0.5", source="UN")
    ExchangeRate.objects.create(currency="USD", month=datetime.date(2025, 6, 1), rate="0.9", source="UN")
    ExchangeRate.objects.create(currency="USD", month=datetime.date(2025, 1, 1), rate="0.7", source="UN")
    pledge.refresh_from_db()
    assert pledge.reporting_value == Decimal("900.00")
    assert pledge.value_basis == ValueBasis.EXCHANGE_RATE


def test_a_booked_value_replaces_the_conversion():
    booked = ContributionFactory(
        amount=Decimal("1000"), currency="USD", booked_value=Decimal("876.54"), booked_currency="EUR"
    )
    assert (booked.reporting_value, booked.value_basis) == (Decimal("876.54"), ValueBasis.BOOKED)
    ExchangeRate.objects.create(currency="USD", month=datetime.date(2025, 3, 1), rate="0.9", source="UN")
    booked.refresh_from_db()
    assert booked.reporting_value == Decimal("876.54")


def test_changing_the_reporting_currency_converts_every_contribution_again():
    euros = ContributionFactory(amount=Decimal("1000"), currency="EUR")
    dollars = ContributionFactory(amount=Decimal("500"), currency="USD")
    settings = PartnershipSettings.for_site(Site.objects.get(is_default_site=True))
    settings.reporting_currency = "USD"
    settings.save()
    euros.refresh_from_db()
    dollars.refresh_from_db()
    assert (euros.reporting_currency, euros.value_basis, euros.reporting_value) == (
        "USD",
        ValueBasis.NO_RATE,
        None,
    )
    assert (dollars.reporting_currency, dollars.value_basis) == ("USD", ValueBasis.SAME_CURRENCY)
    assert dollars.reporting_value == Decimal("500")


# Validation --------------------------------------------------------------------------------------


@pytest.mark.parametrize("rate", ["0", "-1.5"])
def test_a_rate_of_zero_or_below_is_refused(rate):
    with pytest.raises(ValidationError) as refused:
        ExchangeRate(
            currency="USD", month=datetime.date(2025, 1, 1), rate=Decimal(rate), source="UN"
        ).full_clean()
    assert refused.value.message_dict["rate"] == ["An exchange rate must be greater than zero."]
    with pytest.raises(IntegrityError), transaction.atomic():
        ExchangeRate.objects.create(
            currency="USD", month=datetime.date(2025, 1, 1), rate=Decimal(rate), source="UN"
        )


def test_a_second_rate_for_the_same_currency_and_month_is_refused():
    ExchangeRate.objects.create(currency="USD", month=datetime.date(2025, 1, 1), rate="0.9", source="UN")
    duplicate = ExchangeRate(currency="USD", month=datetime.date(2025, 1, 20), rate="0.8", source="ECB")
    with pytest.raises(ValidationError) as refused:
        duplicate.full_clean()
    with translation.override("fr"):  # the message is translated where it is read
        assert refused.value.message_dict["month"] == [
            "Il existe déjà un taux pour cette devise et ce mois : modifiez plutôt celui-ci."
        ]
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()


def test_a_booked_value_needs_its_currency():
    contribution = ContributionFactory.build(partner=public_partner(), booked_value=Decimal("100"))
    with pytest.raises(ValidationError) as refused:
        contribution.full_clean()
    assert refused.value.message_dict["booked_currency"] == ["Give the currency the value was booked in."]
    contribution.booked_currency = "EUR"
    contribution.full_clean()


def test_reviewers_keep_the_rates_in_the_admin(client):
    login(client, make_user("rates-reviewer", "Transparency reviewers"))
    url = reverse("wagtailsnippets_partnerships_exchangerate:add")
    fields = {"currency": "USD", "month": "2025-01-01", "source": "UN operational rates of exchange"}
    refused = client.post(url, {**fields, "rate": "0"})
    assert refused.status_code == 200
    assert "An exchange rate must be greater than zero." in refused.content.decode()
    assert client.post(url, {**fields, "rate": "0.9"}).status_code == 302
    assert ExchangeRate.objects.get().rate == Decimal("0.9")
    listing = client.get(reverse("wagtailsnippets_partnerships_exchangerate:list"))
    assert "UN operational rates of exchange" in listing.content.decode()
