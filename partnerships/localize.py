"""Show each record in the reader's language, falling back to the source when a translation is not live.

Lists are built from source-language rows (they decide visibility and figures); this swaps in the text
of the live translations with one query per list, however long the list."""

from django.conf import settings

from home.locales import active_locale
from partnerships.models import CooperationArea


class Localized:
    """A public record as one reader sees it: `source` for codes, amounts and links, `text` for prose."""

    def __init__(self, source, translation, language):
        self.source = source
        self.text = translation or source
        self.is_fallback = translation is None and language != settings.LANGUAGE_CODE
        # The language the prose is actually in, for the lang attribute.
        self.language = language if translation is not None else settings.LANGUAGE_CODE

    def __getattr__(self, name):
        return getattr(self.source, name)


def localize_records(records, locale=None):
    """Wrap source records in Localized, reading their live translations in `locale` in one query."""
    records = list(records)
    locale = locale or active_locale()
    language = locale.language_code
    if not records:
        return []
    model = type(records[0])
    if language == settings.LANGUAGE_CODE:
        return [Localized(record, record, language) for record in records]
    translations = {
        row.translation_key: row
        for row in model.objects.filter(
            locale=locale, live=True, translation_key__in=[record.translation_key for record in records]
        )
    }
    return [Localized(record, translations.get(record.translation_key), language) for record in records]


def area_names(locale=None):
    """{source area id: name in the reader's language}, for labelling filters and cards in one query."""
    locale = locale or active_locale()
    areas = list(
        CooperationArea.objects.filter(
            locale__language_code__in={settings.LANGUAGE_CODE, locale.language_code}
        ).select_related("locale")
    )
    source_ids = {a.translation_key: a.pk for a in areas if a.locale.language_code == settings.LANGUAGE_CODE}
    names = {a.translation_key: a.name for a in areas if a.locale.language_code == settings.LANGUAGE_CODE}
    names.update({a.translation_key: a.name for a in areas if a.locale_id == locale.pk})
    return {source_ids[key]: names[key] for key in source_ids}
