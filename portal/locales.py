"""One place for languages: the reader's locale, the source language, pages in the reader's language,
and the order of names in it."""

import unicodedata
from typing import NamedTuple

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import translation

from wagtail.models import Locale, Page, Site

from portal.content_cache import remembered, site_part
from portal.restrictions import without_restricted

LOCALE_CACHE_KEY = "locale-for-language:{}"
# Locales change only when an administrator edits them, which forgets them in this process's cache;
# other processes with a cache of their own (no REDIS_URL) catch up after this.
LOCALE_CACHE_SECONDS = 3600


def language_name(code):
    """A language's name in that language itself, as a language switcher shows it."""
    return translation.get_language_info(code)["name_local"]


def source_language():
    """The language records and pages are written in first; translations follow it."""
    return settings.LANGUAGE_CODE


def is_source_language(code):
    return code == settings.LANGUAGE_CODE


def in_source_language(prefix=""):
    """A Q() for the rows in the source language, e.g. in_source_language("cooperationarea__")."""
    return Q(**{f"{prefix}locale__language_code": settings.LANGUAGE_CODE})


def sort_key(text):
    """Accent- and case-blind alphabetical order, so "Émirats" sorts with the Es."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def locale_for(language):
    """The Locale of `language`. Cached: it is asked for many times a request (every list, block and
    template tag that localises, every record asking whether it is the source), which would otherwise
    cost a query each time; the four locales are made by a migration and change only when an
    administrator edits them."""
    key = LOCALE_CACHE_KEY.format(language)
    locale = cache.get(key)
    if locale is None:
        locale = Locale.objects.get_for_language(language)
        cache.set(key, locale, timeout=LOCALE_CACHE_SECONDS)
    return locale


def active_locale():
    """The Locale of the reader's (active) language; the source locale for a language without one."""
    try:
        return locale_for(translation.get_language() or settings.LANGUAGE_CODE)
    except (Locale.DoesNotExist, LookupError):
        return source_locale()


def source_locale():
    """The Locale records and pages are written in first."""
    return locale_for(settings.LANGUAGE_CODE)


@receiver([post_save, post_delete], sender=Locale)
def forget_cached_locales(**kwargs):
    keys = [LOCALE_CACHE_KEY.format(code) for code, _name in settings.LANGUAGES]
    transaction.on_commit(lambda: cache.delete_many(keys))


class Link(NamedTuple):
    """A page as the menu, the breadcrumbs and the language links draw it."""

    title: str
    url: str
    path: str


def page_link(request, page):
    return Link(page.title, page.get_url(request) or "", page.path)


def _locale_home(site, language):
    """The live home page of `language` on `site`, else None."""
    root = site.root_page
    try:
        locale = locale_for(language)
    except Locale.DoesNotExist:
        return None
    if root.locale_id == locale.pk:
        return root if root.live else None
    return root.get_translations().filter(locale=locale).live().first()


def home_and_menu(request):
    """The reader's home page (falling back to the site's root) and its live menu pages that anyone may
    read, as Links: worked out once per content version for each site and language."""
    language = translation.get_language()
    # The header and the breadcrumbs both ask, once each.
    cached = getattr(request, "_portal_menu", None)
    if cached is not None and cached[0] == language:
        return cached[1]
    site = Site.find_for_request(request)

    def build():
        if site is None:
            return None, []
        home = _locale_home(site, language) or site.root_page
        # Titles and URLs are all a menu needs: no .specific(), which would cost a query per page type.
        children = without_restricted(home.get_children().live().in_menu()).defer_streamfields()
        return page_link(request, home), [page_link(request, page) for page in children]

    menu = remembered(f"menu:{site_part(request)}:{language}", build)
    request._portal_menu = (language, menu)
    return menu


def current_home(request):
    """The reader's home page as a Link (see home_and_menu)."""
    return home_and_menu(request)[0]


def translation_urls(request, page):
    """{language code: (address, whether it is the page itself)} for each content language: the page's
    live translation in it, else that language's home page (None when there is none either). Worked out
    once per content version for each site and page."""
    site = Site.find_for_request(request)

    def build():
        translations = live_translations(page)
        urls = {}
        for code in content_language_codes():
            if code in translations:
                urls[code] = (translations[code].get_url(request), True)
            else:
                home = _locale_home(site, code) if site is not None else None
                urls[code] = (home.get_url(request) if home is not None else None, False)
        return urls

    return remembered(f"translations:{site_part(request)}:{page.pk}", build)


def live_translations(page):
    """{language code: live page} for `page` and each of its live translations."""
    if not isinstance(page, Page):
        return {}
    translations = page.get_translations(inclusive=True).live().select_related("locale")
    return {p.locale.language_code: p for p in translations}


def content_language_codes():
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
