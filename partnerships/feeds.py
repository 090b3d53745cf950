"""Atom feeds of register changes, one per language: /<lang>/partners/feed/ and /<lang>/contributions/feed/.

Each entry is a public record (Partner.objects.public(), Contribution.objects.public()) as the reader's
language shows it: the text of its live translation, or the source text when there is none (the entry
then says so with its own xml:lang). Entries come newest change first, the change being the later of
the record's and that translation's last publication. Links are absolute under the Wagtail Site's root
URL, never the Host header (portal.site_urls); ids stay the same when a slug changes."""

from django.contrib.syndication.views import Feed
from django.db.models import F
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext

from wagtail.models import Site

from partnerships.localize import localize_records, with_change_date
from partnerships.models.records import Partner
from portal.locales import active_locale
from portal.site_urls import absolute_url

FEED_LENGTH = 50


class RecordAtomFeed(Atom1Feed):
    """Atom, with xml:lang on an entry whose text is in another language than the feed's (a fallback)."""

    def item_attributes(self, item):
        attributes = super().item_attributes(item)
        language = item.get("text_language")
        if language and language != self.feed["language"]:
            attributes["xml:lang"] = language
        return attributes


class RecordFeed(Feed):
    """What the two register feeds share; a subclass names its records, its route and its text."""

    feed_type = RecordAtomFeed
    limit = FEED_LENGTH
    route = ""  # the index page's route of one record's page
    kind = ""  # names an entry in its id

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def __call__(self, request, *args, **kwargs):
        self.request = request
        self.locale = active_locale()
        return super().__call__(request, *args, **kwargs)

    def records(self):
        raise NotImplementedError

    def author_name(self):
        # Atom wants an author: the portal, as an administrator named its Site.
        site = Site.find_for_request(self.request)
        return (site.site_name if site else "") or self.title()

    def subtitle(self):
        return self.index_page.introduction or None

    def link(self):
        return absolute_url(self.request, self.index_page.get_url(self.request))

    def feed_url(self):
        return self.link() + self.index_page.reverse_subpage("feed").lstrip("/")

    def feed_guid(self):
        return self.feed_url()

    def items(self):
        """The newest changes: one query for the records, one for their translations."""
        records = with_change_date(self.records(), self.locale).order_by(
            F("changed_at").desc(nulls_last=True), "-pk"
        )
        return localize_records(records[: self.limit], self.locale)

    def item_link(self, item):
        subpath = self.index_page.reverse_subpage(self.route, kwargs={"slug": item.slug})
        return self.link() + subpath.lstrip("/")

    def item_guid(self, item):
        # The source record's id: stable across slug changes and the same for every update of it.
        return f"{self.feed_guid()}#{self.kind}-{item.source.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.source.first_published_at

    def item_updateddate(self, item):
        return item.changed_at or item.source.first_published_at

    def item_extra_kwargs(self, item):
        return {"text_language": item.language}


class PartnerFeed(RecordFeed):
    route = "partner"
    kind = "partner"

    def title(self):
        return gettext("Partnerships Transparency Portal: new and updated partners")

    def records(self):
        return Partner.objects.public().defer("description")

    def item_title(self, item):
        return item.name  # an organisation's own name is not translated

    def item_description(self, item):
        return escape(item.text.summary)


class ContributionFeed(RecordFeed):
    route = "contribution"
    kind = "contribution"

    def title(self):
        return gettext("Partnerships Transparency Portal: new and updated contributions")

    def records(self):
        return self.index_page.get_contributions().select_related("partner")

    def item_title(self, item):
        return f"{item.reference}: {item.text.title}"

    def item_description(self, item):
        return escape(f"{item.partner.name}. {item.text.purpose}")
