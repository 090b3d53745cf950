"""One place for languages: the reader's locale, the source language, pages in the reader's language,
and the order of names in it."""

import unicodedata

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import translation

from wagtail.models import Locale, Page, Site

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
    """The reader's home page, falling back to the site's default-language root (one query per request:
    the locale is matched by its language code in the same query)."""
    language = translation.get_language()
    # Remembered for the request: the header, the footer and the breadcrumbs each ask for it.
    cached = getattr(request, "_portal_current_home", None)
    if cached is not None and cached[0] == language:
        return cached[1]
    site = Site.find_for_request(request)
    if site is None:
        return None
    root = site.root_page
    home = (
        Page.objects.filter(translation_key=root.translation_key, locale__language_code=language)
        .live()
        .first()
    ) or root
    request._portal_current_home = (language, home)
    return home


def home_and_menu(request, page=None):
    """The reader's home page and its live menu pages that anyone may read. On a page of the reader's language, both come
    from one query, found by the home's place in the tree (the first two steps of the page's path)."""
    language = translation.get_language()
    if isinstance(page, Page) and page.depth >= 2 and page.locale_id == active_locale().pk:
        home_path = page.path[: Page.steplen * 2]
        # Titles and URLs are all a menu needs: no .specific(), which would cost a query per page type.
        pages = list(
            without_restricted(Page.objects.live())
            .filter(Q(path=home_path) | Q(path__startswith=home_path, depth=3, show_in_menus=True))
            .defer_streamfields()
            .order_by("path")
        )
        if pages and pages[0].path == home_path:
            request._portal_current_home = (language, pages[0])
            return pages[0], pages[1:]
    home = current_home(request)
    if home is None:
        return None, []
    return home, list(without_restricted(home.get_children().live().in_menu()).defer_streamfields())


def live_translations(page):
    """{language code: live page} for `page` and each of its live translations."""
    if not isinstance(page, Page):
        return {}
    translations = page.get_translations(inclusive=True).live().select_related("locale")
    return {p.locale.language_code: p for p in translations}


def content_language_codes():
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
