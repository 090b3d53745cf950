from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from partnerships import directory, feeds, views
from partnerships.filters import PartnerFilterForm
from partnerships.localize import localized_areas
from portal import lists
from portal.indexing import SEARCH_KEYS, SearchKeysIndexed


class PartnerIndexPage(SearchKeysIndexed, RoutablePageMixin, Page):
    """/<lang>/partners/: the partner directory and, below it, one page per public partner.

    Partners are snippets, not pages: /<lang>/partners/<slug>/ is a route of this page, so a profile
    lives at the same slug in every language and shows the reader's translation of the record."""

    introduction = models.TextField(_("introduction"), max_length=600, blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction"), SEARCH_KEYS]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("partner directory")

    def get_filter_form(self, request, areas):
        return PartnerFilterForm(request.GET, area_slugs=[area.slug for area in areas])

    def get_partners(self, form, areas):
        return directory.PartnerDirectory(form.filters, form.sort_order, areas)

    @path("", name="directory")
    def directory(self, request):
        areas = localized_areas()
        form = self.get_filter_form(request, areas)
        redirect = lists.canonical_redirect(request, form, self.get_url(request) or "")
        if redirect is not None:
            return redirect
        return self.render(
            request,
            template="partnerships/directory.html",
            context_overrides=views.directory_context(self, request, form, self.get_partners(form, areas)),
        )

    # Before the records' route, which would take "feed" for a slug.
    @path("feed/", name="feed")
    def feed(self, request):
        return feeds.PartnerFeed(self)(request)

    @path("<slug:slug>/", name="partner")
    def partner(self, request, slug):
        partner = directory.public_partner(slug)
        if partner is None:
            raise Http404("No public partner at this address")
        return self.render(
            request,
            template="partnerships/partner_profile.html",
            context_overrides=views.profile_context(self, request, partner),
        )

    def get_sitemap_urls(self, request=None):
        """The directory and every public partner's profile, in this page's language (the sitemap adds
        the same addresses in the directory's other languages as alternates)."""
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        if not base:
            return urls
        for slug, lastmod in directory.profile_dates(self.locale_id):
            urls.append(
                {
                    "location": base + self.reverse_subpage("partner", kwargs={"slug": slug}),
                    "lastmod": lastmod,
                }
            )
        return urls
