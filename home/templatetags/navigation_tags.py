from django import template
from django.urls import translate_url
from django.utils import translation

from wagtail.models import Page

from portal.locales import (
    content_language_codes,
    current_home,
    home_and_menu,
    language_name,
    page_link,
    translation_urls,
)
from portal.site_urls import absolute_url

register = template.Library()


@register.inclusion_tag("includes/primary_navigation.html", takes_context=True)
def primary_navigation(context):
    request = context["request"]
    current = context.get("page")
    home, items = home_and_menu(request)
    return {
        "home": home,
        "items": items,
        "current_path": current.path if isinstance(current, Page) else "",
    }


@register.simple_tag(takes_context=True)
def breadcrumb_ancestors(context, page):
    """The live pages between the reader's home page (included) and `page` (excluded), as Links. A page
    just under the home page, as most are, needs no query: the menu has already found the home page."""
    if not isinstance(page, Page) or page.depth <= 2:
        return []
    request = context["request"]
    home = current_home(request)
    if page.depth == 3 and home is not None and page.path.startswith(home.path):
        return [home]
    return [page_link(request, ancestor) for ancestor in page.get_ancestors().live().filter(depth__gte=2)]


def _alternates(context):
    """One entry per content language: where the reader lands when switching to it.

    Both the language selector and the hreflang links need this, so it is worked out once per request.
    """
    request = context["request"]
    page = context.get("page")
    # A routable page's sub-URL (a partner profile, a filtered directory) sets this so that each
    # alternate leads to the same sub-URL of the page's translation.
    subpath = context.get("alternate_subpath", "")
    cache_key = (page.pk if isinstance(page, Page) else None, translation.get_language(), subpath)
    cached = getattr(request, "_portal_alternates", None)
    if cached and cached[0] == cache_key:
        return cached[1]
    urls = translation_urls(request, page) if isinstance(page, Page) else None
    current_code = translation.get_language()
    entries = []
    for code in content_language_codes():
        entry = {"code": code, "name": language_name(code), "is_current": code == current_code}
        if urls is not None:
            url, entry["available"] = urls[code]
            entry["url"] = (url or f"/{code}/") + (subpath if entry["available"] else "")
        elif "language_urls" in context:
            # A view outside the language prefixes (the API's documentation) says where each
            # language of it is.
            entry["available"] = True
            entry["url"] = context["language_urls"][code]
        else:
            # A view outside the page tree (search, errors): the same path in the other language.
            entry["available"] = True
            entry["url"] = translate_url(request.get_full_path(), code)
        entries.append(entry)
    request._portal_alternates = (cache_key, entries)
    return entries


@register.inclusion_tag("includes/language_selector.html", takes_context=True)
def language_selector(context):
    return {"languages": _alternates(context)}


@register.inclusion_tag("includes/hreflangs.html", takes_context=True)
def hreflangs(context):
    request = context["request"]
    languages = [entry for entry in _alternates(context) if entry["available"]]
    default = next((entry for entry in languages if entry["code"] == "en"), None)
    return {
        "languages": [
            {"code": entry["code"], "url": absolute_url(request, entry["url"])} for entry in languages
        ],
        "default_url": absolute_url(request, default["url"]) if default else None,
    }
