"""Reviewers' admin for expressions of interest: list, filter, export, read, assign, and turn one into
a draft partner record. Nobody else sees them (they need the model's permissions, which only the
Transparency reviewers group has)."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.views.generic import EditView, IndexView, InspectView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button

from partnerships.models import ExpressionOfInterest
from portal.spreadsheets import FormulaSafeExportMixin

from .partner_records import start_partner_record

PARTNER_EDIT_URL = "wagtailsnippets_partnerships_partner:edit"


class StartPartnerButtonMixin:
    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if self.object.partner_id is None and self.request.user.has_perm("partnerships.add_partner"):
            buttons.append(
                Button(
                    _("Start partner record"),
                    url=reverse("expressions_of_interest:start_partner", args=[self.object.pk]),
                    icon_name="user",
                    priority=5,
                )
            )
        return buttons


class ExpressionOfInterestIndexView(FormulaSafeExportMixin, IndexView):
    pass


class ExpressionOfInterestEditView(StartPartnerButtonMixin, EditView):
    pass


class ExpressionOfInterestInspectView(StartPartnerButtonMixin, InspectView):
    pass


class StartPartnerRecordView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """GET asks for confirmation; POST creates the draft partner and its pending review."""

    permission_required = "change"
    template_name = "partnerships/admin/start_partner_record.html"
    page_title = _("Start partner record")

    def dispatch(self, request, *args, **kwargs):
        self.object = get_object_or_404(ExpressionOfInterest, pk=kwargs["pk"])
        if not request.user.has_perm("partnerships.add_partner"):
            return self.permission_denied()
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(object=self.object, **kwargs)

    def post(self, request, *args, **kwargs):
        already = self.object.partner_id is not None
        partner = start_partner_record(self.object, request.user)
        if already:
            messages.info(request, _("This expression of interest already has a partner record."))
        else:
            messages.success(
                request,
                _(
                    "Draft partner “%(name)s” created with a pending due-diligence review. Write its public "
                    "summary: nothing of the private proposal was copied."
                )
                % {"name": partner.name},
            )
        return redirect(reverse(PARTNER_EDIT_URL, args=[partner.pk]))


class ExpressionOfInterestViewSet(ModelViewSet):
    model = ExpressionOfInterest
    name = "expressions_of_interest"
    icon = "mail"
    menu_label = _("Expressions of interest")
    menu_order = 210
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = ExpressionOfInterestIndexView
    edit_view_class = ExpressionOfInterestEditView
    inspect_view_class = ExpressionOfInterestInspectView
    search_backend_name = None
    search_fields = ["reference", "organisation_name", "contact_name", "email", "proposal"]
    list_display = [
        "reference",
        "organisation_name",
        "organisation_type",
        "country",
        "language",
        "status",
        "assigned_to",
        "submitted_at",
    ]
    list_filter = ["status", "language", "organisation_type", "submitted_at"]
    list_export = [
        "reference",
        "submitted_at",
        "language",
        "status",
        "organisation_name",
        "organisation_type",
        "country",
        "website",
        "contact_name",
        "email",
        "phone",
        "contribution_types",
        "proposal",
        "alignment",
        "consent_given_at",
        "assigned_to",
        "reviewer_notes",
    ]
    export_filename = "expressions-of-interest"
    form_fields = ["status", "assigned_to", "reviewer_notes"]
    ordering = ["-submitted_at"]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("start-partner/<int:pk>/", self.start_partner_view, name="start_partner"),
        ]

    def start_partner_view(self, request, pk):
        view = StartPartnerRecordView.as_view(permission_policy=self.permission_policy)
        return view(request, pk=pk)
