"""Absolute addresses for readers and crawlers, built from the Wagtail Site.

The Host header is whatever the client sent (any port on an allowed host passes
ALLOWED_HOSTS), so canonical, alternate, feed and sitemap addresses never take it:
they take the scheme, host and port an administrator gave the Site (Settings -> Sites).
"""

from django.conf import settings

from wagtail.models import Site


def site_root_url(request):
    site = Site.find_for_request(request)
    if site is None:
        # Only before any Site exists (a database being set up).
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return site.root_url


def absolute_url(request, url):
    """`url` (a path starting with "/") under the Site's root URL. Wagtail already gives a page on
    another Site its full URL; that one is kept."""
    if url.startswith(("http://", "https://")):
        return url
    return site_root_url(request) + url
