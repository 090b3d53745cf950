"""The Wagtail admin for partners, contributions and cooperation areas (registered in wagtail_hooks.py).

Due-diligence reviews are internal: only users with the reviewers' permission see or edit them. Everyone
else gets an edit handler without the reviews' inline panel, so they neither see nor submit them, and
their saves carry the recorded reviews over untouched. The same restriction applies to the revision
comparison; the spreadsheet export never includes reviews.
"""

import datetime
import functools

import django_filters
from django_countries import countries

from django import forms
from django.conf import settings
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, F, Prefetch
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms.choosers import BaseFilterForm, SearchFilterMixin
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import InlinePanel, ObjectList
from wagtail.admin.ui.tables import (
    Column,
    LiveStatusTagColumn,
    LocaleColumn,
    TitleColumn,
    UpdatedAtColumn,
)
from wagtail.admin.utils import get_latest_str, get_valid_next_url_from_request
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.views.reports import ReportView
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.widgets import BooleanRadioSelect
from wagtail.models import Locale, WorkflowState
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet
from wagtail.snippets.views.snippets import (
    CreateView,
    EditView,
    IndexView,
    RevisionsCompareView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from home.admin_views import SubmitTranslationMixin, TranslatedRecordEditMixin
from partnerships.models import (
    Contribution,
    ContributionStatus,
    ContributionType,
    CooperationArea,
    DueDiligenceReview,
    Partner,
    PartnerType,
    RelationshipStatus,
    ReviewDecision,
    ReviewType,
)
from partnerships.translation_status import translation_locales, translations_in

REVIEW_PERMISSION = "partnerships.change_duediligencereview"
REVIEWS_RELATION = "due_diligence_reviews"


def can_see_reviews(user):
    """Transparency reviewers (and superusers) see and edit due-diligence reviews; nobody else does."""
    return bool(user and user.is_active and user.has_perm(REVIEW_PERMISSION))


# The publishing guard's refusal, in the admin ---------------------------------------------------------


def refusal_message(instance, reasons):
    return gettext("“%(object)s” was not published. %(reasons)s Your changes are kept as a draft.") % {
        "object": get_latest_str(instance),
        "reasons": " ".join(str(reason) for reason in reasons),
    }


def record_edit_url(instance):
    viewset = getattr(type(instance), "snippet_viewset", None)
    if viewset is None or instance.pk is None:
        return None
    return reverse(viewset.get_url_name("edit"), args=[quote(instance.pk)])


def publishing_refused_response(request, instance, reasons):
    """Say why a record cannot go live and go back to its edit view; the draft revision is already saved."""
    message = refusal_message(instance, reasons)
    if not request.accepts("text/html"):
        return JsonResponse(
            {"success": False, "error_code": "publishing_blocked", "error_message": message}, status=400
        )
    messages.error(request, message)
    return redirect(record_edit_url(instance) or reverse("wagtailadmin_home"))


# Partners: the due-diligence inline for reviewers only -----------------------------------------------


def _without_reviews(panels):
    kept = [
        panel
        for panel in panels
        if not (isinstance(panel, InlinePanel) and panel.relation_name == REVIEWS_RELATION)
    ]
    if len(kept) == len(panels):
        raise LookupError(f"Partner.panels has no InlinePanel({REVIEWS_RELATION!r}) to hide.")
    return kept


@functools.cache
def partner_edit_handler_without_reviews():
    return ObjectList(_without_reviews(Partner.panels)).bind_to_model(Partner)


class ReviewPanelMixin:
    """Swap in the edit handler without the reviews' inline for users who may not see reviews. The form
    class follows the panel, so the reviews' formset is neither rendered nor accepted from them."""

    @cached_property
    def shows_reviews(self):
        return can_see_reviews(self.request.user)

    def get_panel(self):
        if self.shows_reviews:
            return super().get_panel()
        return partner_edit_handler_without_reviews()

    def get_form_class(self):
        return self.panel.get_form_class()


class SourceLanguageCreateMixin:
    """New records start in the source language (English), the record of truth that relations point at;
    the other languages are translations of it, made with wagtail-localize ("Translate")."""

    def get_locale(self):
        return Locale.get_default()

    def get_translations(self):
        return []


class SourceLanguageCreateView(SourceLanguageCreateMixin, CreateView):
    pass


class PartnerCreateView(SourceLanguageCreateMixin, ReviewPanelMixin, CreateView):
    pass


class ContributionEditView(TranslatedRecordEditMixin, EditView):
    pass


class PartnerEditView(TranslatedRecordEditMixin, ReviewPanelMixin, EditView):
    def keep_recorded_reviews(self):
        """A user without the reviews' formset saves the reviews as recorded, whichever version they edit
        (reverting to an old revision must not bring back old reviews). For a live partner the current
        reviews are in its latest revision; for one that is not live, in the database."""
        if self.live_object.live:
            recorded = self.live_object.get_latest_revision_as_object()
        else:
            recorded = type(self.live_object).objects.get(pk=self.live_object.pk)
        setattr(self.object, REVIEWS_RELATION, list(getattr(recorded, REVIEWS_RELATION).all()))

    def get_form_kwargs(self):
        if not self.shows_reviews:
            self.keep_recorded_reviews()
        return super().get_form_kwargs()


class PartnerRevisionsCompareView(RevisionsCompareView):
    def get_edit_handler(self):
        if can_see_reviews(self.request.user):
            return super().get_edit_handler()
        return partner_edit_handler_without_reviews()


class SourceLanguageFilterForm(SearchFilterMixin, BaseFilterForm):
    """The chooser's filters without a language filter: only source-language records may be chosen."""


class SourceLanguageChooserMixin:
    filter_form_class = SourceLanguageFilterForm

    def get_object_list(self):
        # Relations always point at the source-language record (see Contribution.partner).
        return super().get_object_list().filter(locale=Locale.get_default())

    @property
    def columns(self):
        # Every row is in the same language, so the locale column says nothing.
        return [column for column in super().columns if not isinstance(column, LocaleColumn)]


class PartnerChooseView(SourceLanguageChooserMixin, ChooseView):
    pass


class PartnerChooseResultsView(SourceLanguageChooserMixin, ChooseResultsView):
    pass


class PartnerChooserViewSet(SnippetChooserViewSet):
    choose_view_class = PartnerChooseView
    choose_results_view_class = PartnerChooseResultsView


# Listings ------------------------------------------------------------------------------------------------


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


class RecordIndexView(IndexView):
    """Listing with constant queries, and spreadsheet rows that spell out labels and cooperation areas."""

    related = ["locale"]

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("latest_revision", *self.related)
            .prefetch_related(
                "cooperation_areas",
                # What workflow_in_progress / current_workflow_state read, in one query for the page.
                Prefetch(
                    "_workflow_states",
                    queryset=WorkflowState.objects.active().select_related("current_task_state__task"),
                    to_attr="_current_workflow_states",
                ),
            )
        )

    @staticmethod
    def review_status(record):
        state = record.current_workflow_state
        if state is None:
            return ""
        if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            return gettext("Changes requested")
        return gettext("Awaiting review")

    def review_column(self):
        return Column("review", label=_("Review"), accessor=self.review_status)

    def to_row_dict(self, item):
        row = super().to_row_dict(item)
        if "cooperation_areas" in row:
            row["cooperation_areas"] = "; ".join(area.name for area in item.cooperation_areas.all())
        if "live" in row:
            row["live"] = gettext("Yes") if item.live else gettext("No")
        return row


