"""ISO 4217 currencies, with names in the reader's language, from the CLDR data that babel ships."""

from functools import cache

from babel.core import get_global
from babel.numbers import get_currency_name

from django.conf import settings
from django.utils import translation


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
