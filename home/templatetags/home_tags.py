from django import template

from portal.restrictions import without_restricted

register = template.Library()


@register.simple_tag
def programme_pages(page):
    """The live, in-menu children of the page the block sits on that anyone may read: already in the
    reader's language."""
    if page is None:
        return []
    return without_restricted(page.get_children().live().in_menu()).defer_streamfields().specific()
