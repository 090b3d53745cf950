"""Filling wagtail-localize's translation memory from the demo's texts: the one step that pages
(site.py) and records (records.py) share before wagtail-localize saves their translations."""

from wagtail_localize.models import StringSegment, StringTranslation
from wagtail_localize.strings import StringValue

from .text import DemoContentError


def fill_segments(source, locales, text_for, what):
    """Give every string segment of `source` (a TranslationSource) its text in each of `locales`, as a
    translator would type it in wagtail-localize's editor. `text_for(english)` returns the T holding a
    segment's English text, or None; `what` names the source in the error raised when a text is missing.

    One insert for all the segments, replacing earlier translations of the same segments. Saving them
    one by one would only add the checks wagtail-localize makes on text typed by hand (the texts here
    are plain text, escaped) and refresh the draft title of a page translation that does not exist
    yet."""
    rows = []
    for segment in StringSegment.objects.filter(source=source).select_related("string"):
        english = StringValue(segment.string.data).render_text()
        text = text_for(english)
        for locale in locales:
            code = locale.language_code
            if text is None or not text.in_language(code):
                raise DemoContentError(f"No {code} text for “{english}” in {what}.")
            rows.append(
                StringTranslation(
                    translation_of_id=segment.string_id,
                    locale=locale,
                    context_id=segment.context_id,
                    data=StringValue.from_plaintext(text.in_language(code)).data,
                    translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
                )
            )
    StringTranslation.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["locale", "translation_of", "context"],
        update_fields=["data", "translation_type", "has_error", "updated_at"],
    )
