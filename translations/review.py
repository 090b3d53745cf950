"""Translations go through the same review as their source (invariant 4): what a translator typed in
wagtail-localize's editor is saved as a draft of the translation, which is then submitted for review.

wagtail-localize keeps each typed string in its translation memory and writes them into the translated
page or record only when someone publishes it. Its draft path, `save_target(publish=False)`, is no way
round that: on a live translation it writes the unapproved text into the live row of a page, which the
public then reads, and it takes a live record off the site. This builds the translated object in memory
and saves it as a new revision only, leaving what is live untouched until a reviewer approves."""

import re

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext

from wagtail.coreutils import find_available_slug
from wagtail.models import Page, WorkflowState
from wagtail_localize.fields import copy_synchronised_fields
from wagtail_localize.models import StringTranslation, Translation
from wagtail_localize.segments.ingest import ingest_segments


def translation_of(instance):
    """wagtail-localize's Translation that produces `instance`, or None for a translation made by hand."""
    return (
        Translation.objects.filter(
            source__object_id=instance.translation_key, target_locale=instance.locale_id
        )
        .select_related("source", "source__locale", "target_locale")
        .first()
    )


def save_translation_draft(instance, user):
    """Save the translated strings of `instance` (a translated page or record) as its latest revision.

    Strings not translated yet keep the source text, as wagtail-localize does when it publishes."""
    translation = translation_of(instance)
    if translation is None:
        return None
    source = translation.source
    original = source.as_instance()
    target = type(instance).objects.get(pk=instance.pk)
    copy_synchronised_fields(original, target)
    # The same segments wagtail-localize's own save would ingest, falling back to the source text.
    segments = source._get_segments_for_translation(target.locale, fallback=True)
    ingest_segments(original, target, source.locale, target.locale, segments)
    if isinstance(target, Page):
        target.slug = find_available_slug(target.get_parent(), slugify(target.slug), ignore_page_id=target.pk)
    return target.save_revision(user=user)


def is_translation(instance):
    return instance.locale.language_code != settings.LANGUAGE_CODE


def translation_awaits_submission(instance):
    """Cheap enough for every listing row where the locale and workflow states are prefetched. A live
    translation may still await submission: what its translator typed since is not in any revision yet."""
    return is_translation(instance) and not is_alias(instance) and not instance.workflow_in_progress


def reviewer_acts_on(instance, user):
    """Whether `user` may approve or reject the translation `instance` now. Such a reviewer reviews it in
    Wagtail's own editor, as any other draft: its fields, Approve and Request changes in the action
    menu, the comparison with the live version in the status panel. wagtail-localize's editor, which
    the translator keeps, offers none of these."""
    if not is_translation(instance) or is_alias(instance):
        return False
    task_state = getattr(instance, "current_workflow_task_state", None)
    return task_state is not None and bool(task_state.task.specific.get_actions(instance, user))


def is_alias(instance):
    return getattr(instance, "alias_of_id", None) is not None


def translation_submission_problem(instance, user):
    """Why `user` cannot submit `instance` as a translation for review, or None."""
    if not is_translation(instance):
        return gettext("This is the original: submit it for review from its edit page.")
    if is_alias(instance):
        return gettext("This page is an alias of the original: it has no translation of its own to submit.")
    if instance.get_workflow() is None:
        return gettext("No review workflow applies to this record.")
    if instance.workflow_in_progress:
        return gettext("This translation is already awaiting review.")
    lock = instance.get_lock()
    if lock is not None and lock.for_user(user):
        return gettext(
            "Someone else has locked this translation: it cannot be submitted until they unlock it."
        )
    return None


# Placeholders that code fills in: "%(name)s" and "{name}" or "{}".
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|\{\w*\}")


def field_label(model, path):
    """The editor's name for the field a segment comes from ("Summary", not "summary")."""
    try:
        return str(model._meta.get_field(path.split(".")[0]).verbose_name)
    except FieldDoesNotExist:
        return path


def translated_text_problems(translation):
    """What is wrong with the strings typed for `translation`: one sentence a problem, in the
    translator's language. A string left blank, or whose placeholders differ from the original's,
    would reach readers broken."""
    segments = translation.source.stringsegment_set.select_related("string", "context").order_by("order")
    typed = {
        (text.translation_of_id, text.context_id): text.data
        for text in StringTranslation.objects.filter(
            locale=translation.target_locale,
            translation_of__in=[segment.string for segment in segments],
        )
    }
    model = translation.source.specific_content_type.model_class()
    problems = []
    for segment in segments:
        text = typed.get((segment.string_id, segment.context_id))
        if text is None:
            continue
        original = segment.string.data
        placeholders = PLACEHOLDER.findall(original)
        label = field_label(model, segment.context.path)
        if not text.strip() and original.strip():
            problems.append(gettext("The translation of “%(field)s” is empty.") % {"field": label})
        elif sorted(PLACEHOLDER.findall(text)) != sorted(placeholders):
            problems.append(
                gettext(
                    "The translation of “%(field)s” must keep the placeholders of the original: %(placeholders)s."
                )
                % {"field": label, "placeholders": " ".join(placeholders) or "—"}
            )
    return problems


@transaction.atomic
def submit_translation_for_review(instance, user):
    """Save the translator's text as the latest draft, then start (or resume) the review workflow on it.

    Raises ValidationError, with nothing saved, when the translated text is blank, loses a placeholder
    or does not fit its fields."""
    translation = translation_of(instance)
    if translation is not None and (problems := translated_text_problems(translation)):
        raise ValidationError(problems)
    save_translation_draft(instance, user)
    instance.refresh_from_db()
    state = instance.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
    else:
        instance.get_workflow().start(instance, user)
