"""The open-data contract: every resource, its columns and what each column holds.

Column names and codes are a public contract (researchers' scripts depend on them): add columns,
never rename or remove one. The data package (datapackage.json), the open-data page and the API's
field descriptions are all generated from here, so they cannot drift apart."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from partnerships.models.choices import (
    ContributionStatus,
    ContributionType,
    CriterionResult,
    EndReason,
    InKindUnit,
    PartnerType,
    ProfitSector,
    RelationshipStatus,
    ReviewDecision,
    StatusGroup,
    ValuationMethod,
    ValueBasis,
)

LICENCE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0 International",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}
# Several codes in one cell of a CSV or spreadsheet (in JSON, a list).
LIST_SEPARATOR = ";"
COUNTRY_CODE = r"^[A-Z]{2}$"
CURRENCY_CODE = r"^[A-Z]{3}$"


@dataclass(frozen=True)
class Column:
    """One column: its name, Table Schema type, meaning, and the constraints a valid file keeps."""

    name: str
    type: str  # a Table Schema type: string, integer, number, date, datetime
    description: str
    required: bool = False
    unique: bool = False
    enum: tuple = ()  # the codes allowed (all of `choices` unless given)
    choices: type | None = None  # the TextChoices the codes come from, for their labels
    pattern: str = ""
    format: str = ""
    multiple: bool = False  # several codes: ";"-separated in CSV/XLSX, a list in JSON

    def table_schema(self):
        """This column as a Frictionless Table Schema field (descriptions in the active language)."""
        described = {"name": self.name, "type": self.type, "description": str(self.description)}
        if self.format:
            described["format"] = self.format
        constraints = {}
        if self.required:
            constraints["required"] = True
        if self.unique:
            constraints["unique"] = True
        if self.enum and not self.multiple:
            constraints["enum"] = list(self.enum)
        if self.pattern:
            constraints["pattern"] = self.pattern
        if constraints:
            described["constraints"] = constraints
        return described

    def __post_init__(self):
        if self.choices and not self.enum:
            object.__setattr__(self, "enum", tuple(self.choices.values))

    def code_labels(self):
        """[(code, label in the active language)] of the codes this column may hold."""
        labels = dict(self.choices.choices) if self.choices else {}
        return [(str(code), labels.get(code, "")) for code in self.enum]

    def as_text(self, value):
        """The cell as CSV and XLSX write it: ISO 8601 dates, plain decimals, "" for nothing."""
        if value is None:
            return ""
        if self.multiple:
            return LIST_SEPARATOR.join(value)
        if isinstance(value, datetime.datetime):
            return iso_datetime(value)
        if isinstance(value, datetime.date):
            return value.isoformat()
        if isinstance(value, Decimal):
            return plain_decimal(value)
        return str(value)


def iso_datetime(moment):
    return moment.astimezone(datetime.UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def plain_decimal(number):
    """No grouping, "." as separator, no exponent: 1500000.00, never 1.5E+6."""
    return format(number, "f")


@dataclass(frozen=True)
class Resource:
    name: str
    path: str  # its CSV under /data/
    title: str
    description: str
    columns: tuple
    primary_key: tuple
    foreign_keys: tuple = field(default_factory=tuple)

    @property
    def column_names(self):
        return [column.name for column in self.columns]


PARTNER_COLUMNS = (
    Column(
        "id",
        "string",
        _("A stable public identifier of the partner: the same in every language, never reused."),
        required=True,
        unique=True,
        format="uuid",
    ),
    Column("url", "string", _("The partner's page on this site."), required=True, format="uri"),
    Column("name", "string", _("The partner's name, as the organisation writes it."), required=True),
    Column(
        "partner_type",
        "string",
        _("The kind of organisation (a code)."),
        required=True,
        choices=PartnerType,
    ),
    Column("partner_type_label", "string", _("The kind of organisation, in words.")),
    Column(
        "sector",
        "string",
        _("For-profit or non-profit: only companies are for-profit."),
        required=True,
        choices=ProfitSector,
    ),
    Column(
        "country",
        "string",
        _("Where the partner is based (ISO 3166-1 alpha-2 code)."),
        required=True,
        pattern=COUNTRY_CODE,
    ),
    Column("country_name", "string", _("Where the partner is based, in words.")),
    Column("website", "string", _("The partner's own website."), format="uri"),
    Column(
        "cooperation_areas",
        "string",
        _(
            "The fields the partner works with the organisation in: codes of the cooperation areas, "
            "separated by “;” (a list in JSON)."
        ),
        multiple=True,
    ),
    Column("summary", "string", _("What the partner does and why it works with the organisation.")),
    Column(
        "relationship_status",
        "string",
        _("Where the partnership stands (a code)."),
        required=True,
        choices=RelationshipStatus,
    ),
    Column("relationship_status_label", "string", _("Where the partnership stands, in words.")),
    Column("start_date", "date", _("When the partnership started.")),
    Column("end_date", "date", _("When the partnership ended or is due to end.")),
    Column(
        "due_diligence_decision",
        "string",
        _("The decision of the latest due-diligence review: a partner is public only when it is positive."),
        required=True,
        enum=tuple(ReviewDecision.positive()),
        choices=ReviewDecision,
    ),
    Column("due_diligence_decided_on", "date", _("When that decision was taken."), required=True),
    Column(
        "criterion_values",
        "string",
        _("Result of that review for the first criterion: the partner shares the organisation's values."),
        choices=CriterionResult,
    ),
    Column(
        "criterion_activities",
        "string",
        _(
            "Result for the second criterion: the partner's activities are compatible with the organisation's."
        ),
        choices=CriterionResult,
    ),
    Column(
        "criterion_purpose",
        "string",
        _("Result for the third criterion: contributions are meant for compatible purposes."),
        choices=CriterionResult,
    ),
    Column("next_review_due", "date", _("When the next due-diligence review is due.")),
    Column(
        "first_published",
        "datetime",
        _("When the record was first published (UTC)."),
        required=True,
    ),
    Column(
        "last_published",
        "datetime",
        _("When the record, or its text in this language, was last published (UTC)."),
        required=True,
    ),
)

CONTRIBUTION_COLUMNS = (
    Column(
        "id",
        "string",
        _("A stable public identifier of the contribution: the same in every language, never reused."),
        required=True,
        unique=True,
        format="uuid",
    ),
    Column("url", "string", _("The contribution's page on this site."), required=True, format="uri"),
    Column("reference", "string", _("The number of the agreement."), required=True, unique=True),
    Column(
        "partner_id",
        "string",
        _("The partner who gives it (its id in the partners file)."),
        required=True,
        format="uuid",
    ),
    Column("partner_name", "string", _("The partner's name."), required=True),
    Column("title", "string", _("What the contribution is."), required=True),
    Column("purpose", "string", _("What it is for."), required=True),
    Column(
        "contribution_type",
        "string",
        _("Funding or the kind of gift in kind (a code)."),
        required=True,
        choices=ContributionType,
    ),
    Column("contribution_type_label", "string", _("Funding or the kind of gift in kind, in words.")),
    Column(
        "status",
        "string",
        _("Where the contribution stands (a code)."),
        required=True,
        choices=ContributionStatus,
    ),
    Column("status_label", "string", _("Where the contribution stands, in words.")),
    Column(
        "status_group",
        "string",
        _(
            "What figures count it as: committed (counted in the totals), pledged (shown apart) or "
            "not counted (cancelled)."
        ),
        required=True,
        choices=StatusGroup,
    ),
    Column("end_reason", "string", _("Why it ended early or was cancelled (a code)."), choices=EndReason),
    Column(
        "cooperation_areas",
        "string",
        _("The fields it serves: codes of the cooperation areas, separated by “;” (a list in JSON)."),
        multiple=True,
    ),
    Column("amount", "number", _("For funding: the amount agreed, in the currency given in “currency”.")),
    Column(
        "currency",
        "string",
        _("The currency of the amount or estimated value (ISO 4217)."),
        pattern=CURRENCY_CODE,
    ),
    Column("quantity", "number", _("For gifts in kind: how much, in the unit given in “unit”.")),
    Column("unit", "string", _("The unit of the quantity (a code)."), choices=InKindUnit),
    Column(
        "estimated_value",
        "number",
        _("For gifts in kind: their estimated value, in the currency given in “currency”."),
    ),
    Column(
        "valuation_method",
        "string",
        _("How a gift in kind was valued (a code)."),
        choices=ValuationMethod,
    ),
    Column(
        "value_reporting_currency",
        "number",
        _(
            "The value in the reporting currency, as the figures on the site add it up; empty when "
            "there is nothing to convert or no exchange rate for its month."
        ),
    ),
    Column("reporting_currency", "string", _("The reporting currency (ISO 4217)."), pattern=CURRENCY_CODE),
    Column(
        "exchange_rate",
        "number",
        _(
            "The rate of the month used to convert the value (see the exchange-rates file); empty when none was needed."
        ),
    ),
    Column(
        "value_basis",
        "string",
        _("How the value in the reporting currency was obtained (a code)."),
        choices=ValueBasis,
    ),
    Column("signed_date", "date", _("When the agreement was signed.")),
    Column("start_date", "date", _("When the contribution starts.")),
    Column("end_date", "date", _("When it ends.")),
    Column("first_published", "datetime", _("When the record was first published (UTC)."), required=True),
    Column(
        "last_published",
        "datetime",
        _("When the record, or its text in this language, was last published (UTC)."),
        required=True,
    ),
)

AREA_COLUMNS = (
    Column(
        "code",
        "string",
        _("The area's code, as the other files and the filters use it."),
        required=True,
        unique=True,
    ),
    Column("name", "string", _("The area's name."), required=True),
    Column("description", "string", _("What the area covers.")),
)

RATE_COLUMNS = (
    Column(
        "currency", "string", _("The currency converted (ISO 4217)."), required=True, pattern=CURRENCY_CODE
    ),
    Column("month", "date", _("The first day of the month the rate is for."), required=True),
    Column(
        "rate",
        "number",
        _("What one unit of the currency was worth in the reporting currency."),
        required=True,
    ),
    Column(
        "reporting_currency",
        "string",
        _("The reporting currency (ISO 4217)."),
        required=True,
        pattern=CURRENCY_CODE,
    ),
    Column("source", "string", _("Where the rate comes from."), required=True),
)

PARTNERS = Resource(
    name="partners",
    path="partners.csv",
    title=_("Partners"),
    description=_("Every organisation on the public register, with its latest due-diligence result."),
    columns=PARTNER_COLUMNS,
    primary_key=("id",),
)
CONTRIBUTIONS = Resource(
    name="contributions",
    path="contributions.csv",
    title=_("Contributions"),
    description=_(
        "Every public contribution, with its original amount and its value in the reporting currency."
    ),
    columns=CONTRIBUTION_COLUMNS,
    primary_key=("id",),
    foreign_keys=({"fields": "partner_id", "reference": {"resource": "partners", "fields": "id"}},),
)
COOPERATION_AREAS = Resource(
    name="cooperation-areas",
    path="cooperation-areas.csv",
    title=_("Cooperation areas"),
    description=_("The fields of cooperation that partners and contributions are classed in."),
    columns=AREA_COLUMNS,
    primary_key=("code",),
)
EXCHANGE_RATES = Resource(
    name="exchange-rates",
    path="exchange-rates.csv",
    title=_("Exchange rates"),
    description=_("The monthly rates that convert contributions into the reporting currency."),
    columns=RATE_COLUMNS,
    primary_key=("currency", "month"),
)
RESOURCES = (PARTNERS, CONTRIBUTIONS, COOPERATION_AREAS, EXCHANGE_RATES)
