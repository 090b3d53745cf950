"""Numbers, money and dates in the reader's language, from CLDR through babel.

Arabic pages use Arabic-Indic digits (the CLDR "arab" numbering system)."""

from decimal import Decimal
from functools import cache

from babel import Locale
from babel.dates import format_date as babel_format_date
from babel.lists import format_list
from babel.numbers import format_currency, format_decimal, format_percent

from django.utils import translation

NUMBERING_SYSTEMS = {"ar": "arab"}
ARABIC_INDIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def _language():
    return (translation.get_language() or "en").split("-")[0]


def _numbering(language):
    return NUMBERING_SYSTEMS.get(language, "latn")


def _digits(text, language):
    """babel's numbering_system gives the Arabic separators (٬ ٫) but keeps the Latin digits."""
    return text.translate(ARABIC_INDIC_DIGITS) if _numbering(language) == "arab" else text


def format_number(value, language=None):
    if value is None:
        return ""
    language = language or _language()
    return _digits(
        format_decimal(
            value, locale=language, numbering_system=_numbering(language), decimal_quantization=False
        ),
        language,
    )


def format_share(value, language=None):
    """A share from 0 to 1 as a whole percentage: 42 %, ٤٢٪؜."""
    if value is None:
        return ""
    language = language or _language()
    numbering = _numbering(language)
    text = format_percent(value, locale=language, numbering_system=numbering)
    # babel keeps the Latin "%" whatever the numbering system; CLDR gives Arabic its own sign.
    sign = Locale.parse(language).number_symbols.get(numbering, {}).get("percentSign", "%")
    return _digits(text.replace("%", sign), language)


def format_names(names, language=None):
    """ "a, b and c" in the reader's language."""
    return format_list([str(name) for name in names], locale=language or _language())


def format_money(amount, currency, language=None):
    """€1,250,000 in English, 1 250 000 € in French; cents only when there are cents."""
    if amount is None or not currency:
        return ""
    language = language or _language()
    amount = Decimal(amount)
    if amount == amount.to_integral_value():
        text = format_currency(
            amount,
            currency,
            format=_whole_currency_pattern(language),
            locale=language,
            currency_digits=False,
            numbering_system=_numbering(language),
        )
    else:
        text = format_currency(amount, currency, locale=language, numbering_system=_numbering(language))
    return _digits(text, language)


@cache
def _whole_currency_pattern(language):
    """The locale's own currency pattern without the minor units, e.g. "¤#,##0" for English."""
    return Locale.parse(language).currency_formats["standard"].pattern.replace("0.00", "0")


def format_date(value, language=None, style="long"):
    if value is None:
        return ""
    language = language or _language()
    text = babel_format_date(value, style, locale=language)
    if _numbering(language) == "arab":
        text = text.translate(ARABIC_INDIC_DIGITS)
    return text


def format_year(year, language=None):
    return _digits(str(year), language or _language())
