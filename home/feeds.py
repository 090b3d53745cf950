import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext

from portal.site_urls import absolute_url


class UpdatesFeed(Feed):
    """An Atom feed of one language's live updates. Django's feed takes xml:lang from the active
    language; every link is absolute under the Site's root URL, so Django's own completion (with
    the host the feed was requested on) never applies."""

    feed_type = Atom1Feed
    limit = 20

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return gettext("Partnerships Transparency Portal: updates")

    def subtitle(self):
        return self.index_page.introduction

    def link(self):
        return absolute_url(self.request, self.index_page.get_url(self.request))

    def feed_url(self):
        return self.link() + "feed/"

    def feed_guid(self):
        return self.feed_url()

    def items(self):
        return self.index_page.get_updates().defer_streamfields()[: self.limit]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return absolute_url(self.request, item.get_url(self.request))

    def item_guid(self, item):
        # Stable across slug changes: the page id, under the index's address.
        return f"{self.feed_guid()}#update-{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        # The date the editor gave the update, not when its page happened to be published.
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time.min))

    def item_updateddate(self, item):
        return item.last_published_at or item.first_published_at
