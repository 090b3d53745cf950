"""The filters of the partner, contribution and cooperation-area listings."""

import django_filters
from django_countries import countries

from django import forms
from django.conf import settings
from django.db.models import Exists
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.widgets import BooleanRadioSelect
from wagtail.models import Locale

from partnerships.models import (
    Contribution,
    ContributionStatus,
    ContributionType,
    CooperationArea,
    Partner,
    PartnerType,
    RelationshipStatus,
)
from translations.status import translation_locales, translations_in


def source_areas():
    return CooperationArea.objects.filter(locale__language_code=Locale.get_default().language_code)


def countries_in_use():
    used = set(Partner.objects.order_by().values_list("country", flat=True).distinct())
    return [(code, name) for code, name in countries if code in used]


def translation_language_choices():
    """The languages records are translated into, named as in the admin's locale filter."""
    return [(locale.language_code, locale.get_display_name()) for locale in translation_locales()]


def missing_translation(queryset, language_code):
    """The source-language rows of `queryset` with no translation at all (draft or live) in `language_code`."""
    translations = translations_in(queryset.model, language_code)
    return queryset.filter(locale__language_code=settings.LANGUAGE_CODE).filter(~Exists(translations))


class TranslationStatusFilterSet(WagtailFilterSet):
    missing_translation = django_filters.ChoiceFilter(
        label=_("Missing translation in"),
        choices=translation_language_choices,
        empty_label=_("All records"),
        method="filter_missing_translation",
        widget=forms.RadioSelect,
    )

    def filter_missing_translation(self, queryset, name, value):
        return missing_translation(queryset, value)


class RecordFilterSet(TranslationStatusFilterSet):
    live = django_filters.BooleanFilter(field_name="live", label=_("Live"), widget=BooleanRadioSelect)
    cooperation_area = django_filters.ModelMultipleChoiceFilter(
        field_name="cooperation_areas",
        label=_("Cooperation area"),
        queryset=lambda request: source_areas(),
        widget=forms.CheckboxSelectMultiple,
        distinct=True,
    )


class PartnerFilterSet(RecordFilterSet):
    partner_type = django_filters.ChoiceFilter(
        label=_("Type"), choices=PartnerType.choices, empty_label=_("All"), widget=forms.RadioSelect
    )
    relationship_status = django_filters.ChoiceFilter(
        label=_("Relationship status"),
        choices=RelationshipStatus.choices,
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )
    country = django_filters.ChoiceFilter(label=_("Country"), choices=countries_in_use, empty_label=_("All"))

    class Meta:
        model = Partner
        fields = [
            "partner_type",
            "relationship_status",
            "country",
            "cooperation_area",
            "live",
            "missing_translation",
        ]


def source_partners(request=None):
    return Partner.objects.filter(locale=Locale.get_default()).order_by("name", "pk")


class ContributionFilterSet(RecordFilterSet):
    contribution_type = django_filters.ChoiceFilter(
        label=_("Type"), choices=ContributionType.choices, empty_label=_("All")
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=ContributionStatus.choices, empty_label=_("All"), widget=forms.RadioSelect
    )
    partner = django_filters.ModelChoiceFilter(
        label=_("Partner"), queryset=source_partners, empty_label=_("All")
    )

    class Meta:
        model = Contribution
        fields = ["contribution_type", "status", "partner", "cooperation_area", "live", "missing_translation"]


class CooperationAreaFilterSet(TranslationStatusFilterSet):
    class Meta:
        model = CooperationArea
        fields = ["missing_translation"]
