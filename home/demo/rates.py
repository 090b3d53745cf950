"""The demo's exchange rates: one a month, from January 2019 to the demo's "today", for every currency
its contributions are valued in, to the default reporting currency (euros).

Invented, like the rest of the demo: each currency moves a few per cent around the rough rate
contributions.RATES gives it, so that converted values differ from month to month as real ones do."""

import datetime
import math
from decimal import Decimal

from partnerships.models import ExchangeRate

from .contributions import DEMO_TODAY, RATES

FIRST_MONTH = datetime.date(2019, 1, 1)
SOURCE = "Demo rates, invented in the manner of the UN operational rates of exchange"


def months():
    month = FIRST_MONTH
    while month <= DEMO_TODAY:
        yield month
        month = (month + datetime.timedelta(days=32)).replace(day=1)


def rate_specs():
    """(currency, month, rate): what one unit of each currency but the euro was worth in euros."""
    for phase, (currency, per_euro) in enumerate(sorted(RATES.items())):
        if currency == "EUR":
            continue
        for index, month in enumerate(months()):
            drift = 1 + 0.04 * math.sin(index / 7 + phase)
            yield currency, month, Decimal(f"{drift / per_euro:.6f}")


def load_rates():
    """Add the rates that are missing; returns how many were added. Saving them in bulk sends no
    signal: the caller converts the contributions once, afterwards (partnerships.reporting)."""
    present = set(ExchangeRate.objects.values_list("currency", "month"))
    missing = [
        ExchangeRate(currency=currency, month=month, rate=rate, source=SOURCE)
        for currency, month, rate in rate_specs()
        if (currency, month) not in present
    ]
    ExchangeRate.objects.bulk_create(missing)
    return len(missing)