class PartnerIndexView(RecordIndexView):
    def _get_title_column(self, field_name, column_class=TitleColumn, **kwargs):
        # The name as last edited (a draft may have renamed it), still sortable by the stored name.
        kwargs.setdefault("accessor", get_latest_str)
        return super()._get_title_column(field_name, column_class, **kwargs)

    @cached_property
    def list_display(self):
        return [
            "name",
            "partner_type",
            "country",
            "relationship_status",
            LocaleColumn(),
            self.review_column(),
            LiveStatusTagColumn(),
            UpdatedAtColumn(),
        ]


class ContributionIndexView(RecordIndexView):
    related = ["locale", "partner"]

    @cached_property
    def list_display(self):
        return [
            "reference",
            "title",
            Column("partner", label=capfirst(Contribution._meta.get_field("partner").verbose_name)),
            "contribution_type",
            "status",
            LocaleColumn(),
            self.review_column(),
            LiveStatusTagColumn(),
            UpdatedAtColumn(),
        ]


class CooperationAreaIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("locale")

    @cached_property
    def list_display(self):
        return ["name", "slug", LocaleColumn()]


# Translations through the same review --------------------------------------------------------------


class SubmitTranslationView(
    PermissionCheckedMixin, SubmitTranslationMixin, WagtailAdminTemplateMixin, TemplateView
):
    """wagtail-localize edits a synchronised translation in its own editor, which has no "Submit for
    review": this saves what the translator typed as the translation's latest draft and starts (or
    resumes) the "Transparency review" workflow on it, so that translations pass the same approval as
    their source."""

    model = None
    index_url_name = None
    edit_url_name = None
    permission_required = "change"

    def setup(self, request, *args, pk, **kwargs):
        super().setup(request, *args, **kwargs)
        self.translation = get_object_or_404(self.model, pk=unquote(str(pk)))

    def get_page_subtitle(self):
        return get_latest_str(self.translation)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(self.index_url_name), "label": capfirst(self.model._meta.verbose_name_plural)},
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]

    def get_next_url(self):
        return get_valid_next_url_from_request(self.request) or reverse(self.index_url_name)


