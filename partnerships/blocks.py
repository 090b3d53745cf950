"""StreamField blocks that show the approved records on the home and programme pages.

Editors choose what to show, never the figures themselves: each block reads the public records when
the page is rendered, in the reader's language, with a fixed number of queries. A figure on a
programme page therefore changes the moment a reviewer approves (or withdraws) a record.

The cooperation area is stored as its slug (a plain choice, not a snippet chooser): the slug is the
same in every language, so a translated page keeps pointing at the same area without the area having
to be translated first.
"""

from django.db.models import F
from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from partnerships import figures, summary
from partnerships.links import record_links
from partnerships.localize import area_choices, localize_records
from partnerships.models.records import Contribution, Partner
from portal.locales import active_locale, in_source_language


def area_slug_choices():
    """The cooperation areas an editor can pick, named in the editor's language."""
    return area_choices()


class AreaChoiceBlock(blocks.ChoiceBlock):
    """A cooperation area, stored as its slug. A stored slug is used as it is: ChoiceBlock would match it
    against the choices, which costs two queries every time a page body is read."""

    def to_python(self, value):
        return value


class RecordBlock(blocks.StructBlock):
    """Adds the reader's Locale and the directory's and register's addresses to a block's context."""

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["locale"] = active_locale()
        context["links"] = record_links(context.get("request"))
        return context


class ProgrammeFiguresBlock(RecordBlock):
    heading = blocks.CharBlock(max_length=120, label=_("Heading"))

    class Meta:
        icon = "table"
        template = "components/programme_figures_block.html"
        label = _("Programme figures")
        description = _(
            "What was committed this year and in all years, in the reporting currency, active partners "
            "and the share given in kind, counted from the approved records when the page is shown."
        )
        preview_value = {"heading": "The programme in figures"}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        whole = summary.parts("figures", "active_partners")
        context["partners"] = figures.active_partner_counts(whole["active_partners"])
        context["figures"] = figures.compute_figures(groups=whole["figures"])
        return context


class AreaPartnersBlock(RecordBlock):
    heading = blocks.CharBlock(max_length=120, label=_("Heading"))
    area = AreaChoiceBlock(choices=area_slug_choices, label=_("Cooperation area"), search_index=False)
    limit = blocks.IntegerBlock(
        min_value=1,
        max_value=24,
        default=6,
        label=_("How many partners to show"),
        help_text=_("The others are a click away, in the directory filtered by this area."),
    )

    class Meta:
        icon = "group"
        template = "components/area_partners_block.html"
        label = _("Partners in a cooperation area")
        description = _(
            "The approved partners working in one cooperation area, with a link to all of them in "
            "the partner directory."
        )
        preview_value = {"heading": "Our partners in cybersecurity", "area": "cybersecurity", "limit": 6}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        locale = context["locale"]
        slug = value.get("area")
        in_area = (
            Partner.cooperation_areas.through.objects.filter(in_source_language("cooperationarea__"))
            .filter(cooperationarea__slug=slug)
            .values("partner_id")
        )
        partners = Partner.objects.public().filter(pk__in=in_area).order_by("name", "pk")
        context.update(
            {
                "area_slug": slug,
                "area_name": dict(area_choices(locale)).get(slug),
                "partners": localize_records(partners[: value.get("limit") or 6], locale),
                "partner_count": partners.count(),
            }
        )
        return context


class LatestContributionsBlock(RecordBlock):
    heading = blocks.CharBlock(max_length=120, label=_("Heading"))
    number = blocks.IntegerBlock(min_value=1, max_value=20, default=5, label=_("How many contributions"))

    class Meta:
        icon = "list-ol"
        template = "components/latest_contributions_block.html"
        label = _("Latest contributions")
        description = _("The most recently signed approved contributions, newest first.")
        preview_value = {"heading": "Latest contributions", "number": 5}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        latest = (
            Contribution.objects.public()
            .select_related("partner")
            .order_by(F("signed_date").desc(nulls_last=True), "-pk")[: value.get("number") or 5]
        )
        context["contributions"] = localize_records(latest, context["locale"])
        return context
