"""Admin views for pages that Wagtail and wagtail-localize do not provide: submitting a translation for
review, and the reviewer's editor."""

from django.conf import settings
from django.contrib import messages
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.pages.edit import EditView as PageEditView
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail.admin.widgets import Button
from wagtail.models import Locale, Page, WorkflowMixin
from wagtail.permissions import policy_registry

from translations.guards import translate_snippet_url
from translations.review import (
    reviewer_acts_on,
    submit_translation_for_review,
    translation_awaits_submission,
    translation_submission_problem,
)


def refused_translation_message(error):
    """Why a translation whose text does not fit its fields was not submitted."""
    return gettext(
        "The translation was not submitted: %(problems)s Correct it in the translation editor and submit it again."
    ) % {"problems": " ".join(error.messages)}


class SubmitTranslationMixin:
    """Confirm, then submit a translation for review. Views set `self.translation` (the translated page
    or record), and define `get_next_url()` and `get_page_subtitle()` (its title)."""

    template_name = "translations/admin/submit_translation.html"
    page_title = _("Submit for review")
    header_icon = "resubmit"

    def dispatch(self, request, *args, **kwargs):
        problem = translation_submission_problem(self.translation, request.user)
        if problem:
            messages.error(request, problem)
            return redirect(self.get_next_url())
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            object=self.get_page_subtitle(),
            language=self.translation.locale.get_display_name(),
            next_url=self.get_next_url(),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        try:
            submit_translation_for_review(self.translation, request.user)
        except ValidationError as error:
            messages.error(request, refused_translation_message(error))
            return redirect(self.get_next_url())
        messages.success(
            request,
            gettext("The %(language)s translation of “%(object)s” has been submitted for review.")
            % {"language": self.translation.locale.get_display_name(), "object": self.get_page_subtitle()},
        )
        return redirect(self.get_next_url())


class SubmitPageTranslationView(SubmitTranslationMixin, WagtailAdminTemplateMixin, TemplateView):
    """A translated page is edited in wagtail-localize's editor, which offers only "Publish": this is
    how its translator sends it to the transparency reviewers instead."""

    def setup(self, request, *args, page_id, **kwargs):
        super().setup(request, *args, **kwargs)
        self.translation = get_object_or_404(Page, pk=page_id).specific

    def get_page_subtitle(self):
        return self.translation.get_admin_display_title()

    def get_next_url(self):
        return get_valid_next_url_from_request(self.request) or reverse(
            "wagtailadmin_explore", args=[self.translation.get_parent().pk]
        )

    def dispatch(self, request, *args, **kwargs):
        if not self.translation.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class TranslatedRecordEditMixin:
    """The edit view of a record translated with wagtail-localize.

    The reviewer of a translation under review gets Wagtail's own editor: the `before_edit_snippet`
    hooks, through which wagtail-localize serves its translation editor instead, are skipped for them.
    The source record offers "Translate" in its header, where its editor looks for it, and not only in
    the listing's menu."""

    def run_before_hook(self):
        if reviewer_acts_on(self.object, self.request.user):
            return None
        return super().run_before_hook()

    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        if self.object.locale.language_code == settings.LANGUAGE_CODE and self.may_translate():
            url = translate_snippet_url(self.object)
            buttons.append(
                Button(_("Translate"), url=url, icon_name="wagtail-localize-language", priority=20)
            )
        return buttons

    def may_translate(self):
        missing_languages = Locale.objects.exclude(
            id__in=self.object.get_translations(inclusive=True).values("locale_id")
        )
        return (
            self.request.user.has_perm("wagtail_localize.submit_translation") and missing_languages.exists()
        )


class ReviewTranslationPageEditView(PageEditView):
    """Wagtail's page editor for the reviewer of a translated page under review (see
    `TranslatedRecordEditMixin`); served by the `before_edit_page` hook that comes before
    wagtail-localize's."""

    def run_hook(self, hook_name, *args, **kwargs):
        if hook_name == "before_edit_page":
            return None
        return super().run_hook(hook_name, *args, **kwargs)


def submit_translation_url(instance, user):
    """Where `user` submits the translated page or record `instance` for review, or None when there is
    nothing for them to submit. The listings' menus and the editors' headers offer it alike."""
    if not isinstance(instance, WorkflowMixin) or not translation_awaits_submission(instance):
        return None
    if isinstance(instance, Page):
        if instance.is_root() or not instance.permissions_for_user(user).can_edit():
            return None
        return reverse("submit_page_translation_for_review", args=[instance.pk])
    if not policy_registry.get(instance).user_has_permission(user, "change"):
        return None
    return reverse(instance.snippet_viewset.get_url_name("submit_translation"), args=[quote(instance.pk)])


def submit_translation_button(url, title, next_url=None):
    """The "Submit translation for review" button of page and record listings."""
    if next_url:
        url += "?" + urlencode({"next": next_url})
    return Button(
        _("Submit translation for review"),
        url,
        icon_name="resubmit",
        priority=105,
        attrs={"aria-label": gettext("Submit the translation “%(title)s” for review") % {"title": title}},
    )


def admin_urls():
    return [
        path(
            "pages/<int:page_id>/submit-translation/",
            SubmitPageTranslationView.as_view(),
            name="submit_page_translation_for_review",
        )
    ]
