from urllib.parse import urlencode

from django.db import models
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page


class ContributionIndexPage(Page):
    """/<lang>/contributions/: the register of contributions, with totals and a chart.

    Everything on it is computed from `Contribution.objects.public()` at request time, so the register,
    its figures and its charts always agree with the approved records."""

    introduction = models.TextField(gettext_lazy("introduction"), max_length=600, blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "partnerships/register_page.html"

    class Meta:
        verbose_name = gettext_lazy("contribution register")

    def get_contributions(self):
        from partnerships.models import Contribution

        return Contribution.objects.public()

    def get_filter_form(self, request, locale=None):
        from partnerships import register

        years, currencies = register.options_present(self.get_contributions())
        return register.RegisterFilterForm(
            request.GET, years=years, currencies=currencies, areas=register.area_choices(locale)
        )

    def get_charts(self, figures):
        """Two bar charts of the main currency: value by type and value by year signed."""
        from partnerships.charts import Bar, bar_chart
        from partnerships.formatting import format_money, format_year
        from partnerships.register import currency_name as name_of

        currency = figures.main_currency
        charts = {}
        if currency is None:
            return charts
        currency_name = name_of(currency)
        for name, rows, title in (
            ("by_type", figures.by_type, _("Value of contributions by type, in %(currency)s")),
            ("by_year", figures.by_year, _("Value of contributions by year signed, in %(currency)s")),
        ):
            bars = [
                Bar(
                    label=format_year(row.key) if name == "by_year" and row.key else str(row.label),
                    value=float(row.totals[currency]),
                    text=format_money(row.totals[currency], currency),
                )
                for row in rows
                if currency in row.totals
            ]
            if not bars:
                continue
            other_currencies = any(set(row.totals) - {currency} for row in rows)
            description = "; ".join(f"{bar.label}: {bar.text}" for bar in bars) + "."
            if other_currencies:
                description += " " + _("Values in other currencies are given in the table.")
            charts[name] = {
                "svg": bar_chart(
                    bars,
                    chart_id=f"chart-{name}",
                    title=title % {"currency": currency_name},
                    description=description,
                    rtl=translation.get_language_bidi(),
                ),
                "currency": currency_name,
                "other_currencies": other_currencies,
            }
        return charts

    def get_context(self, request, *args, **kwargs):
        from partnerships import register
        from partnerships.localize import localize_records
        from portal.pagination import paginate

        context = super().get_context(request, *args, **kwargs)
        locale = register.reader_locale(request)
        form = self.get_filter_form(request, locale)
        filters = form.valid_filters()
        notices = [
            _("The filter “%(filter)s” had a value that is not one of its options, so it was ignored.")
            % {"filter": label}
            for label in form.rejected_fields()
        ]
        contributions = register.filter_contributions(self.get_contributions(), filters)
        # The figures' grouped query also tells how many rows match, so pagination needs no COUNT.
        figures = register.compute_figures(contributions)
        page_obj, invalid_page = paginate(
            request, register.register_rows(contributions), register.PER_PAGE, count=figures.total.count
        )
        if invalid_page:
            notices.append(_("The page number was not valid, so the first page is shown."))
        rows = localize_records(page_obj.object_list, locale)
        context.update(
            {
                # A form bound to the accepted values only, so the controls show what was applied.
                "filter_form": form.accepted_form(filters),
                "filters": filters,
                "can_chart_other_currencies": "currency" not in filters
                and len(form.fields["currency"].choices) > 2,
                "notices": notices,
                "page_obj": page_obj,
                "rows": rows,
                "has_fallback": any(row.is_fallback for row in rows),
                "figures": figures,
                "charts": self.get_charts(figures),
                "links": register.record_links(request, locale),
                # Filter values are codes and slugs, the same in every language: switching language
                # keeps them (see home.templatetags.navigation_tags).
                "alternate_subpath": f"?{urlencode(list(filters.items()))}" if filters else "",
            }
        )
        return context
