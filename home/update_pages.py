"""News in each language: an index at /<lang>/updates/ with an Atom feed, and one page per update."""

import datetime

from django import forms
from django.db import models
from django.template.response import TemplateResponse
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultipleChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from partnerships.localize import localize_records, localized_areas
from partnerships.models.records import Partner, in_source_language
from partnerships.models.taxonomy import CooperationArea
from portal import lists
from portal.indexing import SEARCH_KEYS, SearchKeysIndexed
from portal.lists import LenientFilterForm

from .blocks import BaseStreamBlock
from .feeds import UpdatesFeed

UPDATES_PER_PAGE = 10


class UpdatePage(SearchKeysIndexed, Page):
    date = models.DateField(_("date"), default=datetime.date.today)
    summary = models.TextField(_("summary"), max_length=400)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))
    cooperation_areas = ParentalManyToManyField(
        "partnerships.CooperationArea",
        verbose_name=_("cooperation areas"),
        blank=True,
        related_name="+",
        limit_choices_to=in_source_language,
    )

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("cooperation_areas"),
        # A chooser with search, several partners at a time: a list of two thousand partners to
        # scroll and ctrl-click was no way to pick three.
        MultipleChooserPanel(
            "related_partner_links",
            chooser_field_name="partner",
            heading=_("Related partners"),
            label=_("Partner"),
            help_text=_("Only partners on the public register are shown to readers."),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        SEARCH_KEYS,
    ]
    # What a search result calls it (search/views.py); other pages are a "Page".
    search_result_kind = pgettext_lazy("kind of search result", "Update")
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        SynchronizedField("date"),
        TranslatableField("summary"),
        TranslatableField("body"),
        SynchronizedField("cooperation_areas"),
        SynchronizedField("related_partner_links"),
    ]
    parent_page_types = ["home.UpdateIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("update")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["areas"] = [area.name for area in localized_areas(self.cooperation_areas.all())]
        partners = (
            Partner.objects.public()
            .filter(pk__in=self.related_partner_links.values("partner"))
            .order_by("name")
        )
        context["related_partners"] = localize_records(partners)
        context["feed_url"] = self.get_parent().specific.url + "feed/"
        return context


class UpdatePageRelatedPartner(Orderable):
    """One partner an update names, in the editor's order; always the partner's source-language row."""

    page = ParentalKey(UpdatePage, on_delete=models.CASCADE, related_name="related_partner_links")
    partner = models.ForeignKey(
        "partnerships.Partner",
        verbose_name=_("partner"),
        on_delete=models.CASCADE,
        related_name="+",
        limit_choices_to=in_source_language,
    )

    panels = [FieldPanel("partner")]

    class Meta(Orderable.Meta):
        verbose_name = _("related partner")
        verbose_name_plural = _("related partners")

    def __str__(self):
        return str(self.partner)


def related_partner_links(partners):
    """The rows naming `partners`, in that order, for a new UpdatePage(related_partner_links=…)."""
    return [
        UpdatePageRelatedPartner(partner=partner, sort_order=position)
        for position, partner in enumerate(partners)
    ]


class UpdateFilterForm(LenientFilterForm):
    filter_fields = ("area", "year")

    area = forms.ChoiceField(label=_("Cooperation area"), required=False)
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)

    def __init__(self, data, *, areas, years):
        super().__init__(data)
        self.fields["area"].choices = [("", gettext("All areas"))] + [
            (area.slug, area.name) for area in areas
        ]
        self.fields["year"].choices = [("", gettext("All years"))] + [
            (str(year), str(year)) for year in years
        ]


class UpdateIndexPage(SearchKeysIndexed, RoutablePageMixin, Page):
    introduction = models.TextField(_("introduction"), max_length=600, blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction"), SEARCH_KEYS]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.UpdatePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("updates index")

    def get_updates(self, filters=None):
        updates = UpdatePage.objects.live().public().child_of(self).order_by("-date", "-pk")
        filters = filters or {}
        if "area" in filters:
            updates = updates.filter(cooperation_areas__slug=filters["area"])
        if "year" in filters:
            updates = updates.filter(date__year=filters["year"])
        return updates

    def get_filter_form(self, request):
        """The areas and years that updates in this language have, as the filters' options."""
        updates = self.get_updates()
        area_ids = UpdatePage.cooperation_areas.through.objects.filter(
            updatepage__in=updates.values("pk")
        ).values("cooperationarea")
        areas = localized_areas(CooperationArea.objects.filter(pk__in=area_ids))
        years = sorted({day.year for day in updates.dates("date", "year")}, reverse=True)
        return UpdateFilterForm(request.GET, areas=areas, years=years)

    def get_context(self, request, *args, filter_form=None, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = filter_form or self.get_filter_form(request)
        updates = self.get_updates(form.filters).defer_streamfields()
        context.update(lists.list_context(request, form, updates, UPDATES_PER_PAGE, self.url))
        context["feed_url"] = self.url + "feed/"
        return context

    @path("")
    def index(self, request):
        form = self.get_filter_form(request)
        redirect = lists.canonical_redirect(request, form, self.url)
        if redirect is not None:
            return redirect
        return TemplateResponse(
            request, "home/update_index_page.html", self.get_context(request, filter_form=form)
        )

    @path("feed/", name="feed")
    def feed(self, request):
        return UpdatesFeed(self)(request)
