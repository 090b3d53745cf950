"""The demo's organisation settings: its name and footer (snippets translated with wagtail-localize),
its logo, its contact point and the pages its footer links to.

Idempotent: what a setting already names (set by an earlier load or by an administrator) is kept; a
missing translation of the name or the footer is added."""

from django.db import transaction

from wagtail.models import Locale, Site
from wagtail_localize.models import Translation, TranslationSource

from home.models import Footer, Organisation, OrganisationSettings

from .identity import CONTACT_EMAIL, FOOTER_ABOUT, FOOTER_RULES, ORGANISATION_NAME
from .logos import emblem_png, library_image
from .segments import fill_segments

SOURCE_LANGUAGE = "en"
TRANSLATION_LANGUAGES = ["fr", "es", "ar"]


def load_organisation(home, pages_by_key, sitemap_page):
    """Fill the organisation settings of the site rooted at `home` (the English home page)."""
    source = Locale.objects.get(language_code=SOURCE_LANGUAGE)
    settings = OrganisationSettings.for_site(Site.objects.get(root_page=home))
    if settings.organisation_id is None:
        settings.organisation = Organisation.objects.create(locale=source, name=ORGANISATION_NAME.en)
    if settings.footer_id is None:
        rules = [
            ("link", {"label": label.en, "page": pages_by_key[slug], "url": ""})
            for label, slug in FOOTER_RULES
        ]
        settings.footer = Footer.objects.create(locale=source, about=FOOTER_ABOUT.en, rules=rules)
    if settings.logo_id is None:
        settings.logo = library_image(
            f"Emblem of the {ORGANISATION_NAME.en}",
            "organisation-emblem.png",
            emblem_png,
            description=f"Emblem of the {ORGANISATION_NAME.en}",
        )
    if not settings.contact_email and settings.contact_page_id is None:
        settings.contact_email = CONTACT_EMAIL
        settings.contact_page = pages_by_key["apply"]
    if settings.legal_notice_page_id is None:
        settings.legal_notice_page = pages_by_key["legal-notice"]
    if settings.sitemap_page_id is None:
        settings.sitemap_page = sitemap_page
    settings.save()
    texts = {
        text.en: text for text in [ORGANISATION_NAME, FOOTER_ABOUT, *(label for label, _slug in FOOTER_RULES)]
    }
    for snippet in (settings.organisation, settings.footer):
        _translate(snippet, texts)


def _translate(snippet, texts):
    """Add the missing translations of `snippet` with wagtail-localize, from the demo's texts."""
    present = set(
        type(snippet)
        .objects.filter(translation_key=snippet.translation_key)
        .values_list("locale__language_code", flat=True)
    )
    locales = [
        Locale.objects.get(language_code=code) for code in TRANSLATION_LANGUAGES if code not in present
    ]
    if not locales:
        return
    with transaction.atomic():
        source, _created = TranslationSource.update_or_create_from_instance(snippet)
        fill_segments(source, locales, texts.get, repr(snippet))
        for locale in locales:
            translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
            translation.save_target(publish=True)
