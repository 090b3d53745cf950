"""What the directory, the partner profiles and the register show: the context their pages render,
built from the public records (partnerships.directory, .register, .figures) and the list-page kit
(portal.lists)."""

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from partnerships import charts, directory, figures, register, summary
from partnerships.currencies import currency_name
from partnerships.filters import active_filters, facets
from partnerships.formatting import format_money
from partnerships.links import record_links
from partnerships.localize import localize_records
from partnerships.opendata.links import download_links
from portal import lists
from portal.site_urls import absolute_url


def directory_context(page, request, form, partner_directory):
    if partner_directory.filters:
        counts, total = partner_directory.counts(summary.parts("partners")["partners"])
    else:
        unfiltered = summary.parts("directory")["directory"]
        counts, total = unfiltered["counts"], unfiltered["total"]
    url = page.get_url(request) or ""
    context = lists.list_context(
        request, form, partner_directory.results(), directory.PER_PAGE, url, count=total
    )
    partners = localize_records(context["page_obj"].object_list)
    area_lists = partner_directory.area_lists([partner.source for partner in partners])
    for partner in partners:
        partner.area_list = area_lists[partner.source.pk]
    facet_list = facets(form, counts, partner_directory.areas)
    context.update(
        {
            "facets": facet_list,
            "active_filters": active_filters(form, facet_list),
            "partners": partners,
            "total": total,
            "feed_url": feed_url(page, url),
            "downloads": download_links("partners", form),
        }
    )
    return context


def feed_url(page, url):
    """The Atom feed of an index page's records (its "feed" route), for the <head> and a visible link."""
    return url + page.reverse_subpage("feed")


def profile_context(page, request, partner):
    url = page.get_url(request) or ""
    subpath = page.reverse_subpage("partner", kwargs={"slug": partner.slug})
    return {
        **directory.partner_profile(partner),
        "list_url": url,
        "feed_url": feed_url(page, url),
        "canonical_url": absolute_url(request, url + subpath),
        # Switching language keeps the reader on the same partner.
        "alternate_subpath": subpath,
    }


def register_context(page, request, form, contributions, whole=None):
    """`whole`: the summary's "figures" and "areas" parts (partnerships.summary), read when not given."""
    # The figures' grouped query also tells how many rows match, so pagination needs no COUNT.
    areas = {slug: name for slug, name in form.fields["area"].choices if slug}
    if form.filters:
        totals = figures.compute_figures(contributions, areas=areas)
    else:
        whole = summary.parts("figures", "areas") if whole is None else whole
        totals = figures.compute_figures(groups=whole["figures"], areas=areas, area_rows=whole["areas"])
    url = page.get_url(request) or ""
    rows = register.register_rows(contributions, form.sort_order)
    context = lists.list_context(request, form, rows, register.PER_PAGE, url, count=totals.count)
    rows = localize_records(context["page_obj"].object_list)
    context.update(
        {
            # The controls show what was applied, not the values that were ignored.
            "filter_form": form.accepted_form(),
            "active_filters": lists.active_filters(form),
            "rows": rows,
            "has_fallback": any(row.is_fallback for row in rows),
            "figures": totals,
            "charts": figure_charts(totals),
            "links": record_links(request),
            "feed_url": feed_url(page, url),
            "downloads": download_links("contributions", form),
        }
    )
    return context


def contribution_context(page, request, contribution):
    url = page.get_url(request) or ""
    subpath = page.reverse_subpage("contribution", kwargs={"slug": contribution.slug})
    return {
        **register.contribution_page(contribution),
        "register_url": url,
        "feed_url": feed_url(page, url),
        "canonical_url": absolute_url(request, url + subpath),
        # Switching language keeps the reader on the same contribution.
        "alternate_subpath": subpath,
    }


# Named at import, translated when drawn.
CHARTS = (
    ("by_type", _("Committed value by type of contribution, in %(currency)s")),
    ("by_year", _("Committed value by year signed, in %(currency)s")),
    ("by_area", _("Committed value by cooperation area, in %(currency)s")),
    ("by_sector", _("Committed value from for-profit and non-profit partners, in %(currency)s")),
)


def figure_charts(totals):
    """Bar charts of the committed value in the reporting currency, each described by its data."""
    currency = totals.currency
    drawn = {}
    if currency is None:
        return drawn
    name = currency_name(currency)
    for key, title in CHARTS:
        bars = [
            charts.Bar(label=str(row.label), value=float(row.value), text=format_money(row.value, currency))
            for row in getattr(totals, key)
        ]
        if not any(bar.value for bar in bars):
            continue
        drawn[key] = {
            "svg": charts.bar_chart(
                bars,
                chart_id=f"chart-{key}",
                title=str(title) % {"currency": name},
                description="; ".join(f"{bar.label}: {bar.text}" for bar in bars) + ".",
                rtl=translation.get_language_bidi(),
            ),
            "currency": name,
        }
    return drawn
