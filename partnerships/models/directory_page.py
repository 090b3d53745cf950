from django.db import models
from django.db.models import OuterRef, Subquery
from django.http import Http404, HttpResponseRedirect
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from portal.pagination import page_number as parse_page_number
from portal.pagination import paginate


class PartnerIndexPage(RoutablePageMixin, Page):
    """/<lang>/partners/: the partner directory and, below it, one page per public partner.

    Partners are snippets, not pages: /<lang>/partners/<slug>/ is a route of this page, so a profile
    lives at the same slug in every language and shows the reader's translation of the record."""

    introduction = models.TextField(_("introduction"), max_length=600, blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("partner directory")

    def partner_url(self, slug, request=None):
        return self.get_url(request) + self.reverse_subpage("partner", kwargs={"slug": slug})

    def _translations(self):
        """{language code: live translation of this page}, for the language switcher and hreflang
        links (see home.templatetags.navigation_tags); it also gives this page's locale, read in the
        same query."""
        from home.locales import live_translations

        translations = live_translations(self)
        for translation in translations.values():
            if translation.pk == self.pk:
                self.locale = translation.locale
        return translations

    @path("", name="directory")
    def directory(self, request):
        from partnerships.directory import PER_PAGE, PartnerDirectory
        from partnerships.filters import PartnerFilterForm
        from partnerships.localize import localize_records, localized_areas

        translations = self._translations()
        areas = localized_areas(locale=self.locale)
        form = PartnerFilterForm(request.GET, area_slugs=[area.slug for area in areas])
        notices = form.notices
        page_number = parse_page_number(request.GET.get("page", "1"))
        directory_url = self.get_url(request) or ""
        if not notices and page_number is not None:
            # A valid filter combination has one address: drop empty fields, keep the canonical order.
            canonical = form.canonical_query(page=page_number)
            if _query_string(request) != canonical:
                return HttpResponseRedirect(directory_url + canonical)

        directory = PartnerDirectory(form.filters, form.sort_order, self.locale, areas)
        counts, total = directory.counts()
        page_obj, invalid_page = paginate(request, directory.results(), PER_PAGE, count=total)
        if invalid_page:
            notices.append(gettext("The page number was not valid, so the first page is shown."))
        partners = localize_records(page_obj.object_list, self.locale)
        for partner in partners:
            partner.area_list = directory.area_list(partner.source)

        facets = _facets(form, counts, areas)
        active = [facet for facet in facets if facet["selected"]]
        if form.filters.get("q"):
            active.insert(
                0,
                {
                    "name": "q",
                    "label": form.fields["q"].label,
                    "selected_label": form.filters["q"],
                    "remove_query": form.canonical_query(q=None),
                },
            )
        this_page = form.canonical_query(page=page_obj.number)
        return self.render(
            request,
            template="partnerships/directory.html",
            context_overrides={
                "form": form,
                "facets": facets,
                "active_filters": active,
                "notices": notices,
                "page_obj": page_obj,
                "partners": partners,
                "total": total,
                "directory_url": directory_url,
                "canonical_url": request.build_absolute_uri(directory_url + this_page),
                "previous_query": form.canonical_query(page=page_obj.number - 1),
                "next_query": form.canonical_query(page=page_obj.number + 1),
                # Switching language keeps the reader on the same selection.
                "page_translations": translations,
                "alternate_subpath": this_page,
            },
        )

    @path("<slug:slug>/", name="partner")
    def partner(self, request, slug):
        from partnerships.directory import partner_profile, public_partner

        translations = self._translations()
        partner = public_partner(slug, self.locale)
        if partner is None:
            raise Http404("No public partner at this address")
        directory_url = self.get_url(request) or ""
        subpath = self.reverse_subpage("partner", kwargs={"slug": slug})
        return self.render(
            request,
            template="partnerships/partner_profile.html",
            context_overrides={
                **partner_profile(partner, self.locale),
                "directory_url": directory_url,
                "canonical_url": request.build_absolute_uri(directory_url + subpath),
                # Switching language keeps the reader on the same partner.
                "page_translations": translations,
                "alternate_subpath": subpath,
            },
        )

    def get_sitemap_urls(self, request=None):
        """The directory and every public partner's profile, in this page's language."""
        from partnerships.models import Partner

        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        if not base:
            return urls
        translated = Partner.objects.filter(
            translation_key=OuterRef("translation_key"), locale=self.locale_id, live=True
        ).values("last_published_at")[:1]
        partners = (
            Partner.objects.public()
            .annotate(translated_at=Subquery(translated))
            .order_by("slug")
            .values_list("slug", "last_published_at", "translated_at")
        )
        for slug, published, translated_at in partners:
            lastmod = max((when for when in (published, translated_at) if when), default=None)
            urls.append(
                {
                    "location": base + self.reverse_subpage("partner", kwargs={"slug": slug}),
                    "lastmod": lastmod,
                }
            )
        return urls


def _query_string(request):
    query = request.META.get("QUERY_STRING", "")
    return f"?{query}" if query else ""


def _facets(form, counts, areas):
    """Each filter with its options, the number of partners each option would give, and the link that
    removes it when it is active."""
    from django_countries import countries

    from partnerships.filters import sort_key
    from partnerships.models import ContributionType, PartnerType, ProfitSector, RelationshipStatus

    filters = form.filters
    choices = {
        "sector": list(ProfitSector.choices),
        "type": list(PartnerType.choices),
        "area": [(area.slug, area.name) for area in areas],
        "country": sorted(
            ((code, countries.name(code)) for code, number in counts["country"].items() if code and number),
            key=lambda choice: sort_key(choice[1]),
        ),
        "contribution": list(ContributionType.choices),
        "status": list(RelationshipStatus.choices),
    }
    selected_country = filters.get("country")
    if selected_country and not counts["country"][selected_country]:
        choices["country"].append((selected_country, countries.name(selected_country)))
    area_ids = {area.slug: area.id for area in areas}
    facets = []
    for name, options in choices.items():
        tally = counts[name]
        selected = filters.get(name, "")
        entries = []
        for value, label in options:
            key = area_ids[value] if name == "area" else value
            entries.append(
                {"value": value, "label": label, "count": tally.get(key, 0), "selected": value == selected}
            )
        facets.append(
            {
                "name": name,
                "label": form.fields[name].label,
                "options": entries,
                "selected": selected,
                "selected_label": next((entry["label"] for entry in entries if entry["selected"]), ""),
                "remove_query": form.canonical_query(**{name: None}),
            }
        )
    return facets
