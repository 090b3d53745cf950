"""Random public contributions in several currencies, statuses, types and dates, some booked, and
the exchange rates that convert most of them: for the tests that check figures add up."""

import datetime
from decimal import Decimal

from partnerships.models import (
    ContributionStatus,
    ContributionType,
    EndReason,
    ExchangeRate,
    InKindUnit,
    ValuationMethod,
)
from tests.factories import ContributionFactory

CURRENCIES = ["EUR", "USD", "GBP", "JPY"]
# Rates with few decimals and amounts in hundreds: every product is exact to the cent, so the values
# expected here are exact whatever the database's arithmetic.
RATES = {"USD": ["0.91", "0.87", "0.95"], "GBP": ["1.17", "1.2"], "JPY": ["0.0061", "0.0064"]}
MONTHS = [datetime.date(2023, month, 1) for month in (1, 4, 7, 10)] + [datetime.date(2024, 2, 1)]


def generate(rng, partners, count):
    """`count` public contributions in random currencies, statuses, types and dates, some booked."""
    made = []
    for number in range(count):
        status = rng.choice(ContributionStatus.values)
        in_kind = rng.random() < 0.4
        valued = not in_kind or rng.random() < 0.75
        month = rng.choice(MONTHS)
        day = month + datetime.timedelta(days=rng.randint(0, 27))
        dated = rng.random()
        fields = {
            "partner": rng.choice(partners),
            "reference": f"GEN-{rng.getrandbits(32):08x}-{number}",
            "live": True,
            "status": status,
            "end_reason": EndReason.OTHER if status in ContributionStatus.ended_without_completion() else "",
            "currency": rng.choice(CURRENCIES),
            "signed_date": day if dated < 0.6 else None,
            "start_date": day if 0.6 <= dated < 0.85 else None,  # the rest are undated
        }
        value = Decimal(rng.randint(1, 5000) * 100)
        if in_kind:
            fields.update(
                contribution_type=rng.choice(ContributionType.in_kind()),
                amount=None,
                quantity=Decimal(rng.randint(1, 40)),
                unit=rng.choice(InKindUnit.values),
                estimated_value=value if valued else None,
                valuation_method=ValuationMethod.MARKET_FAIR_VALUE if valued else ValuationMethod.NOT_VALUED,
            )
        else:
            fields.update(contribution_type=rng.choice(ContributionType.financial()), amount=value)
        if valued and rng.random() < 0.1:
            fields.update(
                booked_value=Decimal(rng.randint(1, 5000) * 100), booked_currency=rng.choice(CURRENCIES)
            )
        made.append(ContributionFactory(**fields))
    return made


def add_rates(rng):
    """Rates for most currency-months; some months are left without one on purpose."""
    rates = {}
    for currency, choices in RATES.items():
        for month in MONTHS:
            if rng.random() < 0.75:
                rates[currency, month] = Decimal(rng.choice(choices))
                ExchangeRate.objects.create(
                    currency=currency, month=month, rate=rates[currency, month], source="Test"
                )
    return rates
