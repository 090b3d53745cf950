"""The partner directory's filters: what the query string may say, and what happens when it says nonsense.

Every parameter is validated by PartnerFilterForm. A value that is not one of a filter's options is
ignored (never a 500) and `notices` says which filter was ignored, in the reader's language. The valid
filters have one canonical query string, so every combination has one stable, shareable address."""

import unicodedata

from django_countries import countries

from django import forms
from django.core.exceptions import ValidationError
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from partnerships.models import ContributionType, PartnerType, ProfitSector, RelationshipStatus

MAX_QUERY_LENGTH = 200
SORT_BY_NAME = "name"
SORT_BY_START = "start"
SORT_CHOICES = [(SORT_BY_NAME, _("Name (A to Z)")), (SORT_BY_START, _("Start date (newest first)"))]
# The canonical order of the query string; `page` always comes last.
FILTER_FIELDS = ("q", "sector", "type", "area", "country", "contribution", "status")


def clean_text(value, limit=MAX_QUERY_LENGTH):
    """(text, was_truncated): `value` without control characters, trimmed to `limit` characters."""
    value = "".join(ch for ch in (value or "") if ch.isprintable()).strip()
    if len(value) > limit:
        return value[:limit].strip(), True
    return value, False


def sort_key(text):
    """Accent-blind alphabetical order, so "Émirats" sorts with the Es."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def _with_blank(choices):
    return [("", "")] + list(choices)


class PartnerFilterForm(forms.Form):
    q = forms.CharField(label=_("Name or keyword"), required=False, max_length=MAX_QUERY_LENGTH)
    sector = forms.ChoiceField(
        label=_("For-profit or non-profit"), required=False, choices=_with_blank(ProfitSector.choices)
    )
    type = forms.ChoiceField(
        label=_("Type of partner"), required=False, choices=_with_blank(PartnerType.choices)
    )
    area = forms.ChoiceField(label=_("Cooperation area"), required=False)
    country = forms.CharField(label=_("Country"), required=False)
    contribution = forms.ChoiceField(
        label=_("Type of contribution"), required=False, choices=_with_blank(ContributionType.choices)
    )
    status = forms.ChoiceField(
        label=_("Relationship status"), required=False, choices=_with_blank(RelationshipStatus.choices)
    )
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=SORT_CHOICES)

    def __init__(self, data, *, area_slugs):
        data = data.copy()
        self.truncated = False
        if "q" in data:
            data["q"], self.truncated = clean_text(data.get("q"))
        super().__init__(data)
        self.fields["area"].choices = _with_blank((slug, slug) for slug in area_slugs)

    def clean_country(self):
        code = self.cleaned_data["country"].strip().upper()
        if code and code not in countries:
            raise ValidationError(_("Not a country code."), code="invalid_choice")
        return code

    @property
    def filters(self):
        """The valid, non-empty filters, e.g. {"type": "ngo_nonprofit", "q": "forensic"}."""
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return {name: cleaned[name] for name in FILTER_FIELDS if cleaned.get(name)}

    @property
    def sort_order(self):
        self.is_valid()
        return getattr(self, "cleaned_data", {}).get("sort") or SORT_BY_NAME

    @property
    def notices(self):
        """What was ignored or changed, in the reader's language."""
        self.is_valid()
        notices = []
        if self.truncated:
            notices.append(
                gettext(
                    "Your search text was longer than %(limit)s characters, so only the first %(limit)s were used."
                )
                % {"limit": MAX_QUERY_LENGTH}
            )
        for name in self.errors:
            notices.append(
                gettext(
                    "The value given for “%(filter)s” is not one of its options, so that filter was ignored."
                )
                % {"filter": self.fields[name].label}
            )
        return notices

    def canonical_params(self, page=None, **changes):
        """The query-string pairs for the valid filters in canonical order; `changes` override or
        (with None) remove single filters, e.g. canonical_params(type=None) for a "remove" link."""
        values = {**self.filters, "sort": self.sort_order, **changes}
        params = [(name, values[name]) for name in FILTER_FIELDS if values.get(name)]
        if values.get("sort") and values["sort"] != SORT_BY_NAME:
            params.append(("sort", values["sort"]))
        if page and page != 1:
            params.append(("page", page))
        return params

    def canonical_query(self, page=None, **changes):
        params = self.canonical_params(page=page, **changes)
        return f"?{urlencode(params)}" if params else ""
