"""The contribution register: its search, filters, sort orders and rows, from public records only (see
partnerships.figures for the totals and charts above them), and the page of one contribution."""

from dataclasses import dataclass

from django_countries import countries

from django import forms
from django.apps import apps
from django.db.models import CharField, F, Q, Value
from django.db.models.functions import Cast, ExtractYear, Lower
from django.utils.translation import gettext_lazy as _

from partnerships.currencies import currency_name
from partnerships.directory import review_statement
from partnerships.formatting import format_year
from partnerships.history import publication_history
from partnerships.localize import localize_records, localized_areas, publication_dates
from partnerships.models.choices import (
    ContributionStatus,
    ContributionType,
    PartnerType,
    ProfitSector,
    ReviewDecision,
    StatusGroup,
)
from partnerships.models.records import Contribution, Partner
from partnerships.models.reviews import DueDiligenceReview
from partnerships.models.taxonomy import CooperationArea
from portal.lists import MAX_TEXT_LENGTH, LenientFilterForm, ProperNameSelect
from portal.locales import active_locale, in_source_language, is_source_language, sort_key
from portal.text import search_key

PER_PAGE = 25
RELATED_UPDATES = 5

# Sort orders: the value in the address, its label, and the rows' order (ties broken by reference).
# The reporting-value orders join these once contributions carry a value in the reporting currency.
SORT_NEWEST = "newest"
SORT_ORDERS = {
    SORT_NEWEST: (_("Date signed (newest first)"), (F("signed_date").desc(nulls_last=True),)),
    "oldest": (_("Date signed (oldest first)"), (F("signed_date").asc(nulls_last=True),)),
    "partner": (_("Partner name (A to Z)"), (Lower("partner__name").asc(),)),
    "partner-desc": (_("Partner name (Z to A)"), (Lower("partner__name").desc(),)),
    # Contributions without a value (gifts in kind not valued, or no exchange rate) come last either way.
    "value-high": (_("Value (highest first)"), (F("reporting_value").desc(nulls_last=True),)),
    "value-low": (_("Value (lowest first)"), (F("reporting_value").asc(nulls_last=True),)),
}


class RegisterFilterForm(LenientFilterForm):
    """The register's filters. Each bad value is dropped on its own; the others still apply."""

    text_fields = ("q",)
    # The canonical order of the query string; the sort order follows, then the page.
    filter_fields = (
        "q",
        "partner",
        "type",
        "year",
        "status_group",
        "status",
        "sector",
        "partner_type",
        "area",
        "currency",
        "country",
    )
    defaults = {"sort": SORT_NEWEST}

    q = forms.CharField(label=_("Keywords"), required=False, max_length=MAX_TEXT_LENGTH)
    partner = forms.ChoiceField(label=_("Partner"), required=False, widget=ProperNameSelect)
    type = forms.ChoiceField(label=_("Type of contribution"), required=False)
    year = forms.TypedChoiceField(label=_("Year signed"), required=False, coerce=int, empty_value=None)
    status_group = forms.ChoiceField(label=_("Counted as"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)
    sector = forms.ChoiceField(label=_("For-profit or non-profit partner"), required=False)
    partner_type = forms.ChoiceField(label=_("Type of partner"), required=False)
    area = forms.ChoiceField(label=_("Cooperation area"), required=False)
    currency = forms.ChoiceField(label=_("Currency"), required=False)
    country = forms.ChoiceField(label=_("Partner's country"), required=False)
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[(key, label) for key, (label, _order) in SORT_ORDERS.items()],
    )

    def __init__(self, data=None, *, options=None, areas=(), **kwargs):
        kwargs.setdefault("auto_id", "filter-%s")
        super().__init__(data, **kwargs)
        options = options or RegisterOptions()
        anything = [("", _("Any"))]
        # Thousands of partners: their options are listed when used (validating a partner given, or
        # writing the select, which is done once per content version), not normalised for every page.
        self.fields["partner"].choices = lambda: [*anything, *options.partners]
        self.fields["partner"].widget.options_name = "register-partners"
        self.fields["type"].choices = anything + list(ContributionType.choices)
        self.fields["year"].choices = anything + [(str(year), format_year(year)) for year in options.years]
        self.fields["status_group"].choices = anything + list(StatusGroup.choices)
        self.fields["status"].choices = anything + list(ContributionStatus.choices)
        self.fields["sector"].choices = anything + list(ProfitSector.choices)
        self.fields["partner_type"].choices = anything + list(PartnerType.choices)
        self.fields["area"].choices = anything + list(areas)
        self.fields["currency"].choices = anything + [
            (code, f"{code} — {currency_name(code, plural=False)}") for code in options.currencies
        ]
        self.fields["country"].choices = anything + sorted(
            ((code, countries.name(code)) for code in options.countries),
            key=lambda choice: sort_key(choice[1]),
        )

    @property
    def sort_order(self):
        return SORT_ORDERS[self.value("sort")][1]


