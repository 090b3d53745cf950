"""The contribution register: its filters and its rows, from public records only (see
partnerships.figures for the totals and charts above them)."""

from django import forms
from django.db.models import F
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

from partnerships.currencies import currency_name
from partnerships.formatting import format_year
from partnerships.models.choices import ContributionStatus, ContributionType, PartnerType, ProfitSector
from partnerships.models.records import Contribution
from portal.lists import LenientFilterForm
from portal.locales import in_source_language

PER_PAGE = 25


class RegisterFilterForm(LenientFilterForm):
    """The register's filters. Each bad value is dropped on its own; the others still apply."""

    filter_fields = ("type", "year", "status", "sector", "partner_type", "area", "currency")

    type = forms.ChoiceField(label=_("Type of contribution"), required=False)
    year = forms.TypedChoiceField(label=_("Year signed"), required=False, coerce=int, empty_value=None)
    status = forms.ChoiceField(label=_("Status"), required=False)
    sector = forms.ChoiceField(label=_("For-profit or non-profit partner"), required=False)
    partner_type = forms.ChoiceField(label=_("Type of partner"), required=False)
    area = forms.ChoiceField(label=_("Cooperation area"), required=False)
    currency = forms.ChoiceField(label=_("Currency"), required=False)

    def __init__(self, data=None, *, years=(), areas=(), currencies=(), **kwargs):
        kwargs.setdefault("auto_id", "filter-%s")
        super().__init__(data, **kwargs)
        anything = [("", _("Any"))]
        self.fields["type"].choices = anything + list(ContributionType.choices)
        self.fields["year"].choices = anything + [(str(year), format_year(year)) for year in years]
        self.fields["status"].choices = anything + list(ContributionStatus.choices)
        self.fields["sector"].choices = anything + list(ProfitSector.choices)
        self.fields["partner_type"].choices = anything + list(PartnerType.choices)
        self.fields["area"].choices = anything + list(areas)
        self.fields["currency"].choices = anything + [
            (code, f"{code} — {currency_name(code, plural=False)}") for code in currencies
        ]


def filter_contributions(queryset, filters):
    """Narrow a queryset of public contributions by the filters RegisterFilterForm accepted."""
    if "type" in filters:
        queryset = queryset.filter(contribution_type=filters["type"])
    if "year" in filters:
        queryset = queryset.filter(signed_date__year=filters["year"])
    if "status" in filters:
        queryset = queryset.filter(status=filters["status"])
    if "sector" in filters:
        types = (
            PartnerType.for_profit()
            if filters["sector"] == ProfitSector.FOR_PROFIT
            else PartnerType.non_profit()
        )
        queryset = queryset.filter(partner__partner_type__in=types)
    if "partner_type" in filters:
        queryset = queryset.filter(partner__partner_type=filters["partner_type"])
    if "currency" in filters:
        queryset = queryset.filter(currency=filters["currency"])
    if "area" in filters:
        # A subquery rather than a join, so that figures summed over the result count each row once.
        in_area = (
            Contribution.cooperation_areas.through.objects.filter(in_source_language("cooperationarea__"))
            .filter(cooperationarea__slug=filters["area"])
            .values("contribution_id")
        )
        queryset = queryset.filter(pk__in=in_area)
    return queryset


def options_present(queryset=None):
    """The years contributions were signed in (newest first) and the currencies they are valued in:
    the options of the year and currency filters, from one query."""
    queryset = Contribution.objects.public() if queryset is None else queryset
    pairs = (
        queryset.annotate(signed_year=ExtractYear("signed_date"))
        .order_by()
        .values_list("signed_year", "currency")
        .distinct()
    )
    years, currencies = set(), set()
    for year, currency in pairs:
        if year is not None:
            years.add(year)
        if currency:
            currencies.add(currency)
    return sorted(years, reverse=True), sorted(currencies)


def register_rows(queryset):
    """The register's rows in a stable order: newest agreement first, undated ones last."""
    return queryset.select_related("partner").order_by(
        F("signed_date").desc(nulls_last=True), "reference", "pk"
    )
