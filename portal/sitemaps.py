from collections import defaultdict
from functools import reduce
from operator import or_

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page

from portal.locales import source_language


class MultilingualPageSitemap(Sitemap):
    """Every live public page in every language, each address with its alternates in the other
    languages (`<xhtml:link rel="alternate" hreflang>`, x-default the source language's).

    Wagtail's sitemap covers only the site's root page tree, which is the English one; each
    translation of the home page roots a tree of its own. A page's alternates are its translations that
    are listed here too (live, public), as the pages' own hreflang links are its live translations. A
    routable page's sub-address (a partner's profile, a contribution's page) has an alternate at the
    same sub-address of each of those translations: records are shown in every language the list page
    is published in, in the reader's translation or, failing that, the source text (as their pages'
    own hreflang links say)."""

    def items(self):
        homes = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_any_language = reduce(or_, (Page.objects.descendant_of_q(home, inclusive=True) for home in homes))
        return (
            Page.objects.live()
            .public()
            .filter(in_any_language)
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        translations = defaultdict(dict)  # translation key: {language code: address}
        for item in pages:
            url = item.get_full_url(self.request)
            if url:
                translations[item.translation_key][languages[item.locale_id]] = url
        urls, last_mods = [], set()
        for item in pages:
            base = item.get_full_url(self.request)
            for url_info in item.get_sitemap_urls(self.request):
                location = url_info["location"]
                if base and location.startswith(base):
                    subpath = location[len(base) :]
                    url_info["alternates"] = alternates(translations[item.translation_key], subpath)
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls


def alternates(addresses, subpath=""):
    """[{lang_code, location}] for each language of `addresses` ({code: page address}), then x-default."""
    found = [{"lang_code": code, "location": url + subpath} for code, url in sorted(addresses.items())]
    default = addresses.get(source_language())
    if default:
        found.append({"lang_code": "x-default", "location": default + subpath})
    return found
