from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from partnerships.applications.views import after_csrf_failure, apply_form, thanks
from portal.indexing import SEARCH_KEYS, SearchKeysIndexed

from .blocks import BaseStreamBlock
from .site_identity import OrganisationSettings


class ApplyPage(SearchKeysIndexed, RoutablePageMixin, Page):
    """/<lang>/apply/: how to apply, the criteria, and the expression-of-interest form below them."""

    introduction = models.TextField(_("introduction"), max_length=600, blank=True)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))
    # A sentence of its own in each language: a duration slotted into a fixed sentence reads badly in
    # some of them (and Arabic needs its number agreement).
    reply_time = models.CharField(
        _("indicative reply time"),
        max_length=200,
        blank=True,
        help_text=_(
            "One sentence, shown with the next steps above the form and on the thank-you page, e.g. "
            "“We reply to every expression of interest within four weeks.”"
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("body"),
        FieldPanel("reply_time"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
        SEARCH_KEYS,
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    template = "partnerships/apply_page.html"

    class Meta:
        verbose_name = _("apply page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The organisation's contact point for partnership questions; without one, the views fall
        # back on the partnership team's address.
        contact_email = OrganisationSettings.for_request(request).contact_email
        if contact_email:
            context["contact_email"] = contact_email
        return context

    @path("")
    def form(self, request):
        return apply_form(self, request)

    @path("thanks/", name="thanks")
    def thanks(self, request):
        return thanks(self, request)

    def serve_csrf_failure(self, request):
        """Asked by portal.views.csrf_failure: the form again, with what was typed."""
        return after_csrf_failure(self, request)
