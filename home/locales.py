"""One place for "which page or record belongs to the reader's language"."""

from django.conf import settings
from django.utils import translation

from wagtail.models import Locale, Page, Site


def language_name(code):
    """A language's name in that language itself, as a language switcher shows it."""
    return translation.get_language_info(code)["name_local"]


def active_locale():
    return Locale.get_active()


def locale_home(request, locale):
    """The live home page of `locale` on the request's site, or None when it has no live translation."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    root = site.root_page
    if root.locale_id == locale.pk:
        return root if root.live else None
    return root.get_translations().filter(locale=locale).live().first()


def current_home(request):
    """The reader's home page, falling back to the site's default-language root (one query: the
    locale is matched by its language code in the same query)."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    root = site.root_page
    home = (
        Page.objects.filter(
            translation_key=root.translation_key, locale__language_code=translation.get_language()
        )
        .live()
        .first()
    )
    return home or root


def live_translations(page):
    """{language code: live page} for `page` and each of its live translations."""
    if not isinstance(page, Page):
        return {}
    translations = page.get_translations(inclusive=True).live().select_related("locale")
    return {p.locale.language_code: p for p in translations}


def content_language_codes():
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
