"""The programme's figures, computed from public records only, in the reporting currency.

Every figure starts from `Contribution.objects.public()` (source-language rows, live, with a public
partner), so drafts and records of partners that left the register can never be counted. What a
figure counts is its status group (StatusGroup): totals, charts and tables are of **committed**
contributions; **pledged** ones are given beside them, apart; **cancelled** ones are never counted
(the register still lists them, with their status).

Money is summed over `reporting_value`, each contribution's value in the reporting currency
(partnerships.reporting), so a total is one SUM whatever currencies the contributions are in. A
contribution whose month has no exchange rate is counted and left out of the totals; the figures say
how many were left out, and the contribution itself says so wherever it is listed. Python only arranges the few grouped rows for display.
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Case, CharField, Count, DecimalField, Q, Sum, Value, When
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

from partnerships.formatting import format_year
from partnerships.models.choices import (
    ContributionStatus,
    ContributionType,
    InKindUnit,
    PartnerType,
    ProfitSector,
    RelationshipStatus,
    StatusGroup,
    ValueBasis,
)
from partnerships.models.records import Contribution, Partner

MONEY = DecimalField(max_digits=18, decimal_places=2)
STATUS_GROUP = Case(
    *(When(status__in=ContributionStatus.in_group(group), then=Value(group)) for group in StatusGroup),
    output_field=CharField(),
)
SECTOR = Case(
    When(partner__partner_type__in=PartnerType.for_profit(), then=Value(ProfitSector.FOR_PROFIT)),
    default=Value(ProfitSector.NON_PROFIT),
    output_field=CharField(),
)
NO_RATE = Q(value_basis=ValueBasis.NO_RATE)


@dataclass
class FigureRow:
    """One line of a figures table: how many contributions, the sum of their values in the reporting
    currency, and how many of them were left out of that sum for want of an exchange rate."""

    key: object
    label: str
    count: int = 0
    value: Decimal = Decimal("0")
    without_rate: int = 0
    quantity: Decimal | None = None  # gifts in kind by unit only

    def add(self, group):
        self.count += group["count"]
        self.value += group["value"] or Decimal("0")
        self.without_rate += group["without_rate"]
        if group.get("quantity") is not None:
            self.quantity = (self.quantity or Decimal("0")) + group["quantity"]


@dataclass
class Figures:
    currency: str | None  # the reporting currency the values are in
    count: int  # every contribution counted, whatever its status: what the register lists
    committed: FigureRow
    pledged: FigureRow
    not_counted: FigureRow
    committed_in_kind: FigureRow
    by_type: list
    by_year: list
    by_sector: list
    by_unit: list
    by_area: list = field(default_factory=list)
    this_year: FigureRow | None = None

    @property
    def is_empty(self):
        return self.count == 0

    @property
    def without_rate(self):
        """Committed and pledged contributions left out of the totals for want of an exchange rate."""
        return self.committed.without_rate + self.pledged.without_rate

    @property
    def in_kind_share(self):
        """The share of the committed value given in kind, from 0 to 1 (None when nothing is valued)."""
        if not self.committed.value:
            return None
        return self.committed_in_kind.value / self.committed.value


def figure_groups(queryset):
    """Count, value in the reporting currency and quantity of `queryset`, grouped by status group,
    type, year signed, partner sector, unit and reporting currency.

    One GROUP BY query whatever the number of contributions; it returns at most a few hundred small
    rows, from which every total, table and chart but the areas' is assembled."""
    return list(
        queryset.order_by()
        .annotate(signed_year=ExtractYear("signed_date"), status_group=STATUS_GROUP, sector=SECTOR)
        .values("status_group", "contribution_type", "signed_year", "sector", "unit", "reporting_currency")
        .annotate(
            count=Count("pk"),
            value=Sum("reporting_value", output_field=MONEY),
            without_rate=Count("pk", filter=NO_RATE),
            quantity=Sum("quantity"),
        )
    )


def figure_groups_of(contributions, partner_type):
    """figure_groups() of one partner's contributions already read (a profile lists them all), counted
    here rather than by one more query: the same rows, whatever order they come in."""
    sector = ProfitSector.FOR_PROFIT if partner_type in PartnerType.for_profit() else ProfitSector.NON_PROFIT
    group_of = {status: group for group in StatusGroup for status in ContributionStatus.in_group(group)}
    groups = {}
    for contribution in contributions:
        signed = contribution.signed_date.year if contribution.signed_date else None
        key = (
            group_of[contribution.status],
            contribution.contribution_type,
            signed,
            sector,
            contribution.unit,
            contribution.reporting_currency,
        )
        row = groups.setdefault(
            key,
            dict(
                zip(
                    (
                        "status_group",
                        "contribution_type",
                        "signed_year",
                        "sector",
                        "unit",
                        "reporting_currency",
                    ),
                    key,
                    strict=True,
                ),
                count=0,
                value=None,
                without_rate=0,
                quantity=None,
            ),
        )
        row["count"] += 1
        row["without_rate"] += contribution.value_basis == ValueBasis.NO_RATE
        if contribution.reporting_value is not None:
            row["value"] = (row["value"] or Decimal("0")) + contribution.reporting_value
        if contribution.quantity is not None:
            row["quantity"] = (row["quantity"] or Decimal("0")) + contribution.quantity
    return list(groups.values())


