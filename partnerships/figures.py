"""The programme's figures, computed from public records only.

Every figure starts from `Contribution.objects.public()` (source-language rows, live, with a public
partner), so drafts and records of partners that left the register can never be counted. Totals are
summed in the database; Python only arranges the few grouped rows for display.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Case, Count, DecimalField, F, Sum, When
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

from partnerships.models.choices import ContributionType, InKindUnit, PartnerType, RelationshipStatus
from partnerships.models.records import Contribution, Partner

# The money figure of a contribution: the amount given, or the estimated value of a gift in kind.
VALUE = Case(
    When(contribution_type__in=ContributionType.financial(), then=F("amount")),
    default=F("estimated_value"),
    output_field=DecimalField(max_digits=18, decimal_places=2),
)
TOTAL = Sum(VALUE, output_field=DecimalField(max_digits=18, decimal_places=2))


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
    if groups is None:
        groups = figure_groups(Contribution.objects.public() if queryset is None else queryset)
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
