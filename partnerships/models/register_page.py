from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from partnerships import feeds, register, summary, views
from partnerships.localize import area_choices
from partnerships.models.records import Contribution
from portal import lists
from portal.indexing import SEARCH_KEYS, SearchKeysIndexed


class ContributionIndexPage(SearchKeysIndexed, RoutablePageMixin, Page):
    """/<lang>/contributions/: the register of contributions, with totals and a chart, and below it one
    page per public contribution (/<lang>/contributions/<slug>/).

    Everything on it is computed from `Contribution.objects.public()`: the whole register's figures and
    filter options through partnerships.summary (counted when publishing changes them), a filtered
    selection's at request time, so the register, its figures and its charts always agree with the
    approved records. Contributions are snippets, not
    pages: a contribution's page is a route of this one, at the same slug in every language."""

    introduction = models.TextField(gettext_lazy("introduction"), max_length=600, blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction"), SEARCH_KEYS]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "partnerships/register_page.html"

    class Meta:
        verbose_name = gettext_lazy("contribution register")

    def get_contributions(self):
        return Contribution.objects.public()

    def get_filter_form(self, request, options=None):
        options = options or summary.register_options()
        return register.RegisterFilterForm(request.GET, options=options, areas=area_choices())

    @path("", name="register")
    def index(self, request):
        # The whole register's filter options and figures, in one query: the figures are shown when
        # nothing is filtered (a filtered page counts its own).
        whole = summary.parts("options", "figures", "areas")
        form = self.get_filter_form(request, register.RegisterOptions(**whole["options"]))
        redirect = lists.canonical_redirect(request, form, self.get_url(request) or "")
        if redirect is not None:
            return redirect
        contributions = register.filter_contributions(self.get_contributions(), form.filters)
        return self.render(
            request, context_overrides=views.register_context(self, request, form, contributions, whole)
        )

    # Before the records' route, which would take "feed" for a slug.
    @path("feed/", name="feed")
    def feed(self, request):
        return feeds.ContributionFeed(self)(request)

    @path("<slug:slug>/", name="contribution")
    def contribution(self, request, slug):
        contribution = register.public_contribution(slug)
        if contribution is None:
            raise Http404("No public contribution at this address")
        return self.render(
            request,
            template="partnerships/contribution_page.html",
            context_overrides=views.contribution_context(self, request, contribution),
        )

    def get_sitemap_urls(self, request=None):
        """The register and every public contribution's page, in this page's language (the sitemap adds
        the same addresses in the register's other languages as alternates)."""
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        if not base:
            return urls
        for slug, lastmod in register.contribution_dates(self.locale_id):
            urls.append(
                {
                    "location": base + self.reverse_subpage("contribution", kwargs={"slug": slug}),
                    "lastmod": lastmod,
                }
            )
        return urls