class RecordViewSet(SnippetViewSet):
    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path(
                f"submit-translation/<{self.pk_path_converter}:pk>/",
                self.submit_translation_view,
                name="submit_translation",
            )
        ]

    @property
    def submit_translation_view(self):
        return self.construct_view(SubmitTranslationView)


STATUS_HEADINGS = {
    "status_string": _("Publication status"),
    "live": _("Live"),
    "locale.language_code": _("Language"),
    "cooperation_areas": _("Cooperation areas"),
    "last_published_at": _("Last published"),
}


class PartnerViewSet(RecordViewSet):
    model = Partner
    icon = "group"
    menu_order = 100
    index_view_class = PartnerIndexView
    add_view_class = PartnerCreateView
    edit_view_class = PartnerEditView
    revisions_compare_view_class = PartnerRevisionsCompareView
    chooser_viewset_class = PartnerChooserViewSet
    # A copy would carry the original's reviews over (or tempt an editor to re-create them): create anew.
    copy_view_enabled = False
    filterset_class = PartnerFilterSet
    search_fields = ["name", "slug", "summary"]
    search_backend_name = None  # Plain database look-ups: substring matches, and any filter combines.
    ordering = ["name", "locale_id"]
    list_per_page = 50
    list_export = [
        "name",
        "slug",
        "get_partner_type_display",
        "country.code",
        "country.name",
        "get_relationship_status_display",
        "start_date",
        "end_date",
        "website",
        "cooperation_areas",
        "locale.language_code",
        "live",
        "status_string",
        "last_published_at",
    ]
    export_headings = {
        **STATUS_HEADINGS,
        "get_partner_type_display": _("Type"),
        "country.code": _("Country code"),
        "country.name": _("Country"),
        "get_relationship_status_display": _("Relationship status"),
    }
    export_filename = "partners"


class ContributionViewSet(RecordViewSet):
    model = Contribution
    icon = "doc-full"
    menu_order = 200
    index_view_class = ContributionIndexView
    add_view_class = SourceLanguageCreateView
    edit_view_class = ContributionEditView
    filterset_class = ContributionFilterSet
    search_fields = ["reference", "title", "partner__name"]
    search_backend_name = None
    ordering = ["-signed_date", "reference", "locale_id"]
    list_per_page = 50
    list_export = [
        "reference",
        "title",
        "partner.name",
        "get_contribution_type_display",
        "get_status_display",
        "get_end_reason_display",
        "amount",
        "currency",
        "quantity",
        "get_unit_display",
        "estimated_value",
        "get_valuation_method_display",
        "signed_date",
        "start_date",
        "end_date",
        "cooperation_areas",
        "locale.language_code",
        "live",
        "status_string",
        "last_published_at",
    ]
    export_headings = {
        **STATUS_HEADINGS,
        "partner.name": _("Partner"),
        "get_contribution_type_display": _("Type"),
        "get_status_display": _("Status"),
        "get_end_reason_display": _("Reason for ending"),
        "get_unit_display": _("Unit"),
        "get_valuation_method_display": _("Valuation method"),
    }
    export_filename = "contributions"


class CooperationAreaViewSet(SnippetViewSet):
    model = CooperationArea
    icon = "tag"
    menu_order = 300
    index_view_class = CooperationAreaIndexView
    add_view_class = SourceLanguageCreateView
    filterset_class = CooperationAreaFilterSet
    search_fields = ["name", "slug"]
    search_backend_name = None
    ordering = ["name", "locale_id"]


# Due-diligence reviews report (reviewers only) ----------------------------------------------------


class ReviewsDue(django_filters.ChoiceFilter):
    WINDOWS = {"overdue": 0, "90": 90, "180": 180, "365": 365}

    def filter(self, qs, value):
        if value not in self.WINDOWS:
            return qs
        today = timezone.localdate()
        return qs.filter(next_review_due__lte=today + datetime.timedelta(days=self.WINDOWS[value]))