def area_groups(queryset):
    """Committed contributions by cooperation area (slug; None for those in no area): one query.
    A contribution in two areas counts in each."""
    return list(
        queryset.in_status_group(StatusGroup.COMMITTED)
        .order_by()
        .values("cooperation_areas__slug")
        .annotate(
            count=Count("pk"),
            value=Sum("reporting_value", output_field=MONEY),
            without_rate=Count("pk", filter=NO_RATE),
        )
    )


def _reporting_currency(groups):
    """The currency the values are in. Every row is converted into the same one (a change of
    reporting currency converts them all at once), so the first valued group says which."""
    currencies = Counter(group["reporting_currency"] for group in groups if group["reporting_currency"])
    return currencies.most_common(1)[0][0] if currencies else None


def compute_figures(queryset=None, groups=None, areas=None, today=None, area_rows=None):
    """The figures of `queryset` (public contributions by default), or of its `groups`
    (figure_groups()) when already counted. `areas`, {slug: name} in the reader's language, adds the
    committed value by cooperation area, from `area_rows` (area_groups()) or one more query."""
    queryset = Contribution.objects.public() if queryset is None else queryset
    if groups is None:
        groups = figure_groups(queryset)
    year = (today or datetime.date.today()).year
    totals = {group: FigureRow(group, label) for group, label in StatusGroup.choices}
    in_kind = FigureRow("in_kind", _("In kind"))
    by_type = {code: FigureRow(code, label) for code, label in ContributionType.choices}
    by_sector = {code: FigureRow(code, label) for code, label in ProfitSector.choices}
    by_year, by_unit = {}, {}
    unit_labels = dict(InKindUnit.choices)
    in_kind_types = set(ContributionType.in_kind())
    for group in groups:
        totals[group["status_group"]].add(group)
        if group["status_group"] != StatusGroup.COMMITTED:
            continue
        kind, signed, unit = group["contribution_type"], group["signed_year"], group["unit"]
        by_type.setdefault(kind, FigureRow(kind, kind)).add(group)
        by_sector[group["sector"]].add(group)
        by_year.setdefault(
            signed, FigureRow(signed, _("Date not given") if signed is None else format_year(signed))
        ).add(group)
        if kind in in_kind_types:
            in_kind.add(group)
            by_unit.setdefault(unit, FigureRow(unit, unit_labels.get(unit, unit))).add(group)

    years = sorted((signed for signed in by_year if signed is not None), reverse=True)
    if None in by_year:
        years.append(None)
    figures = Figures(
        currency=_reporting_currency(groups),
        count=sum(row.count for row in totals.values()),
        committed=totals[StatusGroup.COMMITTED],
        pledged=totals[StatusGroup.PLEDGED],
        not_counted=totals[StatusGroup.NOT_COUNTED],
        committed_in_kind=in_kind,
        by_type=[row for row in by_type.values() if row.count],
        by_year=[by_year[signed] for signed in years],
        by_sector=[row for row in by_sector.values() if row.count],
        by_unit=sorted(by_unit.values(), key=lambda row: (-row.count, str(row.label))),
        this_year=by_year.get(year, FigureRow(year, format_year(year))),
    )
    if areas is not None and figures.committed.count:
        figures.by_area = _by_area(area_groups(queryset) if area_rows is None else area_rows, areas)
    return figures


def _by_area(groups, areas):
    """Rows by area, named in the reader's language and in its order, then those in no area."""
    found = {group["cooperation_areas__slug"]: group for group in groups}
    rows = []
    for slug, name in [*areas.items(), (None, _("No cooperation area"))]:
        if slug in found:
            row = FigureRow(slug, name)
            row.add(found[slug])
            rows.append(row)
    return rows


def active_partners_by_type():
    """{partner type: number of public partners whose relationship is active}: one grouped query."""
    rows = (
        Partner.objects.filter(
            pk__in=Partner.objects.public().values("pk"), relationship_status=RelationshipStatus.ACTIVE
        )
        .order_by()
        .values("partner_type")
        .annotate(count=Count("pk"))
    )
    return {row["partner_type"]: row["count"] for row in rows}


def active_partner_counts(counts=None):
    """Public partners whose relationship is active, by partner type, from active_partners_by_type()
    (counted now when not given)."""
    counts = active_partners_by_type() if counts is None else counts
    by_type = [(label, counts[code]) for code, label in PartnerType.choices if counts.get(code)]
    for_profit = sum(counts.get(code, 0) for code in PartnerType.for_profit())
    non_profit = sum(counts.get(code, 0) for code in PartnerType.non_profit())
    return {
        "by_type": by_type,
        "total": for_profit + non_profit,
        "for_profit": for_profit,
        "non_profit": non_profit,
    }
