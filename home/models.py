from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.indexing import SEARCH_KEYS, SearchKeysIndexed

from .apply_page import ApplyPage
from .blocks import BaseStreamBlock, HomeStreamBlock
from .update_pages import UpdateIndexPage, UpdatePage

__all__ = ["ApplyPage", "ContentPage", "HomePage", "UpdateIndexPage", "UpdatePage"]


class HomePage(SearchKeysIndexed, Page):
    """The root of each language's site: introduces the programme and leads to its pages."""

    introduction = models.TextField(_("introduction"), max_length=600, blank=True)
    body = StreamField(HomeStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
        SEARCH_KEYS,
    ]

    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")


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
