"""ISO 4217 currencies, with names in the reader's language, from the CLDR data that babel ships."""

from functools import cache

from babel.core import get_global
from babel.numbers import get_currency_name

from django import forms
from django.apps import apps
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext


def _currencies_in_use():
    """Legal tender somewhere today; CLDR also lists historic currencies (DEM, FRF …) that no
    contribution can be made in."""
    codes = set()
    for currencies in get_global("territory_currencies").values():
        codes.update(code for code, _start, end, tender in currencies if end is None and tender)
    return sorted(codes)


ACTIVE_CURRENCIES = _currencies_in_use()


@cache
def _names(language):
    return {code: currency_name(code, language, plural=False) for code in ACTIVE_CURRENCIES}


def currency_choices():
    names = _names(translation.get_language() or "en")
    return [(code, f"{code} — {names[code]}") for code in ACTIVE_CURRENCIES]


def is_currency(code):
    return code in ACTIVE_CURRENCIES


def currency_name(code, language=None, plural=True):
    """The currency's name in the reader's language: "euros", "dólares estadounidenses" (or "Euro")."""
    language = (language or translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return get_currency_name(code, count=2 if plural else None, locale=language)


def codes_in_use():
    """The currencies editors pick nearly every time: those of published contributions (amount or booked
    value), of the exchange rates, and the reporting currency. One query.

    The models are looked up by name: they import this module for their choices."""
    # Unordered: a compound statement takes no ORDER BY in its parts (the models have a default one).
    published = apps.get_model("partnerships", "Contribution").objects.filter(live=True).order_by()
    rates = apps.get_model("partnerships", "ExchangeRate").objects.order_by()
    site_settings = apps.get_model("partnerships", "PartnershipSettings").objects.order_by()
    codes = published.values_list("currency", flat=True).union(
        published.values_list("booked_currency", flat=True),
        rates.values_list("currency", flat=True),
        site_settings.values_list("reporting_currency", flat=True),
    )
    return {code for code in codes if code}


def grouped_currency_choices(choices, in_use):
    """`choices` (a blank first, then every currency) with the currencies in use repeated first, in a
    group of their own: the long list stays whole and in order for those who scan it."""
    blank = [(code, label) for code, label in choices if not code]
    currencies = [(code, label) for code, label in choices if code]
    used = [(code, label) for code, label in currencies if code in in_use]
    if not used:
        return choices
    return blank + [(gettext("Currencies in use"), used), (gettext("All currencies"), currencies)]


class CurrencySelect(forms.Select):
    """The admin's currency lists: what the register already uses first, then every ISO currency.
    Only the rendering is grouped; the field still accepts any currency."""

    def get_context(self, name, value, attrs):
        every_currency = self.choices
        self.choices = grouped_currency_choices(list(every_currency), codes_in_use())
        try:
            return super().get_context(name, value, attrs)
        finally:
            self.choices = every_currency
