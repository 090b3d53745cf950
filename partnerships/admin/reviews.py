"""Due-diligence reviews in the admin: internal, so only users with the reviewers' permissions (the
Transparency reviewers and superusers) find, open or record them; everyone else is refused, by menu and
by address alike.

Reviews are records of their own, outside the partner's revisions: recording one is saving it, and a
rejection or withdrawal takes effect at once (partnerships.signals). A decided review is final: it can
be read, never edited or deleted; a correction is a new review, so every decision stays on file. The
listing, with its filters, is the due-diligence report."""

import datetime

import django_filters

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Exists, F, OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import Panel
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic import CreateView, DeleteView, EditView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.widgets import AdminSnippetChooser

from partnerships.models import DueDiligenceReview, Partner, ReviewDecision, ReviewType
from portal.locales import in_source_language

VIEWSET_NAME = "partnership_reviews"


class ReviewPermissionPolicy(ModelPermissionPolicy):
    """The reviewers' model permissions, and a decided review is final for everyone, superusers too."""

    FINAL_ACTIONS = {"change", "delete"}

    def user_has_permission_for_instance(self, user, action, instance):
        if action in self.FINAL_ACTIONS and instance.is_decided:
            return False
        return super().user_has_permission_for_instance(user, action, instance)


reviewers = ReviewPermissionPolicy(DueDiligenceReview)


def decided_review_exists():
    """For a partner queryset's `annotate(has_decided_review=…)`: what `has_decided_review` then reads."""
    return Exists(
        DueDiligenceReview.objects.filter(partner=OuterRef("pk")).exclude(decision=ReviewDecision.PENDING)
    )


def has_decided_review(partner):
    known = getattr(partner, "has_decided_review", None)
    if known is not None:
        return known
    return partner.due_diligence_reviews.exclude(decision=ReviewDecision.PENDING).exists()


class PartnerPermissionPolicy(ModelPermissionPolicy):
    """Deleting a partner would delete its reviews with it: one with a decided review stays on file, for
    everyone, as the review itself does. A translation has no reviews of its own (they are its source's)."""

    def user_has_permission_for_instance(self, user, action, instance):
        if action == "delete" and has_decided_review(instance):
            return False
        return super().user_has_permission_for_instance(user, action, instance)


partners = PartnerPermissionPolicy(Partner)


def can_see_reviews(user):
    return bool(user) and reviewers.user_has_permission(user, "view")


def reviews_url(partner):
    """The partner's reviews in the reviewers' listing."""
    return reverse(f"{VIEWSET_NAME}:index") + "?" + urlencode({"partner": partner.pk})


def inspect_url(review):
    return reverse(f"{VIEWSET_NAME}:inspect", args=[review.pk])


def record_review_url(partner):
    return reverse(f"{VIEWSET_NAME}:add") + "?" + urlencode({"partner": partner.pk})


