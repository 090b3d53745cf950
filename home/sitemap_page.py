"""/<lang>/site-map/: every live page anyone may read in the reader's language, as a tree, with the
register's sections (the directory and the register by cooperation area). /sitemap.xml stays for
crawlers; this one is for people."""

from dataclasses import dataclass, field

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from partnerships.localize import localized_areas
from partnerships.models.directory_page import PartnerIndexPage
from partnerships.models.register_page import ContributionIndexPage
from portal.restrictions import without_restricted

# The list pages whose sections (one per cooperation area) the site map lists under them.
PAGES_WITH_AREA_SECTIONS = (PartnerIndexPage, ContributionIndexPage)


@dataclass
class SitemapEntry:
    page: Page
    children: list = field(default_factory=list)
    sections: list = field(default_factory=list)


class SitemapPage(Page):
    introduction = models.TextField(_("introduction"), max_length=600, blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("site map")

    def get_tree(self):
        """The live pages anyone may read under this language's home page (included), nested: one
        query for the pages, one for the cooperation areas when the register is among them."""
        home = self.get_parent()
        pages = (
            without_restricted(Page.objects.live())
            .descendant_of(home, inclusive=True)
            .defer_streamfields()
            .order_by("path")
        )
        entries, root = {}, None
        areas = None
        for page in pages:
            entry = SitemapEntry(page)
            if issubclass(page.specific_class, PAGES_WITH_AREA_SECTIONS):
                if areas is None:
                    areas = localized_areas()
                entry.sections = [(area, f"{page.url}?area={area.slug}") for area in areas]
            parent = entries.get(page.path[: -Page.steplen])
            if parent is not None:
                parent.children.append(entry)
            elif root is None:
                root = entry
            else:
                # Under a page that is not listed (unpublished or restricted): not reachable, not listed.
                continue
            entries[page.path] = entry
        return root

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["tree"] = self.get_tree()
        return context
