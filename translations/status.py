"""The "Translation status" report (Reports › Translation status in the admin).

For each language the content is translated into, it counts the source-language pages and records, how
many of them have no translation in that language, and how many have one that is still a draft (not
yet approved through the review workflow). Each count is done in the database: one query per kind of
content, however many pages and records there are. Counts link to the listing of those very records.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Exists, OuterRef
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from wagtail.admin.views.reports import ReportView
from wagtail.coreutils import get_content_languages
from wagtail.models import DraftStateMixin, Locale, Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail_localize.models import Translation

from partnerships.admin.reports import ReportViewSet
from partnerships.models import Contribution, CooperationArea, Partner

# Whoever may send content for translation (Editors, Transparency reviewers) may see what is missing.
translators = ModelPermissionPolicy(Translation)
TRANSLATE = "submit"


def translation_locales():
    """The locales content is translated into, in the order of the content languages setting."""
    position = {code: index for index, code in enumerate(get_content_languages())}
    locales = Locale.objects.exclude(language_code=settings.LANGUAGE_CODE)
    return sorted(locales, key=lambda locale: position.get(locale.language_code, len(position)))


def translations_in(model, language_code):
    """The rows of `model` in `language_code` that translate the outer query's row, drafts included.

    A page alias only repeats its source page in the other language's tree, so it is not a translation.
    """
    rows = model._default_manager.filter(
        translation_key=OuterRef("translation_key"), locale__language_code=language_code
    )
    if issubclass(model, Page):
        rows = rows.filter(alias_of__isnull=True)
    return rows


def source_rows(model):
    rows = model._default_manager.filter(locale__language_code=settings.LANGUAGE_CODE)
    if issubclass(model, Page):
        rows = rows.filter(depth__gt=1)  # The tree's root is no content.
    return rows


@dataclass(frozen=True)
class ContentKind:
    label: str
    model: type
    # The snippet listing that filters these records; pages have no such listing.
    listing_url_name: str | None = None

    @property
    def has_drafts(self):
        return issubclass(self.model, DraftStateMixin)

    def listing_url(self, **filters):
        if self.listing_url_name is None:
            return ""
        return f"{reverse(self.listing_url_name)}?{urlencode(filters)}"


CONTENT_KINDS = [
    ContentKind(_("Pages"), Page),
    ContentKind(_("Partners"), Partner, "wagtailsnippets_partnerships_partner:list"),
    ContentKind(_("Contributions"), Contribution, "wagtailsnippets_partnerships_contribution:list"),
    ContentKind(_("Cooperation areas"), CooperationArea, "wagtailsnippets_partnerships_cooperationarea:list"),
]


@dataclass
class Tally:
    number: int
    url: str = ""


@dataclass
class ContentStatus:
    label: str
    source: Tally
    missing: Tally
    # None where translations have no draft state (a cooperation area is live once saved).
    draft: Tally | None

    @property
    def tallies(self):
        """In the order of the report's columns."""
        return [self.source, self.missing, self.draft]


@dataclass
class LanguageStatus:
    locale: Locale
    rows: list


def count_translations(kind, locales):
    """{"source": n, "missing_<locale id>": n, "draft_<locale id>": n, …} for one kind, in one query."""
    counts = {"source": Count("pk")}
    for locale in locales:
        translations = translations_in(kind.model, locale.language_code)
        counts[f"missing_{locale.pk}"] = Count("pk", filter=~Exists(translations))
        if kind.has_drafts:
            counts[f"draft_{locale.pk}"] = Count("pk", filter=Exists(translations.filter(live=False)))
    return source_rows(kind.model).order_by().aggregate(**counts)


def translation_status(locales):
    """One LanguageStatus per locale in `locales`, each with a row per kind of content."""
    counts = {kind: count_translations(kind, locales) for kind in CONTENT_KINDS}
    languages = []
    for locale in locales:
        rows = []
        for kind, tally in counts.items():
            draft = None
            if kind.has_drafts:
                draft = Tally(
                    tally[f"draft_{locale.pk}"], kind.listing_url(locale=locale.language_code, live="false")
                )
            rows.append(
                ContentStatus(
                    label=kind.label,
                    source=Tally(tally["source"], kind.listing_url(locale=settings.LANGUAGE_CODE)),
                    missing=Tally(
                        tally[f"missing_{locale.pk}"],
                        kind.listing_url(missing_translation=locale.language_code),
                    ),
                    draft=draft,
                )
            )
        languages.append(LanguageStatus(locale, rows))
    return languages


class TranslationStatusReportView(ReportView):
    page_title = _("Translation status")
    header_icon = "globe"
    template_name = "translations/admin/translation_status.html"
    index_url_name = "partnerships_translation_status:index"
    paginate_by = None
    permission_policy = translators
    permission_required = TRANSLATE

    def get_queryset(self):
        return translation_status(translation_locales())

    def get_context_data(self, **kwargs):
        source_language = Locale(language_code=settings.LANGUAGE_CODE).get_display_name()
        return super().get_context_data(source_language=source_language, **kwargs)


class TranslationStatusViewSet(ReportViewSet):
    name = "partnerships_translation_status"
    url_prefix = "reports/translation-status"
    menu_label = _("Translation status")
    menu_name = "translation-status"
    menu_icon = "globe"
    menu_order = 1300
    view_class = TranslationStatusReportView