class PartnerReviewsPanel(Panel):
    """On the partner's edit view, for reviewers only: its recorded reviews, newest first, and where to
    record the next one. Reviews are not part of the partner's form or revisions."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "partnerships/admin/partner_reviews_panel.html"

        @cached_property
        def partner(self):
            # A translation's reviews are its source's: reviews are of the organisation.
            return self.instance.get_source() if self.instance.pk else None

        def is_shown(self):
            return self.partner is not None and can_see_reviews(self.request.user)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            finder = AdminURLFinder(self.request.user)
            reviews = self.partner.due_diligence_reviews.order_by("-recorded_at", "-pk")
            context.update(
                # A pending review is completed, a decided one only read.
                reviews=[(review, finder.get_edit_url(review) or inspect_url(review)) for review in reviews],
                reviews_url=reviews_url(self.partner),
                record_url=record_review_url(self.partner)
                if reviewers.user_has_permission(self.request.user, "add")
                else None,
            )
            return context


class ReviewsDue(django_filters.ChoiceFilter):
    WINDOWS = {"overdue": 0, "90": 90, "180": 180, "365": 365}

    def filter(self, qs, value):
        if value not in self.WINDOWS:
            return qs
        today = timezone.localdate()
        return qs.filter(next_review_due__lte=today + datetime.timedelta(days=self.WINDOWS[value]))


class PartnerFilterChooser(AdminSnippetChooser):
    """Wagtail's chooser looks up whatever the address holds; a partner id that is not a number is no
    partner (the filter then says the choice is invalid) rather than a server error."""

    def __init__(self, **kwargs):
        super().__init__(Partner, **kwargs)

    def get_instance(self, value):
        try:
            return super().get_instance(value)
        except (ValueError, ValidationError):
            return None


class DueDiligenceReviewFilterSet(WagtailFilterSet):
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
    # A chooser, not a list of every partner: there may be thousands.
    partner = django_filters.ModelChoiceFilter(
        label=_("Partner"),
        queryset=Partner.objects.filter(in_source_language()),
        widget=PartnerFilterChooser(),
    )

    class Meta:
        model = DueDiligenceReview
        fields = ["due", "decision", "review_type", "partner"]


def _date(field):
    # The calendar date itself: "in 3 months" is too vague for a review schedule.
    def accessor(review):
        value = getattr(review, field)
        return date_format(value, "DATE_FORMAT") if value else ""

    return accessor


class DueDiligenceReviewIndexView(IndexView):
    """Every recorded review, soonest next review first: what the reviewers must look at next."""

    page_title = _("Due-diligence reviews")
    default_ordering = "next_review_due"

    def get_base_queryset(self):
        return DueDiligenceReview.objects.select_related("partner", "contribution")

    sortable_fields = {"partner__name", "decision", "decided_on", "next_review_due", "recorded_at"}

    def order_queryset(self, queryset):
        if not self.ordering or self.ordering.lstrip("-") not in self.sortable_fields:
            return queryset.order_by(F("next_review_due").asc(nulls_last=True), "partner__name", "pk")
        field = F(self.ordering.lstrip("-"))
        order = field.desc(nulls_last=True) if self.ordering.startswith("-") else field.asc(nulls_last=True)
        return queryset.order_by(order, "partner__name", "pk")

    def get_edit_url(self, instance):
        if reviewers.user_has_permission_for_instance(self.request.user, "change", instance):
            return super().get_edit_url(instance)
        return None

    def get_delete_url(self, instance):
        if reviewers.user_has_permission_for_instance(self.request.user, "delete", instance):
            return super().get_delete_url(instance)
        return None

    def partner_edit_url(self, review):
        # The review itself is opened from the row's buttons: Edit while pending, Inspect once decided.
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
            Column("decided_on", label=_("Decided on"), accessor=_date("decided_on"), sort_key="decided_on"),
            Column(
                "next_review_due",
                label=_("Next review due"),
                accessor=_date("next_review_due"),
                sort_key="next_review_due",
            ),
        ]


class RecordingMixin:
    """Whoever saves the review records it (and its decision), now; the message says what followed."""

    def save_instance(self):
        self.form.instance.recorded_by = self.request.user
        self.form.instance.recorded_at = timezone.now()
        return super().save_instance()

    def get_success_message(self, *args):
        # CreateView passes the instance, EditView does not: the saved review is self.object either way.
        if self.object.takes_partner_off_the_site:
            return gettext(
                "The review of “%(partner)s” is recorded. The partner and its contributions are off the "
                "public site, in every language."
            ) % {"partner": self.object.partner}
        return super().get_success_message(*args)

    def get_success_buttons(self):
        # A decided review is final: there is nothing to edit.
        return [] if self.object.is_decided else super().get_success_buttons()


class DueDiligenceReviewCreateView(RecordingMixin, CreateView):
    def get_initial(self):
        # "Record a review" on a partner's edit view names the partner; anything else is ignored.
        initial = super().get_initial()
        partner = self.request.GET.get("partner", "")
        if partner.isdigit() and Partner.objects.filter(in_source_language(), pk=partner).exists():
            initial["partner"] = partner
        return initial


class FinalReviewMixin:
    """A decided review is final: its edit and delete views refuse it (the listing links to Inspect)."""

    final_action = None

    def get_object(self, queryset=None):
        review = super().get_object(queryset)
        if not reviewers.user_has_permission_for_instance(self.request.user, self.final_action, review):
            raise PermissionDenied
        return review


class DueDiligenceReviewEditView(FinalReviewMixin, RecordingMixin, EditView):
    final_action = "change"


class DueDiligenceReviewDeleteView(FinalReviewMixin, DeleteView):
    final_action = "delete"


class DueDiligenceReviewViewSet(ModelViewSet):
    model = DueDiligenceReview
    name = VIEWSET_NAME
    url_prefix = "partnerships/due-diligence-reviews"
    icon = "calendar-check"
    menu_label = _("Due-diligence reviews")
    menu_name = "due-diligence-reviews"
    menu_order = 400
    index_view_class = DueDiligenceReviewIndexView
    add_view_class = DueDiligenceReviewCreateView
    edit_view_class = DueDiligenceReviewEditView
    delete_view_class = DueDiligenceReviewDeleteView
    filterset_class = DueDiligenceReviewFilterSet
    inspect_view_enabled = True
    copy_view_enabled = False
    list_per_page = 50
