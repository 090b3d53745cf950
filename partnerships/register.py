"""The contribution register and the figures built from it, computed from public records only.

Every list and figure starts from `Contribution.objects.public()` (source-language rows, live, with a
public partner), so drafts and records of partners that left the register can never be counted. Totals
are summed in the database; Python only arranges the few grouped rows for display.
"""

import contextlib
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django import forms
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import Case, Count, DecimalField, F, Q, Sum, When
from django.db.models.functions import ExtractYear
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page, Site

from home.locales import active_locale
from partnerships.formatting import format_year
from partnerships.localize import localized_areas
from partnerships.models import (
    Contribution,
    ContributionIndexPage,
    ContributionStatus,
    ContributionType,
    InKindUnit,
    Partner,
    PartnerIndexPage,
    PartnerType,
    ProfitSector,
    RelationshipStatus,
)

PER_PAGE = 25

# The money figure of a contribution: the amount given, or the estimated value of a gift in kind.
VALUE = Case(
    When(contribution_type__in=ContributionType.financial(), then=F("amount")),
    default=F("estimated_value"),
    output_field=DecimalField(max_digits=18, decimal_places=2),
)
TOTAL = Sum(VALUE, output_field=DecimalField(max_digits=18, decimal_places=2))


# Filters ----------------------------------------------------------------------------------------


def area_choices(locale=None):
    """[(slug, name in the reader's language)] for the source-language areas, sorted for the reader."""
    return [(area.slug, area.name) for area in localized_areas(locale=locale)]


class RegisterFilterForm(forms.Form):
    """The register's filters. Each bad value is dropped on its own; the others still apply."""

    type = forms.ChoiceField(label=_("Type of contribution"), required=False)
    year = forms.TypedChoiceField(label=_("Year signed"), required=False, coerce=int, empty_value=None)
    status = forms.ChoiceField(label=_("Status"), required=False)
    sector = forms.ChoiceField(label=_("For-profit or non-profit partner"), required=False)
    partner_type = forms.ChoiceField(label=_("Type of partner"), required=False)
    area = forms.ChoiceField(label=_("Cooperation area"), required=False)
    currency = forms.ChoiceField(label=_("Currency"), required=False)

    def __init__(self, data=None, *, years=(), areas=(), currencies=(), **kwargs):
        kwargs.setdefault("label_suffix", "")
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

    def valid_filters(self):
        """{field: value} for the values that passed, leaving out the ones that did not."""
        self.is_valid()
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if name not in self.errors and value not in (None, "")
        }

    def accepted_form(self, filters):
        """The same form bound to the accepted values only, with the same options (no new queries)."""
        form = type(self)({name: str(value) for name, value in filters.items()})
        for name, form_field in self.fields.items():
            form.fields[name].choices = form_field.choices
        return form

    def rejected_fields(self):
        self.is_valid()
        return [self.fields[name].label for name in self.fields if name in self.errors]


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
        in_area = Contribution.cooperation_areas.through.objects.filter(
            cooperationarea__slug=filters["area"],
            cooperationarea__locale__language_code=settings.LANGUAGE_CODE,
        ).values("contribution_id")
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


# Figures ----------------------------------------------------------------------------------------


@dataclass
class FigureRow:
    """One line of a figures table: a label, how many contributions, and their value per currency."""

    key: object
    label: str
    count: int = 0
    totals: dict = field(default_factory=dict)
    valued: dict = field(default_factory=dict)  # how many contributions each total adds up

    @property
    def money(self):
        """[(currency, total)] in a stable order."""
        return sorted(self.totals.items())

    @property
    def money_by_use(self):
        """[(currency, total)], the currency most contributions are valued in first."""
        return sorted(self.totals.items(), key=lambda item: (-self.valued[item[0]], item[0]))

    def add(self, count, currency, total):
        self.count += count
        if currency and total is not None:
            self.totals[currency] = self.totals.get(currency, Decimal("0")) + total
            self.valued[currency] = self.valued.get(currency, 0) + count


@dataclass
class UnitRow:
    unit: str
    label: str
    count: int
    quantity: Decimal


@dataclass
class Figures:
    by_type: list
    by_year: list
    by_unit: list
    total: FigureRow
    main_currency: str | None

    @property
    def is_empty(self):
        return self.total.count == 0


def _main_currency(groups):
    """The currency most valued contributions are in: the one the charts draw."""
    counts = defaultdict(int)
    for group in groups:
        if group["currency"] and group["total"] is not None:
            counts[group["currency"]] += group["count"]
    if not counts:
        return None
    return min(counts.items(), key=lambda item: (-item[1], item[0]))[0]


def figure_groups(queryset):
    """Count, value and quantity of `queryset` grouped by type, year signed, currency and unit.

    One GROUP BY query whatever the number of contributions; it returns at most a few hundred small
    rows (types × years × currencies × units), from which every table and chart of the register is
    assembled."""
    return list(
        queryset.order_by()
        .annotate(signed_year=ExtractYear("signed_date"))
        .values("contribution_type", "signed_year", "currency", "unit")
        .annotate(count=Count("pk"), total=TOTAL, quantity=Sum("quantity"))
    )


