from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.indexing import SEARCH_KEYS, SearchKeysIndexed
from portal.restrictions import without_restricted

from .apply_page import ApplyPage
from .blocks import BaseStreamBlock, HomeStreamBlock, ProgrammeFiguresBlock
from .site_identity import Footer, Organisation, OrganisationSettings
from .sitemap_page import SitemapPage
from .update_pages import UpdateIndexPage, UpdatePage

__all__ = [
    "ApplyPage",
    "ContentPage",
    "Footer",
    "HomePage",
    "Organisation",
    "OrganisationSettings",
    "SitemapPage",
    "UpdateIndexPage",
    "UpdatePage",
]

LATEST_UPDATES_ON_HOME = 3


class HomePage(SearchKeysIndexed, Page):
    """The root of each language's site: leads with what the register shows now (the programme's
    figures and the latest updates), then introduces the programme and leads to its pages."""

    introduction = models.TextField(_("introduction"), max_length=600, blank=True)
    body = StreamField(
        HomeStreamBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_(
            "The programme figures and the latest updates come first, under the introduction: a "
            "“Programme figures” block here is shown there, with its heading."
        ),
    )

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
        SEARCH_KEYS,
    ]

    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")

    def get_latest_updates(self):
        updates = without_restricted(UpdatePage.objects.live()).descendant_of(self)
        return updates.defer_streamfields().order_by("-date", "-pk")[:LATEST_UPDATES_ON_HOME]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        figures_blocks = [block for block in self.body if block.block_type == "programme_figures"]
        if figures_blocks:
            context["figures_block"] = figures_blocks[0]
            context["body"] = [block for block in self.body if block is not figures_blocks[0]]
        else:
            block = ProgrammeFiguresBlock()
            context["figures_block"] = block.bind(block.to_python({"heading": gettext("The register today")}))
            context["body"] = self.body
        context["latest_updates"] = list(self.get_latest_updates())
        context["updates_index"] = UpdateIndexPage.objects.child_of(self).live().first()
        return context


class ContentPage(SearchKeysIndexed, Page):
    """A programme page: the collaboration programme, mutual benefits, accountability, how to apply."""

    introduction = models.TextField(_("introduction"), max_length=600, blank=True)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
        SEARCH_KEYS,
    ]

    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types = ["home.ContentPage"]

    class Meta:
        verbose_name = _("content page")
