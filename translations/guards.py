"""wagtail-localize's admin views, without their back doors around the review workflow (invariant 4).

Three of its actions write translated content to a live page, or make a page live, for anyone who may
edit it or submit translations, with no review and no publish-permission check:

* "Sync translated pages/snippets" with "Publish immediately" publishes every translation after the
  transaction commits, through a revision published with no user, so Wagtail's check never runs;
* "Convert to alias" copies the source's content and live status onto the translation;
* "Translate this page" into a language that has only an alias, or with "Include subtree" over pages
  already translated, saves what is in translation memory straight into those live pages;
* "Translate" on a record without drafts (a cooperation area) creates translations that are public at
  once, for anyone who may submit translations, even without permission to change such records.

A fourth needs no button: translating a page whose parent has no translation in that language makes
Wagtail copy the parent as a live alias of the source, public at once under the new language.
`parent_copies_are_draft_translations` turns each such copy into a draft translation of its own.

They stay available to users who may publish the page or record themselves, as Wagtail's own Publish
button does. For everyone else the options are taken away and the actions refused: editors translate,
then submit the translation for review (`translations.review`).

Each view is served at wagtail-localize's own address, which these patterns shadow: `translations`
comes before `wagtail_localize` in INSTALLED_APPS, so its admin URLs are matched first."""

from django import forms
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.dispatch import receiver
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext

from wagtail.models import DraftStateMixin, Page
from wagtail.permissions import policy_registry
from wagtail.signals import copy_for_translation_done
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.views import convert
from wagtail_localize.views.submit_translations import SubmitPageTranslationView, SubmitSnippetTranslationView
from wagtail_localize.views.update_translations import UpdateTranslationsView


def user_can_publish(user, instance):
    # A record without drafts (a cooperation area) is "published" by saving it.
    action = "publish" if isinstance(instance, DraftStateMixin) else "change"
    return policy_registry.get(instance).user_has_permission_for_instance(user, action, instance)


def translate_snippet_url(instance):
    """wagtail-localize's "Translate" form for a record (served here, see `admin_urls`)."""
    opts = instance._meta
    return reverse(
        "wagtail_localize:submit_snippet_translation",
        args=[opts.app_label, opts.model_name, quote(instance.pk)],
    )


def take_away(field):
    """A disabled field ignores what is posted and cleans to its initial value; hidden, it is not shown."""
    field.disabled = True
    field.widget = forms.HiddenInput()


class ReviewedUpdateTranslationsView(UpdateTranslationsView):
    def get_form(self):
        form = super().get_form()
        if not user_can_publish(self.request.user, self.object.get_source_instance()):
            take_away(form.fields["publish_translations"])
        return form


class DraftTranslationMessageMixin:
    """wagtail-localize says the object "was successfully submitted for translation", which translators
    read as submitted for review: say what was made and what comes next."""

    def get_success_message(self, locales):
        return gettext(
            "“%(object)s” now has a draft translation into %(languages)s. Translate its text, then press "
            "“Submit translation for review”: it stays off the public site until a reviewer approves it."
        ) % {"object": self.get_subtitle(), "languages": locales}


class ReviewedSubmitPageTranslationView(DraftTranslationMessageMixin, SubmitPageTranslationView):
    def get_form(self):
        form = super().get_form()
        if not user_can_publish(self.request.user, self.object):
            locales = form.fields["locales"]
            # wagtail-localize offers the languages where the page is only an alias, to convert them.
            locales.queryset = locales.queryset.exclude(
                id__in=self.object.get_translations().values("locale_id")
            )
            take_away(form.fields["include_subtree"])
        return form


class ReviewedSubmitSnippetTranslationView(DraftTranslationMessageMixin, SubmitSnippetTranslationView):
    def dispatch(self, request, *args, **kwargs):
        instance = self.get_object()
        if not isinstance(instance, DraftStateMixin) and not user_can_publish(request.user, instance):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def convert_to_alias(request, page_id):
    if not user_can_publish(request.user, get_object_or_404(Page, id=page_id)):
        raise PermissionDenied
    return convert.convert_to_alias(request, page_id)


@receiver(copy_for_translation_done)
def parent_copies_are_draft_translations(sender, source_obj, target_obj, **kwargs):
    """Wagtail copies the missing parents of a page being translated as aliases of their source, live
    when the source is (and made live again whenever the source is published). Whichever path asked
    for the copy, it becomes a draft translation that wagtail-localize's editor opens and that goes
    through review like any other."""
    if not isinstance(target_obj, Page) or target_obj.alias_of_id is None:
        return
    if target_obj.locale_id == source_obj.locale_id:
        return  # an alias in the same language is not a translation
    Page.objects.filter(pk=target_obj.pk).update(
        live=False, has_unpublished_changes=True, live_revision=None, first_published_at=None
    )
    source, _ = TranslationSource.get_or_create_from_instance(source_obj.specific)
    translation, _ = Translation.objects.update_or_create(
        source=source, target_locale_id=target_obj.locale_id, defaults={"enabled": True}
    )
    # wagtail-localize turns the alias into a page of its own, as when an alias is translated.
    translation.save_target(publish=False)


def admin_urls():
    return [
        path(
            "localize/update/<int:translation_source_id>/",
            ReviewedUpdateTranslationsView.as_view(),
            name="reviewed_update_translations",
        ),
        path(
            "localize/submit/page/<int:page_id>/",
            ReviewedSubmitPageTranslationView.as_view(),
            name="reviewed_submit_page_translation",
        ),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            ReviewedSubmitSnippetTranslationView.as_view(),
            name="reviewed_submit_snippet_translation",
        ),
        path(
            "localize/page/<int:page_id>/convert_to_alias/",
            convert_to_alias,
            name="reviewed_convert_to_alias",
        ),
    ]
