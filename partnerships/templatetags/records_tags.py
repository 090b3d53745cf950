from django import template

from partnerships import formatting

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
