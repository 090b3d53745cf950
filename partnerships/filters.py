"""The partner directory's filters and the facets beside them.

Every parameter is validated by PartnerFilterForm (a portal.lists.LenientFilterForm): a value that is
not one of a filter's options is ignored (never a 500) and `notices` says which filter was ignored, in
the reader's language. The valid filters have one canonical query string, so every combination has
one stable, shareable address."""

from django_countries import countries

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from partnerships.models.choices import ContributionType, PartnerType, ProfitSector, RelationshipStatus
from portal.lists import MAX_TEXT_LENGTH, LenientFilterForm
from portal.locales import sort_key

SORT_BY_NAME = "name"
SORT_BY_START = "start"
SORT_CHOICES = [(SORT_BY_NAME, _("Name (A to Z)")), (SORT_BY_START, _("Start date (newest first)"))]


def _with_blank(choices):
    return [("", "")] + list(choices)


class PartnerFilterForm(LenientFilterForm):
    text_fields = ("q",)
    # The canonical order of the query string; the sort order follows, then the page.
    filter_fields = ("q", "sector", "type", "area", "country", "contribution", "status")
    defaults = {"sort": SORT_BY_NAME}

    q = forms.CharField(label=_("Name or keyword"), required=False, max_length=MAX_TEXT_LENGTH)
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
        super().__init__(data)
        self.fields["area"].choices = _with_blank((slug, slug) for slug in area_slugs)

    def clean_country(self):
        code = self.cleaned_data["country"].strip().upper()
        if code and code not in countries:
            raise ValidationError(_("Not a country code."), code="invalid_choice")
        return code

    @property
    def sort_order(self):
        return self.value("sort")


def facets(form, counts, areas):
    """Each filter with its options, the number of partners each option would give, and the link that
    removes it when it is active."""
    filters = form.filters
    choices = {
        "sector": list(ProfitSector.choices),
        "type": list(PartnerType.choices),
        "area": [(area.slug, area.name) for area in areas],
        "country": sorted(
            ((code, countries.name(code)) for code, number in counts["country"].items() if code and number),
            key=lambda choice: sort_key(choice[1]),
        ),
        "contribution": list(ContributionType.choices),
        "status": list(RelationshipStatus.choices),
    }
    selected_country = filters.get("country")
    if selected_country and not counts["country"][selected_country]:
        choices["country"].append((selected_country, countries.name(selected_country)))
    area_ids = {area.slug: area.id for area in areas}
    result = []
    for name, options in choices.items():
        tally = counts[name]
        selected = filters.get(name, "")
        entries = []
        for value, label in options:
            key = area_ids[value] if name == "area" else value
            entries.append(
                {"value": value, "label": label, "count": tally.get(key, 0), "selected": value == selected}
            )
        result.append(
            {
                "name": name,
                "label": form.fields[name].label,
                "options": entries,
                "selected": selected,
                "selected_label": next((entry["label"] for entry in entries if entry["selected"]), ""),
                "remove_query": form.canonical_query(**{name: None}),
            }
        )
    return result


def active_filters(form, facet_list):
    """The filters in use, each with its "remove" link: the search text first, then the facets."""
    active = [facet for facet in facet_list if facet["selected"]]
    if form.filters.get("q"):
        active.insert(
            0,
            {
                "name": "q",
                "label": form.fields["q"].label,
                "selected_label": form.filters["q"],
                "remove_query": form.canonical_query(q=None),
            },
        )
    return active
