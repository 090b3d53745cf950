"""What every page draws from the published content and no request changes (the menu, the organisation
in the header and footer, where a page is in the other languages), worked out once per content version
instead of by every request.

The content version is the page cache's (portal/page_cache.py): publishing anything replaces it when
the transaction commits, so a value kept under the old version is never read again. The values live in
the page cache's store, shared by every worker (Redis or files), so all of them see a publication at
once. The version is read before the value is built: a value built while something is published is
kept under the version it started from, which the publication has already made stale.

This is not the page cache, and `PORTAL_PAGE_CACHE=off` leaves it on: a page built for a reader still
does only its own work. `PORTAL_CONTENT_CACHE=off` turns it off (the test settings do, so that a test
reads what it has just written)."""

import logging

from django.conf import settings

from wagtail.models import Site

from portal.page_cache import content_version, page_cache

logger = logging.getLogger(__name__)

_MISSING = object()


def remembered(name, build):
    """build()'s value for `name` under the current content version: built once, then read by every
    worker until something is published. `name` must say everything the value depends on besides the
    published content (the site, the language, the page)."""
    if not settings.PORTAL_CONTENT_CACHE:
        return build()
    store = page_cache()
    try:
        key = f"content:{content_version(store)}:{name}"
        value = store.get(key, _MISSING)
    except Exception:
        # The cache being down must not take the site down: the value is built as if uncached.
        logger.exception("The content cache cannot be read")
        return build()
    if value is _MISSING:
        value = build()
        try:
            store.set(key, value, timeout=settings.PORTAL_PAGE_CACHE_SECONDS)
        except Exception:
            logger.exception("The content cache cannot be written")
    return value


def site_part(request):
    """The part of a name that says which site a value is for: page addresses depend on it."""
    site = Site.find_for_request(request) if request is not None else None
    return str(site.pk) if site is not None else "-"
