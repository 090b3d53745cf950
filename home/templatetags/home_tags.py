from typing import NamedTuple

from django import template

from portal.content_cache import remembered, site_part
from portal.restrictions import without_restricted

register = template.Library()


class ProgrammePage(NamedTuple):
    title: str
    url: str
    summary: str


@register.simple_tag(takes_context=True)
def programme_pages(context, page):
    """The live, in-menu children of the page the block sits on that anyone may read (already in the
    reader's language), once per content version."""
    if page is None:
        return []
    request = context.get("request")

    def build():
        children = without_restricted(page.get_children().live().in_menu()).defer_streamfields().specific()
        return [
            ProgrammePage(
                child.title,
                child.get_url(request),
                getattr(child, "introduction", "") or child.search_description,
            )
            for child in children
        ]

    return remembered(f"programme-pages:{site_part(request)}:{page.pk}", build)
