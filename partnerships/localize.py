"""Show each record in the reader's language, falling back to the source when a translation is not live.

Lists are built from source-language rows (they decide visibility and figures); this swaps in the text
of the live translations with one query per list, however long the list."""

from dataclasses import dataclass

from django.db.models import OuterRef, Subquery
from django.db.models.functions import Coalesce, Greatest

from partnerships.models.taxonomy import CooperationArea
from portal.locales import active_locale, in_source_language, is_source_language, sort_key, source_language


class Localized:
    """A public record as one reader sees it: `source` for codes, amounts and links, `text` for prose."""

    def __init__(self, source, translation, language):
        self.source = source
        self.text = translation or source
        self.is_fallback = translation is None and not is_source_language(language)
        # The language the prose is actually in, for the lang attribute.
        self.language = language if translation is not None else source_language()

    def __getattr__(self, name):
        return getattr(self.source, name)


def with_change_date(records, locale):
    """`records` (public source rows) annotated with `changed_at`: when the record, as a reader in
    `locale` sees it, last changed, i.e. the later of the record's and its live translation's last
    publication. A translation that is not live (not yet approved) does not count."""
    translated = records.model.objects.filter(
        translation_key=OuterRef("translation_key"), locale=locale, live=True
    ).values("last_published_at")[:1]
    published = Coalesce("last_published_at", "first_published_at")
    # Coalesced on both sides: SQLite's MAX() of anything and NULL is NULL.
    return records.annotate(translated_at=Subquery(translated)).annotate(
        changed_at=Greatest(published, Coalesce("translated_at", published))
    )


def publication_dates(records, locale):
    """(slug, last change) of each record in `records` (public source rows) as a page in a locale shows
    it, for the sitemap (see with_change_date)."""
    return with_change_date(records, locale).order_by("slug").values_list("slug", "changed_at")


def localize_records(records, locale=None):
    """Wrap source records in Localized, reading their live translations in `locale` in one query."""
    records = list(records)
    locale = locale or active_locale()
    language = locale.language_code
    if not records:
        return []
    model = type(records[0])
    if is_source_language(language):
        return [Localized(record, record, language) for record in records]
    translations = {
        row.translation_key: row
        for row in model.objects.filter(
            locale=locale, live=True, translation_key__in=[record.translation_key for record in records]
        )
    }
    return [Localized(record, translations.get(record.translation_key), language) for record in records]


@dataclass(frozen=True)
class Area:
    id: int
    slug: str
    name: str
    is_fallback: bool


def localized_areas(queryset=None, locale=None):
    """Source-language cooperation areas (all, or those in `queryset`) named in the reader's language
    and sorted for it (accent- and case-blind), from one query. The one source of area names: the
    directory, the register, the apply form, updates and blocks all list areas from here."""
    locale = locale or active_locale()
    queryset = CooperationArea.objects.all() if queryset is None else queryset
    local_name = CooperationArea.objects.filter(
        translation_key=OuterRef("translation_key"), locale=locale
    ).values("name")[:1]
    rows = (
        queryset.filter(in_source_language())
        .annotate(local_name=Subquery(local_name))
        .values_list("pk", "slug", "name", "local_name")
    )
    areas = [Area(pk, slug, local or name, local is None) for pk, slug, name, local in rows]
    return sorted(areas, key=lambda area: sort_key(area.name))


def area_names(locale=None):
    """{source area id: name in the reader's language}."""
    return {area.id: area.name for area in localized_areas(locale=locale)}


def area_choices(locale=None):
    """[(slug, name in the reader's language)], sorted for the reader: the options of area filters."""
    return [(area.slug, area.name) for area in localized_areas(locale=locale)]