class DueDiligenceReportFilterSet(WagtailFilterSet):
    due = ReviewsDue(
        label=_("Next review due"),
        empty_label=_("Any time"),
        choices=[
            ("overdue", _("Overdue")),
            ("90", _("Within 90 days")),
            ("180", _("Within 180 days")),
            ("365", _("Within a year")),
        ],
        widget=forms.RadioSelect,
    )
    decision = django_filters.ChoiceFilter(
        label=_("Decision"), choices=ReviewDecision.choices, empty_label=_("All"), widget=forms.RadioSelect
    )
    review_type = django_filters.ChoiceFilter(
        label=_("Review type"), choices=ReviewType.choices, empty_label=_("All"), widget=forms.RadioSelect
    )

    class Meta:
        model = DueDiligenceReview
        fields = ["due", "decision", "review_type"]


class DueDiligenceReportView(ReportView):
    """Every recorded review, soonest next review first: what the reviewers must look at next. Reviews
    added in an unpublished draft of a live partner appear once it is published."""

    page_title = _("Due-diligence reviews")
    header_icon = "calendar-check"
    index_url_name = "partnership_reviews:index"
    index_results_url_name = "partnership_reviews:index_results"
    filterset_class = DueDiligenceReportFilterSet
    paginate_by = 50
    default_ordering = "next_review_due"

    def dispatch(self, request, *args, **kwargs):
        if not can_see_reviews(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        self.queryset = DueDiligenceReview.objects.filter(
            partner__locale=Locale.get_default()
        ).select_related("partner", "contribution")
        return super().get_queryset()

    def order_queryset(self, queryset):
        if not self.ordering:
            return queryset.order_by(F("next_review_due").asc(nulls_last=True), "partner__name", "pk")
        descending = self.ordering.startswith("-")
        field = F(self.ordering.lstrip("-"))
        order = field.desc(nulls_last=True) if descending else field.asc(nulls_last=True)
        return queryset.order_by(order, "partner__name", "pk")

    @staticmethod
    def date(field):
        # The calendar date itself: "in 3 months" is too vague for a review schedule.
        def accessor(review):
            value = getattr(review, field)
            return date_format(value, "DATE_FORMAT") if value else ""

        return accessor

    def partner_edit_url(self, review):
        return record_edit_url(review.partner)

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "partner",
                label=_("Partner"),
                accessor="partner.name",
                get_url=self.partner_edit_url,
                sort_key="partner__name",
            ),
            Column("review_type", label=_("Review type"), accessor="get_review_type_display"),
            Column("contribution", label=_("Contribution reviewed"), accessor="contribution"),
            Column("decision", label=_("Decision"), accessor="get_decision_display", sort_key="decision"),
            Column(
                "decided_on", label=_("Decided on"), accessor=self.date("decided_on"), sort_key="decided_on"
            ),
            Column(
                "next_review_due",
                label=_("Next review due"),
                accessor=self.date("next_review_due"),
                sort_key="next_review_due",
            ),
        ]


class DueDiligenceReportViewSet(ViewSet):
    name = "partnership_reviews"
    url_prefix = "partnerships/due-diligence-reviews"
    icon = "calendar-check"
    menu_icon = "calendar-check"
    menu_label = _("Due-diligence reviews")
    menu_name = "due-diligence-reviews"
    menu_order = 400

    @cached_property
    def menu_item_class(self):
        class ReviewersOnlyMenuItem(MenuItem):
            def is_shown(self, request):
                return can_see_reviews(request.user)

        return ReviewersOnlyMenuItem

    def get_menu_item(self, order=None):
        return self.menu_item_class(
            label=self.menu_label,
            url=reverse(self.get_url_name("index")),
            name=self.menu_name,
            icon_name=self.menu_icon,
            order=self.get_menu_item_order(order),
        )

    def get_urlpatterns(self):
        return [
            path("", DueDiligenceReportView.as_view(), name="index"),
            path("results/", DueDiligenceReportView.as_view(results_only=True), name="index_results"),
        ]


class PartnershipsViewSetGroup(SnippetViewSetGroup):
    items = (PartnerViewSet, ContributionViewSet, CooperationAreaViewSet, DueDiligenceReportViewSet)
    menu_label = _("Partnerships")
    menu_name = "partnerships"
    menu_icon = "group"
    menu_order = 150


def activate_admin_language(user):
    """The language the admin speaks to this user (their preference, as Wagtail's views use)."""
    profile = getattr(user, "wagtail_userprofile", None)
    language = profile.get_preferred_language() if profile else None
    return translation.override(language) if language else translation.override(translation.get_language())
