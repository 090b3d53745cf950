"""Every contribution's value in one reporting currency, so that any total is one SUM.

The value in the reporting currency is stored on the contribution (`reporting_value`, with
`reporting_currency` and `value_basis` saying how it was obtained) and is always written by the
database, by `recompute()`, from the contribution's own fields and the exchange-rate table:

* the value converted is the value booked in the accounts when there is one (`booked_value` in
  `booked_currency`), else the amount given (funding) or the estimated value (in kind);
* a value already in the reporting currency is taken as it is;
* otherwise it is converted at the rate of the month the agreement was signed, or of its start date
  when it has no signing date; a contribution with neither date (a pledge, usually) is converted at
  the latest rate of its currency;
* when that month has no rate, the value stays empty and `value_basis` says "no rate": the figures
  count such contributions and say how many were left out of their totals.

`recompute()` runs when a contribution is saved, when a rate is added, changed or deleted (only the
contributions that rate converts) and when the reporting currency changes (see partnerships.signals):
one UPDATE each time, however many contributions it touches.
"""

import datetime

from django.db.models import Case, DateField, DecimalField, F, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce, Round, Trunc
from django.db.models.lookups import IsNull

from wagtail.models import Site

from partnerships.models.choices import ContributionType, ValueBasis
from partnerships.models.rates import ExchangeRate
from partnerships.models.site_settings import DEFAULT_REPORTING_CURRENCY, PartnershipSettings

MONEY = DecimalField(max_digits=18, decimal_places=2)
BOOKED = Q(booked_value__isnull=False)
# The fields a contribution's value in the reporting currency is computed from.
INPUT_FIELDS = {
    "contribution_type",
    "amount",
    "estimated_value",
    "currency",
    "booked_value",
    "booked_currency",
    "signed_date",
    "start_date",
}


def reporting_currency():
    """The reporting currency of the default site's partnership settings."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return DEFAULT_REPORTING_CURRENCY
    return PartnershipSettings.for_site(site).reporting_currency or DEFAULT_REPORTING_CURRENCY


def _rate_of(currency_field):
    """The rate that converts the contribution's `currency_field`: its month's, or the latest one."""
    rates = ExchangeRate.objects.filter(currency=OuterRef(currency_field))
    month = Trunc(
        Coalesce(OuterRef("signed_date"), OuterRef("start_date"), output_field=DateField()),
        "month",
        output_field=DateField(),
    )
    undated = Q(signed_date=None, start_date=None)
    return Case(
        When(undated, then=Subquery(rates.order_by("-month").values("rate")[:1])),
        default=Subquery(rates.filter(month=month).values("rate")[:1]),
    )


def rate_used():
    """The exchange rate a contribution's value is converted at (an expression over the contribution;
    empty when its month has no rate)."""
    return Case(When(BOOKED, then=_rate_of("booked_currency")), default=_rate_of("currency"))


def recompute(contributions, currency=None):
    """Write the value in the reporting currency of every contribution of the queryset, in one UPDATE."""
    currency = currency or reporting_currency()
    value = Case(
        When(BOOKED, then=F("booked_value")),
        When(contribution_type__in=ContributionType.financial(), then=F("amount")),
        default=F("estimated_value"),
        output_field=MONEY,
    )
    rate = rate_used()
    nothing_to_convert = IsNull(value, True) | Q(currency="") & ~BOOKED
    in_reporting_currency = Q(booked_currency=currency) & BOOKED | Q(currency=currency) & ~BOOKED
    return contributions.update(
        reporting_currency=currency,
        reporting_value=Case(
            When(nothing_to_convert, then=None),
            When(in_reporting_currency, then=value),
            default=Round(value * rate, 2),
            output_field=MONEY,
        ),
        value_basis=Case(
            When(nothing_to_convert, then=Value("")),
            When(BOOKED & in_reporting_currency, then=Value(ValueBasis.BOOKED)),
            When(in_reporting_currency, then=Value(ValueBasis.SAME_CURRENCY)),
            When(IsNull(rate, True), then=Value(ValueBasis.NO_RATE)),
            When(BOOKED, then=Value(ValueBasis.BOOKED)),
            default=Value(ValueBasis.EXCHANGE_RATE),
        ),
    )


def converted_by(contributions, currency, month):
    """The contributions a rate of `currency` for `month` converts: those valued in that currency and
    dated in that month, and the undated ones (they take the latest rate, which this may be)."""
    month = month.replace(day=1)
    next_month = (month + datetime.timedelta(days=32)).replace(day=1)
    in_month = Q(signed_date__gte=month, signed_date__lt=next_month) | Q(
        signed_date=None, start_date__gte=month, start_date__lt=next_month
    )
    undated = Q(signed_date=None, start_date=None)
    in_currency = Q(currency=currency) & ~BOOKED | Q(booked_currency=currency) & BOOKED
    return contributions.filter(in_currency & (in_month | undated))