def compute_figures(queryset=None, groups=None):
    """Totals by type and by year signed per currency, and gifts in kind by unit."""
    groups = figure_groups(queryset) if groups is None else groups
    by_type = {code: FigureRow(code, label) for code, label in ContributionType.choices}
    by_year = {}
    by_unit = {}
    total = FigureRow("total", _("All contributions"))
    in_kind = set(ContributionType.in_kind())
    for group in groups:
        count, currency, value = group["count"], group["currency"], group["total"]
        total.add(count, currency, value)
        kind = group["contribution_type"]
        by_type.setdefault(kind, FigureRow(kind, kind)).add(count, currency, value)
        year = group["signed_year"]
        if year not in by_year:
            by_year[year] = FigureRow(year, _("Date not given") if year is None else year)
        by_year[year].add(count, currency, value)
        if group["contribution_type"] in in_kind:
            unit = by_unit.setdefault(group["unit"], [0, None])
            unit[0] += count
            if group["quantity"] is not None:
                unit[1] = (unit[1] or Decimal("0")) + group["quantity"]

    years = sorted((year for year in by_year if year is not None), reverse=True)
    if None in by_year:
        years.append(None)
    unit_labels = dict(InKindUnit.choices)
    return Figures(
        by_type=[row for row in by_type.values() if row.count],
        by_year=[by_year[year] for year in years],
        by_unit=sorted(
            (
                UnitRow(unit, unit_labels.get(unit, unit), count, quantity)
                for unit, (count, quantity) in by_unit.items()
            ),
            key=lambda row: (-row.count, str(row.label)),
        ),
        total=total,
        main_currency=_main_currency(groups),
    )


def active_partner_counts():
    """Public partners whose relationship is active, by partner type: one grouped query."""
    rows = (
        Partner.objects.filter(
            pk__in=Partner.objects.public().values("pk"), relationship_status=RelationshipStatus.ACTIVE
        )
        .order_by()
        .values("partner_type")
        .annotate(count=Count("pk"))
    )
    counts = {row["partner_type"]: row["count"] for row in rows}
    by_type = [(label, counts[code]) for code, label in PartnerType.choices if counts.get(code)]
    for_profit = sum(counts.get(code, 0) for code in PartnerType.for_profit())
    non_profit = sum(counts.get(code, 0) for code in PartnerType.non_profit())
    return {
        "by_type": by_type,
        "total": for_profit + non_profit,
        "for_profit": for_profit,
        "non_profit": non_profit,
    }


def currency_name(code, language=None, plural=True):
    """The currency's name in the reader's language: "euros", "dólares estadounidenses" (or "Euro")."""
    from babel.numbers import get_currency_name

    language = (language or translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return get_currency_name(code, count=2 if plural else None, locale=language)


# Links -------------------------------------------------------------------------------------------


@dataclass
class RecordLinks:
    """Where the directory and the register live in the reader's language (or in English, failing that)."""

    directory: str | None = None
    register: str | None = None


def reader_locale(request=None):
    """The Locale of the reader's language, remembered for the rest of the request."""
    language = translation.get_language()
    cached = getattr(request, "_portal_reader_locale", None)
    if cached is not None and cached.language_code == language:
        return cached
    locale = active_locale()
    if request is not None:
        request._portal_reader_locale = locale
    return locale


RECORD_LINKS_VERSION_KEY = "record-links-version"
# Signals forget the addresses in the cache of the process that made the change; with a cache per
# process (no REDIS_URL) the other workers would keep the old ones, so they expire after this anyway.
RECORD_LINKS_CACHE_SECONDS = 300


def record_links(request=None, locale=None):
    """The directory's and the register's addresses. Kept in the cache (they move only when a page is
    published, unpublished, moved or deleted, or a site changes, which forgets them) and for the rest of
    the request."""
    cached = getattr(request, "_portal_record_links", None)
    language = translation.get_language()
    if cached is not None and cached[0] == language:
        return cached[1]
    active = locale or reader_locale(request)
    site = Site.find_for_request(request) if request is not None else None
    version = cache.get_or_set(RECORD_LINKS_VERSION_KEY, 1, timeout=None)
    key = f"record-links:{version}:{site.pk if site else '-'}:{active.pk}"
    links = cache.get(key)
    if links is None:
        links = _find_record_links(request, active)
        cache.set(key, links, timeout=RECORD_LINKS_CACHE_SECONDS)
    if request is not None:
        request._portal_record_links = (language, links)
    return links


def _find_record_links(request, active):
    pages = (
        Page.objects.live()
        .type(PartnerIndexPage, ContributionIndexPage)
        .filter(Q(locale=active) | Q(locale__language_code=settings.LANGUAGE_CODE))
    )
    directory_type = ContentType.objects.get_for_model(PartnerIndexPage).pk
    found = {}
    # The reader's language wins over the English fallback.
    for page in sorted(pages, key=lambda page: page.locale_id != active.pk):
        kind = "directory" if page.content_type_id == directory_type else "register"
        found.setdefault(kind, page.get_url(request))
    return RecordLinks(**found)


def forget_record_links():
    with contextlib.suppress(ValueError):  # nothing cached yet: nothing to forget
        cache.incr(RECORD_LINKS_VERSION_KEY)
