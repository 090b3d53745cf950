"""News in each language: an index at /<lang>/updates/ with an Atom feed, and one page per update."""

import datetime

from django import forms
from django.conf import settings
from django.db import models
from django.template.response import TemplateResponse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from portal.pagination import paginate

from .blocks import BaseStreamBlock

UPDATES_PER_PAGE = 10


def in_source_language():
    return models.Q(locale__language_code=settings.LANGUAGE_CODE)


class UpdatePage(Page):
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
    related_partners = ParentalManyToManyField(
        "partnerships.Partner",
        verbose_name=_("related partners"),
        blank=True,
        related_name="+",
        limit_choices_to=in_source_language,
        help_text=_("Only partners on the public register are shown to readers."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("cooperation_areas"),
        FieldPanel("related_partners"),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        SynchronizedField("date"),
        TranslatableField("summary"),
        TranslatableField("body"),
        SynchronizedField("cooperation_areas"),
        SynchronizedField("related_partners"),
    ]
    parent_page_types = ["home.UpdateIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("update")

    def get_context(self, request, *args, **kwargs):
        from partnerships.localize import area_names, localize_records
        from partnerships.models import Partner, PartnerIndexPage

        context = super().get_context(request, *args, **kwargs)
        names = area_names()
        context["areas"] = [
            names[pk] for pk in self.cooperation_areas.values_list("pk", flat=True) if pk in names
        ]
        partners = Partner.objects.public().filter(pk__in=self.related_partners.values("pk")).order_by("name")
        directory = PartnerIndexPage.objects.live().filter(locale=self.locale_id).first()
        context["related_partners"] = [
            (partner, directory.partner_url(partner.slug, request) if directory else None)
            for partner in localize_records(partners)
        ]
        context["feed_url"] = self.get_parent().specific.url + "feed/"
        return context


class UpdateFilterForm(forms.Form):
    area = forms.SlugField(required=False)
    year = forms.IntegerField(required=False, min_value=1900, max_value=2999)

    def __init__(self, data, areas, years):
        super().__init__(data)
        self.fields["area"] = forms.ChoiceField(
            required=False, choices=[("", gettext("All areas"))] + [(slug, name) for slug, name in areas]
        )
        self.fields["year"] = forms.TypedChoiceField(
            required=False,
            coerce=int,
            empty_value=None,
            choices=[("", gettext("All years"))] + [(str(year), str(year)) for year in years],
        )

    def ignored(self):
        """Labels of the filters whose values were not valid and were therefore not applied."""
        labels = {"area": gettext("cooperation area"), "year": gettext("year")}
        return [labels[name] for name in self.errors if name in labels]


class UpdateIndexPage(RoutablePageMixin, Page):
    introduction = models.TextField(_("introduction"), max_length=600, blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.UpdatePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("updates index")

    def get_updates(self):
        return UpdatePage.objects.live().public().child_of(self).order_by("-date", "-pk")

    def _filter_choices(self, updates):
        from partnerships.localize import area_names
        from partnerships.models import CooperationArea

        names = area_names()
        area_ids = UpdatePage.cooperation_areas.through.objects.filter(
            updatepage__in=updates.values("pk")
        ).values("cooperationarea")
        areas = sorted(
            (
                (slug, names.get(pk, slug))
                for pk, slug in CooperationArea.objects.filter(pk__in=area_ids).values_list("pk", "slug")
            ),
            key=lambda item: item[1].casefold(),
        )
        years = sorted({d.year for d in updates.dates("date", "year")}, reverse=True)
        return areas, years

    @path("")
    def index(self, request):
        updates = self.get_updates()
        areas, years = self._filter_choices(updates)
        form = UpdateFilterForm(request.GET, areas, years)
        form.is_valid()
        filters = form.cleaned_data
        if filters.get("area"):
            updates = updates.filter(cooperation_areas__slug=filters["area"])
        if filters.get("year"):
            updates = updates.filter(date__year=filters["year"])
        page_of_updates, invalid_page = paginate(request, updates.defer_streamfields(), UPDATES_PER_PAGE)
        notices = []
        if ignored := form.ignored():
            notices.append(
                gettext("This filter was not valid and was ignored: %(filters)s.")
                % {"filters": ", ".join(ignored)}
            )
        if invalid_page:
            notices.append(gettext("The page number was not valid, so the first page is shown."))
        context = self.get_context(request)
        context.update(
            {
                "updates": page_of_updates,
                "filter_form": form,
                "notices": notices,
                "is_filtered": bool(filters.get("area") or filters.get("year")),
                "feed_url": self.url + "feed/",
            }
        )
        return TemplateResponse(request, "home/update_index_page.html", context)

    @path("feed/", name="feed")
    def feed(self, request):
        from .feeds import UpdatesFeed

        return UpdatesFeed(self)(request)
