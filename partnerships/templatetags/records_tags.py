from django import template

from partnerships import currencies, formatting
from partnerships.links import record_links
from partnerships.models.choices import ContributionStatus

register = template.Library()


@register.filter
def money(amount, currency):
    return formatting.format_money(amount, currency)


@register.filter
def number(value):
    return formatting.format_number(value)


@register.filter
def percent(value):
    return formatting.format_share(value)


@register.filter
def currency_name(code):
    return currencies.currency_name(code) if code else ""


@register.simple_tag
def status_group_labels(group):
    """The statuses of a status group (StatusGroup), named in the reader's language: "pledged"."""
    labels = dict(ContributionStatus.choices)
    return formatting.format_names(
        str(labels[status]).lower() for status in ContributionStatus.in_group(group)
    )


@register.filter
def localdate(value, style="long"):
    return formatting.format_date(value, style=style)


@register.filter
def year(value):
    return formatting.format_year(value)


@register.simple_tag(takes_context=True)
def partner_url(context, partner):
    """The profile of a public partner in the reader's language, or None when there is no directory."""
    return record_links(context.get("request")).partner(partner.slug)


@register.simple_tag(takes_context=True)
def contribution_url(context, contribution):
    """A public contribution's page in the reader's language, or None when there is no register."""
    return record_links(context.get("request")).contribution(contribution.slug)
