"""Pages anyone may read: Wagtail's view restrictions (password, sign-in, groups) applied inside the
query that lists the pages."""

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr

from wagtail.models import PageViewRestriction


def without_restricted(pages):
    """`pages` without those in a restricted section (the restricted page and everything under it).

    Wagtail's `.public()` reads every restriction in a query of its own before filtering; as a
    subquery, the menu that every page draws costs no query more."""
    restricted_section = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    return pages.exclude(Exists(restricted_section))