def filter_contributions(queryset, filters):
    """Narrow a queryset of public contributions by the filters RegisterFilterForm accepted."""
    if "q" in filters:
        queryset = queryset.filter(matching_keywords(filters["q"]))
    if "partner" in filters:
        # By the partner's id, found first: the database then reads that partner's contributions through
        # the partner index instead of checking every contribution's partner (100 ms at 100,000).
        partner = Partner.objects.filter(slug=filters["partner"]).values("pk")
        queryset = queryset.filter(partner_id__in=partner)
    if "status_group" in filters:
        queryset = queryset.in_status_group(filters["status_group"])
    if "country" in filters:
        queryset = queryset.filter(partner__country=filters["country"])
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


def matching_keywords(text):
    """A Q() for the source rows whose search text, or whose live translation's in the reader's
    language, contains every word of `text`, accent- and case-blind (see Contribution.search_text)."""
    locale = active_locale()
    condition = Q()
    for word in search_key(text).split():
        in_either = Q(search_text__contains=word)
        if not is_source_language(locale.language_code):
            translated = Contribution.objects.filter(locale=locale, live=True, search_text__contains=word)
            in_either |= Q(translation_key__in=translated.values("translation_key"))
        condition &= in_either
    return condition


@dataclass
class RegisterOptions:
    """What the register's select filters offer: only values some public contribution has."""

    years: list = ()
    currencies: list = ()
    partners: list = ()  # [(slug, name)], in alphabetical order
    countries: list = ()


TEXT_BLANK = Value("", output_field=CharField())


def options_present(queryset=None):
    """The years contributions were signed in (newest first), the currencies they are valued in, their
    partners and the partners' countries: the options of the select filters, from one query."""
    queryset = Contribution.objects.public() if queryset is None else queryset

    def option(rows, kind, value, label=TEXT_BLANK, extra=TEXT_BLANK):
        return (
            rows.order_by()
            .annotate(option_kind=Value(kind, output_field=CharField()), option_value=value)
            .annotate(option_label=label, option_extra=extra)
            .values_list("option_kind", "option_value", "option_label", "option_extra")
        )

    # A UNION of the distinct values of each kind, not the distinct combinations of all of them, which
    # are nearly as many as the contributions (20,000 rows for 20,000 contributions, 1.7 s on SQLite).
    # The partners are read from their own table, each kept when it has a contribution here: joining
    # every contribution to its partner to find the distinct ones took half a second.
    partners = Partner.objects.filter(pk__in=queryset.order_by().values("partner_id"))
    rows = option(queryset, "year", Cast(ExtractYear("signed_date"), CharField())).union(
        option(queryset, "currency", F("currency")),
        option(partners, "partner", F("slug"), F("name"), Cast("country", CharField())),
    )
    years, currencies, partners, partner_countries = set(), set(), {}, set()
    for kind, value, label, extra in rows:
        if kind == "year" and value:
            years.add(int(value))
        elif kind == "currency" and value:
            currencies.add(value)
        elif kind == "partner":
            partners[value] = label
            partner_countries.add(extra)
    return RegisterOptions(
        years=sorted(years, reverse=True),
        currencies=sorted(currencies),
        partners=sorted(partners.items(), key=lambda item: sort_key(item[1])),
        countries=sorted(code for code in partner_countries if code),
    )


def register_rows(queryset, order=SORT_ORDERS[SORT_NEWEST][1]):
    """The register's rows in `order` (RegisterFilterForm.sort_order), ties broken by reference."""
    return queryset.select_related("partner").order_by(*order, "reference", "pk")


# One contribution's page


def public_contribution(slug):
    """The public source record of the contribution at `slug`, with its partner, or None."""
    return Contribution.objects.public().select_related("partner").filter(slug=slug).first()


def contribution_review(contribution):
    """The public part of the latest decided due-diligence review of this contribution in particular
    (the partner's own reviews are on its profile), or None. Only the public fields are read."""
    review = (
        DueDiligenceReview.objects.filter(contribution=contribution, decided_on__isnull=False)
        .exclude(decision=ReviewDecision.PENDING)
        .order_by("-decided_on", "-pk")
        .values(*DueDiligenceReview.PUBLIC_FIELDS)
        .first()
    )
    return review_statement(review) if review else None


def related_updates(contribution, limit=RELATED_UPDATES):
    """The newest live updates in the reader's language that name the contribution's partner."""
    # By name: update pages belong to the home app, a layer above the records they mention.
    update_page = apps.get_model("home", "UpdatePage")
    return list(
        update_page.objects.live()
        .public()
        .filter(locale=active_locale(), related_partner_links__partner=contribution.partner_id)
        .distinct()
        .defer_streamfields()
        .order_by("-date", "-pk")[:limit]
    )


def contribution_page(contribution):
    """Everything a contribution's page shows, for a record from public_contribution(slug)."""
    (localized,) = localize_records([contribution])
    status_group = next(
        (group for group in StatusGroup if contribution.status in ContributionStatus.in_group(group)), None
    )
    return {
        "contribution": localized,
        "status_group": status_group.label if status_group else "",
        "areas": localized_areas(CooperationArea.objects.filter(contributions=contribution)),
        "review": contribution_review(contribution),
        "updates": related_updates(contribution),
        "last_updated": max(
            (when for when in (contribution.last_published_at, localized.text.last_published_at) if when),
            default=None,
        ),
        "history": publication_history(contribution, localized.text.pk),
    }


def contribution_dates(locale_id):
    """(slug, last change) of every public contribution's page in a locale, for the sitemap."""
    return publication_dates(Contribution.objects.public(), locale_id)
