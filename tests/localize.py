"""Translating through wagtail-localize's admin views, as a translator does it: shared by the tests of
the translators' workflow."""

from django.contrib.admin.utils import quote
from django.urls import reverse
from django.utils.http import urlencode

from wagtail.models import Page
from wagtail_localize.models import Translation


def translation_into(instance, locale):
    return Translation.objects.get(source__object_id=instance.translation_key, target_locale=locale)


def type_translations(client, translation, texts):
    """What the translator types in wagtail-localize's editor: one request per string, by field."""
    segments = translation.source.stringsegment_set.select_related("context")
    typed = set()
    for segment in segments:
        if segment.context.path not in texts:
            continue
        url = reverse(
            "wagtail_localize:edit_string_translation",
            kwargs={"translation_id": translation.pk, "string_segment_id": segment.pk},
        )
        response = client.put(
            url,
            urlencode({"value": texts[segment.context.path]}),
            content_type="application/x-www-form-urlencoded",
        )
        assert response.status_code in (200, 201), response.content
        typed.add(segment.context.path)
    assert typed == set(texts), f"No string segment for {set(texts) - typed}"


def translate_url(instance):
    """wagtail-localize's "Translate" form for a page or a record."""
    if isinstance(instance, Page):
        return reverse("wagtail_localize:submit_page_translation", args=[instance.pk])
    opts = instance._meta
    return reverse(
        "wagtail_localize:submit_snippet_translation",
        args=[opts.app_label, opts.model_name, quote(instance.pk)],
    )


def edit_url(instance):
    if isinstance(instance, Page):
        return reverse("wagtailadmin_pages:edit", args=[instance.pk])
    return reverse(instance.snippet_viewset.get_url_name("edit"), args=[quote(instance.pk)])


def submit_for_review_url(instance):
    if isinstance(instance, Page):
        return reverse("submit_page_translation_for_review", args=[instance.pk])
    return reverse(instance.snippet_viewset.get_url_name("submit_translation"), args=[quote(instance.pk)])


def translate(client, instance, locale, texts, capture_on_commit):
    """Ask for a translation, type `texts` into it and return the translated draft."""
    with capture_on_commit(execute=True):
        response = client.post(translate_url(instance), {"locales": [locale.pk]})
    assert response.status_code == 302, response.content
    type_translations(client, translation_into(instance, locale), texts)
    translated = instance.get_translation(locale)
    return translated.specific if isinstance(translated, Page) else translated


def form_data(form):
    """What a browser posts for the BeautifulSoup `form` as it stands: the way to press one of the
    admin's buttons without retyping the whole form."""
    data = {}
    for field in form.select("input[name], textarea[name], select[name]"):
        name = field["name"]
        if field.has_attr("disabled"):
            continue
        if field.name == "textarea":
            value = field.get_text()
        elif field.name == "select":
            selected = field.select("option[selected]")
            values = [option.get("value", option.get_text()) for option in selected]
            if field.has_attr("multiple"):
                data.setdefault(name, []).extend(values)
                continue
            value = values[0] if values else ""
        elif field.get("type") in ("checkbox", "radio"):
            if not field.has_attr("checked"):
                continue
            value = field.get("value", "on")
            if field.get("type") == "checkbox":
                data.setdefault(name, []).append(value)
                continue
        elif field.get("type") in ("submit", "button", "image", "file"):
            continue
        else:
            value = field.get("value", "")
        data[name] = value
    return data
