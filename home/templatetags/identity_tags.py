from django import template

from home.site_identity import site_identity as identity_for

register = template.Library()


@register.simple_tag(takes_context=True)
def site_identity(context):
    """The organisation's name, logo, contact point and notices in the reader's language (header and
    footer)."""
    return identity_for(context["request"])
