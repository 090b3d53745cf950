from functools import reduce
from operator import or_

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class MultilingualPageSitemap(Sitemap):
    """Wagtail's sitemap covers only the site's root page tree, which is the English one; each
    translation of the home page roots a tree of its own."""

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
