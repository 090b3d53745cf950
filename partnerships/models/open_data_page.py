from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from partnerships.opendata.catalogue import open_data_catalogue
from portal.indexing import SEARCH_KEYS, SearchKeysIndexed


class OpenDataPage(SearchKeysIndexed, Page):
    """/<lang>/open-data/: what can be downloaded and how to use it. Everything below the editors'
    introduction (each dataset and its fields, the licence, how often it changes, how to cite it, the
    API and the feeds) is generated from the open-data contract (partnerships.opendata.schema), so
    the page always describes the files as they are."""

    introduction = models.TextField(_("introduction"), max_length=600, blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction"), SEARCH_KEYS]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "partnerships/open_data_page.html"

    class Meta:
        verbose_name = _("open data page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["catalogue"] = open_data_catalogue(request, self)
        return context
