"""Due-diligence reviews in the admin: internal, so only users with the reviewers' permission see or
edit them. Everyone else gets an edit handler without the reviews' inline panel, so they neither see nor
submit them, and their saves carry the recorded reviews over untouched; the same restriction applies to
the revision comparison, and the spreadsheet export never includes reviews. The due-diligence report
lists reviews for reviewers only."""

import datetime
import functools

import django_filters

from django import forms
from django.db.models import F
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import InlinePanel, ObjectList
from wagtail.admin.ui.tables import (
    Column,
    TitleColumn,
)
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale
from wagtail.permission_policies import ModelPermissionPolicy

from partnerships.admin.reports import ReportViewSet
from partnerships.models import (
    DueDiligenceReview,
    Partner,
    ReviewDecision,
    ReviewType,
)

REVIEWS_RELATION = "due_diligence_reviews"
# Transparency reviewers (and superusers) see and edit due-diligence reviews; nobody else does.
reviewers = ModelPermissionPolicy(DueDiligenceReview)


def can_see_reviews(user):
    return bool(user) and reviewers.user_has_permission(user, "change")


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

    permission_policy = reviewers
    permission_required = "change"

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
        return AdminURLFinder(self.request.user).get_edit_url(review.partner)

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


class DueDiligenceReportViewSet(ReportViewSet):
    name = "partnership_reviews"
    url_prefix = "partnerships/due-diligence-reviews"
    icon = "calendar-check"
    menu_icon = "calendar-check"
    menu_label = _("Due-diligence reviews")
    menu_name = "due-diligence-reviews"
    menu_order = 400
    view_class = DueDiligenceReportView
    results_url = True
