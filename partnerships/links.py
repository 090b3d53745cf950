"""Where the public records live: the directory's and the register's addresses in the reader's
language (or in the source language, failing that), and the address of a partner's profile or of a
contribution's page. Every template links to records through these (see records_tags)."""

from dataclasses import dataclass

from django.apps import apps
from django.db.models import Q
from django.utils.translation import get_language

from wagtail.models import Page

from portal.content_cache import remembered, site_part
from portal.locales import active_locale, in_source_language


@dataclass
class RecordLinks:
    directory: str | None = None
    register: str | None = None
    # The open-data page: the "How these figures are calculated" note links to it
    # (components/figures_note.html).
    open_data: str | None = None

    def partner(self, slug):
        return f"{self.directory}{slug}/" if self.directory else None

    def contribution(self, slug):
        return f"{self.register}{slug}/" if self.register else None


def record_links(request=None, locale=None):
    """The directory's, the register's and the open-data page's addresses, found with one query once per
    content version (portal/content_cache.py).

    Remembered for the rest of the request too: a page of records links each of them."""
    language = get_language()
    this_request = getattr(request, "_portal_record_links", None)
    if this_request is not None and this_request[0] == language:
        return this_request[1]
    locale = locale or active_locale()

    def build():
        # By name: the page models serve their routes through this module, so it cannot import them.
        directory_page = apps.get_model("partnerships", "PartnerIndexPage")
        register_page = apps.get_model("partnerships", "ContributionIndexPage")
        open_data_page = apps.get_model("partnerships", "OpenDataPage")
        kinds = {directory_page: "directory", register_page: "register", open_data_page: "open_data"}
        pages = Page.objects.live().type(*kinds).filter(Q(locale=locale) | in_source_language())
        found = {}
        # The reader's language wins over the source-language fallback.
        for page in sorted(pages, key=lambda page: page.locale_id != locale.pk):
            found.setdefault(kinds[page.specific_class], page.get_url(request))
        return RecordLinks(**found)

    links = remembered(f"record-links:{site_part(request)}:{locale.pk}", build)
    if request is not None:
        request._portal_record_links = (language, links)
    return links
