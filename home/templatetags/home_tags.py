from django import template

register = template.Library()


@register.simple_tag
def programme_pages(page):
    """The live, in-menu children of the page the block sits on: already in the reader's language."""
    if page is None:
        return []
    return page.get_children().live().in_menu().defer_streamfields().specific()
