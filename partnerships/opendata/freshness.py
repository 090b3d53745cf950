"""How fresh the open data is: when it last changed, and a token that changes whenever it does, read
with one aggregate query so that a conditional request (304 Not Modified) costs almost nothing.

The token is built from what the public sees: the number and the latest publication of the public
records and of their live translations in the language asked for, the latest due-diligence result a
public partner shows, the sum of the values in the reporting currency (which every change of rate or
of reporting currency moves), and the exchange-rate table. Unpublishing moves none of the
publication dates, so the count and Wagtail's log of unpublishing and deleting records (a public
fact: the record leaves the site) are part of it too, and of `last_modified`.

What it does not see: a cooperation area renamed or a country's name changed by a library upgrade;
the files that show them (cooperation-areas.csv) take their token from their own content."""

import datetime
import hashlib
from dataclasses import dataclass

from django.db.models import Count, IntegerField, Max, Subquery, Sum, Value

from wagtail.models import Locale, ModelLogEntry

from partnerships.models.rates import ExchangeRate
from partnerships.models.records import Contribution, Partner
from portal.locales import active_locale, is_source_language

PARTNERS = "partners"
CONTRIBUTIONS = "contributions"
RATES = "rates"
# What each part also depends on: a contribution's row names its partner, and its value the rate.
DEPENDS = {PARTNERS: (PARTNERS,), CONTRIBUTIONS: (PARTNERS, CONTRIBUTIONS, RATES), RATES: (RATES,)}
LEFT_THE_SITE = ("wagtail.unpublish", "wagtail.delete")


@dataclass(frozen=True)
class Version:
    last_modified: datetime.datetime | None  # the latest publication (or record leaving the site)
    token: str  # changes whenever the public data of these parts changes

    def etag(self, *extra):
        """A strong ETag for one representation of the data: the token with what shapes the file
        (its format, language and query string)."""
        digest = hashlib.sha256("\n".join([self.token, *map(str, extra)]).encode()).hexdigest()
        return f'"{digest[:32]}"'


def _scalar(queryset, aggregate):
    """`aggregate` over the whole of `queryset`, as a subquery giving one value."""
    grouped = queryset.order_by().annotate(_all=Value(1, output_field=IntegerField())).values("_all")
    return Subquery(grouped.annotate(result=aggregate).values("result")[:1])


def _record_measures(model, prefix, locale):
    public = model.objects.public()
    measures = {
        f"{prefix}_count": _scalar(public, Count("pk")),
        f"{prefix}_published": _scalar(public, Max("last_published_at")),
    }
    if model is Partner:
        # A new decided review is the newest row of its table: the highest current review id moves.
        measures[f"{prefix}_review"] = _scalar(public, Max("current_review_id"))
    if model is Contribution:
        measures[f"{prefix}_value"] = _scalar(public, Sum("reporting_value"))
        measures[f"{prefix}_currency"] = _scalar(public, Max("reporting_currency"))
    if not is_source_language(locale.language_code):
        translations = model.objects.filter(
            locale=locale, live=True, translation_key__in=public.values("translation_key")
        )
        measures[f"{prefix}_translations"] = _scalar(translations, Count("pk"))
        measures[f"{prefix}_translated"] = _scalar(translations, Max("last_published_at"))
    return measures


def _left_the_site():
    """The latest time a partner or contribution was unpublished or deleted (Wagtail's log)."""
    entries = ModelLogEntry.objects.filter(
        content_type__app_label="partnerships",
        content_type__model__in=["partner", "contribution"],
        action__in=LEFT_THE_SITE,
    )
    return _scalar(entries, Max("timestamp"))


def data_version(parts, locale=None):
    """The Version of the public data of `parts` (PARTNERS, CONTRIBUTIONS, RATES), in `locale` (the
    active language's by default), read with one query."""
    locale = locale or active_locale()
    wanted = sorted({part for name in parts for part in DEPENDS[name]})
    measures = {}
    if PARTNERS in wanted:
        measures |= _record_measures(Partner, "partners", locale)
    if CONTRIBUTIONS in wanted:
        measures |= _record_measures(Contribution, "contributions", locale)
    if PARTNERS in wanted or CONTRIBUTIONS in wanted:
        measures["left_the_site"] = _left_the_site()
    if RATES in wanted:
        rates = ExchangeRate.objects.all()
        measures |= {
            "rates_count": _scalar(rates, Count("pk")),
            "rates_newest": _scalar(rates, Max("pk")),
            "rates_sum": _scalar(rates, Sum("rate")),
        }
    # One row to hang the subqueries on: the locale itself.
    values = Locale.objects.filter(pk=locale.pk).annotate(**measures).values(*measures).first() or {}
    moments = [
        value
        for name, value in values.items()
        if name.endswith(("_published", "_translated", "left_the_site")) and value
    ]
    token = ";".join(f"{name}={values.get(name)}" for name in sorted(measures))
    return Version(last_modified=max(moments, default=None), token=f"{','.join(wanted)}|{token}")
