from django import template

from partnerships import formatting
from partnerships.links import record_links

register = template.Library()


@register.filter
def money(amount, currency):
    return formatting.format_money(amount, currency)


@register.filter
def number(value):
    return formatting.format_number(value)


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
