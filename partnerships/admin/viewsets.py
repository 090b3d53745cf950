"""The "Partnerships" admin menu: partners, contributions and cooperation areas as snippets with
drafts, the review workflow and translation, and the due-diligence reviews (registered in
wagtail_hooks.py)."""

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.forms.choosers import BaseFilterForm, SearchFilterMixin
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
from wagtail.models import Locale, Revision, WorkflowState
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet
from wagtail.snippets.views.snippets import (
    CreateView,
    DeleteView,
    EditView,
    IndexView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from partnerships.admin.filters import ContributionFilterSet, CooperationAreaFilterSet, PartnerFilterSet
from partnerships.admin.rates import ExchangeRateViewSet
from partnerships.admin.reviews import DueDiligenceReviewViewSet, PartnerReviewsPanel, decided_review_exists
from partnerships.admin.stale_edits import RefuseStaleEditsMixin
from partnerships.models import (
    Contribution,
    CooperationArea,
    Partner,
)
from portal.spreadsheets import FormulaSafeExportMixin
from translations.views import SubmitTranslationMixin, TranslatedRecordEditMixin


class SourceLanguageCreateMixin:
    """New records start in the source language (English), the record of truth that relations point at;
    the other languages are translations of it, made with wagtail-localize ("Translate")."""

    def get_locale(self):
        return Locale.get_default()

    def get_translations(self):
        return []


class SourceLanguageCreateView(SourceLanguageCreateMixin, CreateView):
    pass


class PublishBlockersMixin:
    @cached_property
    def publish_blockers(self):
        """Why the version being edited cannot be published (partnerships.publishing), shown in the
        status side panel (wagtailadmin/shared/side_panels/includes/status/workflow.html) before the
        editor submits it."""
        return self.object.get_publish_blockers()


class ContributionEditView(PublishBlockersMixin, RefuseStaleEditsMixin, TranslatedRecordEditMixin, EditView):
    pass


class PartnerEditView(PublishBlockersMixin, RefuseStaleEditsMixin, TranslatedRecordEditMixin, EditView):
    pass


class PartnerDeleteView(DeleteView):
    """Wagtail's delete view asks only whether the user may delete partners at all; this asks about this
    one, which may have a decided review to keep on file (`PartnerPermissionPolicy`)."""

    def get_object(self, queryset=None):
        partner = super().get_object(queryset)
        if not self.user_has_permission_for_instance("delete", partner):
            raise PermissionDenied
        return partner


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


def remember_scheduled_revisions(records):
    """Wagtail's status tag asks each record for its scheduled revision (DraftStateMixin's cached
    `scheduled_revision`), one query per row: read those of a whole page in one query instead."""
    records = list(records)
    if not records:
        return
    scheduled = {}
    revisions = Revision.objects.filter(
        base_content_type=records[0].get_base_content_type(),
        object_id__in=[str(record.pk) for record in records],
        approved_go_live_at__isnull=False,
    ).order_by("pk")
    for revision in revisions:
        scheduled.setdefault(revision.object_id, revision)
    for record in records:
        record.__dict__["scheduled_revision"] = scheduled.get(str(record.pk))


class RecordIndexView(FormulaSafeExportMixin, IndexView):
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

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        remember_scheduled_revisions(context["object_list"])
        return context

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
    def get_base_queryset(self):
        # Whether each partner may be deleted, in the listing's one query (`PartnerPermissionPolicy`).
        return super().get_base_queryset().annotate(has_decided_review=decided_review_exists())

    def get_delete_url(self, instance):
        # Not offered where it would be refused: a partner with a decided review stays on file.
        if self.user_has_permission_for_instance("delete", instance):
            return super().get_delete_url(instance)
        return None

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
    add_view_class = SourceLanguageCreateView
    edit_view_class = PartnerEditView
    delete_view_class = PartnerDeleteView
    chooser_viewset_class = PartnerChooserViewSet
    # Reviewers see the partner's due-diligence reviews beside its form (they are not part of it).
    panels = [*Partner.panels, PartnerReviewsPanel(heading=_("Due-diligence reviews"))]
    # A copy would be a new organisation without its due-diligence history: create it anew.
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
        "booked_value",
        "booked_currency",
        "reporting_value",
        "reporting_currency",
        "get_value_basis_display",
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
        "get_value_basis_display": _("How the value in the reporting currency was obtained"),
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


class PartnershipsViewSetGroup(SnippetViewSetGroup):
    items = (
        PartnerViewSet,
        ContributionViewSet,
        CooperationAreaViewSet,
        ExchangeRateViewSet,
        DueDiligenceReviewViewSet,
    )
    menu_label = _("Partnerships")
    menu_name = "partnerships"
    menu_icon = "group"
    menu_order = 150
