"""The page cache: anonymous readers get public pages from Django's cache, and anything published
makes every cached page stale at once.

What is cached: the 200 answer to an anonymous GET that sets no cookie (so never a page carrying a
CSRF token, like the apply form), states no `private`/`no-store`/`no-cache` and does not stream.
Such a response is also what a reverse proxy or CDN may keep: it gets
`Cache-Control: public, max-age=PORTAL_PAGE_MAX_AGE, must-revalidate` (unless the view stated its own)
and an ETag from its content, so that a reader revalidating gets 304 (ConditionalGetMiddleware).

Who is never served from it, nor fills it: a request with the session cookie (editors: deciding by
the cookie, because asking `request.user` would read the session from the database on every request)
or the messages cookie (a notice waiting to be shown), or an Authorization header; the admin; any
method but GET and HEAD (HEAD is answered from what a GET stored).

The key: scheme, host, path, the reader's language (from the path prefix, else as LocaleMiddleware
would choose it) and the query string normalised (parameters sorted, empty ones and tracking ones such
as utm_* dropped), under the **content version**. The version is a token kept in the same cache, so
every worker and app server sharing it (Redis) sees a new one at once; `public_content_changed()`
replaces it when the transaction that changed public content commits. Older entries are then never
read again and expire (PORTAL_PAGE_CACHE_SECONDS). What calls it: the receivers below for Wagtail's
and Django's signals on pages, snippets with drafts, site settings, redirects, images, documents,
sites, locales and view restrictions, plus the models an app asks to follow with `follow()`.

A CDN configured through wagtail.contrib.frontend_cache is told at the same moment: every live page
of every site is purged (each translation is a page of its own). Addresses below a page's own (a
partner's profile, a filtered register) are not enumerable; they expire after PORTAL_PAGE_MAX_AGE.

`PORTAL_PAGE_CACHE=off` in the environment turns the page cache off (headers stay as described)."""

import hashlib
import logging
import threading
import uuid
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import cc_delim_re, patch_cache_control, set_response_etag

from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import BaseViewRestriction, DraftStateMixin, Locale, Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

logger = logging.getLogger(__name__)

CACHE_ALIAS = "pages"
VERSION_KEY = "page-cache:version"
CACHE_HEADER = "X-Page-Cache"
SAFE_METHODS = ("GET", "HEAD")
# Parameters that say where a reader came from, not what they asked for.
TRACKING_PARAMETERS = {"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "_ga", "ref"}
TRACKING_PREFIXES = ("utm_",)
# Response headers a cached page may vary on: the key holds the language, and a request with a
# session cookie never reaches the cache.
HARMLESS_VARY = {"accept-language", "cookie", "accept-encoding"}
# A save that writes only these columns is a draft, a lock or a comment: nothing public changes.
BOOKKEEPING_FIELDS = {
    "latest_revision",
    "latest_revision_created_at",
    "has_unpublished_changes",
    "draft_title",
    "locked",
    "locked_at",
    "locked_by",
    "wagtail_admin_comments",
}


def page_cache():
    return caches[CACHE_ALIAS]


def page_cache_on():
    return settings.PORTAL_PAGE_CACHE


def bypasses_the_cache(request):
    """True for requests that may see something personal, or that change something."""
    return (
        request.method not in SAFE_METHODS
        or request.path_info.startswith(settings.ADMIN_URL_PREFIX)
        or settings.SESSION_COOKIE_NAME in request.COOKIES
        or CookieStorage.cookie_name in request.COOKIES
        or "HTTP_AUTHORIZATION" in request.META
    )


def normalised_query(query_string):
    pairs = [
        (name, value)
        for name, value in parse_qsl(query_string, keep_blank_values=True)
        if value.strip() and name not in TRACKING_PARAMETERS and not name.startswith(TRACKING_PREFIXES)
    ]
    return urlencode(sorted(pairs))


def cache_key(request, version):
    language = translation.get_language_from_request(request, check_path=True)
    address = "\n".join(
        [
            request.scheme,
            request.get_host(),
            request.path,
            language,
            normalised_query(request.META.get("QUERY_STRING", "")),
        ]
    )
    return f"page:{version}:{hashlib.sha256(address.encode()).hexdigest()}"


def content_version(cache):
    version = cache.get(VERSION_KEY)
    if version is None:
        # First request, or the entry was evicted: any new token makes every older page unreachable.
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def _cache_control(response):
    return {
        directive.split("=")[0].strip().lower()
        for directive in cc_delim_re.split(response.get("Cache-Control", ""))
        if directive.strip()
    }


def is_public(request, response):
    """A response any reader could be given: the same for everyone, and nobody's token or cookie."""
    vary = {header.strip().lower() for header in cc_delim_re.split(response.get("Vary", "")) if header}
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not {"private", "no-store", "no-cache"} & _cache_control(response)
        and vary <= HARMLESS_VARY
    )


class PageCacheMiddleware:
    """Between WhiteNoise and everything that builds a page (see the module's docstring). Outer
    middleware (request id, security headers, ConditionalGetMiddleware) still runs on a cached page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if bypasses_the_cache(request):
            return self.personal(request, self.get_response(request))
        key = self.key(request) if page_cache_on() else None
        if key is not None:
            stored = self.read(key)
            if stored is not None:
                return self.rebuild(stored)
        response = self.get_response(request)
        if not is_public(request, response):
            return self.personal(request, response)
        if not response.has_header("Cache-Control"):
            patch_cache_control(
                response, public=True, max_age=settings.PORTAL_PAGE_MAX_AGE, must_revalidate=True
            )
        if not response.has_header("ETag"):
            set_response_etag(response)
        if key is not None and request.method == "GET":
            self.store(key, response)
            response[CACHE_HEADER] = "miss"
        return response

    def personal(self, request, response):
        """What is not public says so, so that no shared cache keeps it: forms (a cookie, a CSRF token)
        and the admin are not to be stored at all, a signed-in reader's page is revalidated each time."""
        if response.has_header("Cache-Control"):
            return response
        if (
            response.cookies
            or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            or request.path_info.startswith(settings.ADMIN_URL_PREFIX)
            or request.method not in SAFE_METHODS
        ):
            patch_cache_control(response, private=True, no_store=True)
        elif response.status_code == 200:
            patch_cache_control(response, private=True, no_cache=True)
        return response

    def key(self, request):
        try:
            return cache_key(request, content_version(page_cache()))
        except Exception:
            # The cache being down must not take the site down: the page is built as if uncached.
            logger.exception("The page cache cannot be read")
            return None

    def read(self, key):
        try:
            return page_cache().get(key)
        except Exception:
            logger.exception("The page cache cannot be read")
            return None

    def store(self, key, response):
        stored = (response.status_code, list(response.items()), response.content)
        try:
            page_cache().set(key, stored, timeout=settings.PORTAL_PAGE_CACHE_SECONDS)
        except Exception:
            logger.exception("The page cache cannot be written")

    def rebuild(self, stored):
        status, headers, content = stored
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        response[CACHE_HEADER] = "hit"
        return response


# --- Invalidation -----------------------------------------------------------------------------------

_pending = threading.local()


class _ContentChanged:
    """Run once when the transaction commits, however many changes it made."""

    def __call__(self):
        _pending.callback = None
        new_content_version()
        purge_frontend_caches()


def public_content_changed():
    """Something the public sees may have changed: a new content version when the transaction commits
    (at once outside a transaction), so that no reader is served a page from before the change."""
    callback = getattr(_pending, "callback", None)
    connection = transaction.get_connection()
    if callback is not None and any(queued is callback for _ids, queued, _robust in connection.run_on_commit):
        return
    _pending.callback = _ContentChanged()
    # Robust: the change is committed by then; a cache that is down must not turn it into an error.
    transaction.on_commit(_pending.callback, robust=True)


def new_content_version():
    page_cache().set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def purge_frontend_caches():
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    batch = PurgeBatch()
    batch.add_pages(Page.objects.live().specific(defer=True))
    batch.purge()


_followed = set()


def follow(*models):
    """Saving or deleting a row of these models changes what the public sees (for an app's own
    models that are neither pages nor snippets with drafts: reviews, rates, a taxonomy)."""
    _followed.update(models)


def _is_public_content(instance):
    return (
        isinstance(
            instance,
            Page
            | DraftStateMixin
            | BaseSiteSetting
            | BaseGenericSetting
            | Redirect
            | AbstractImage
            | AbstractDocument
            | Site
            | Locale
            | BaseViewRestriction,
        )
        or type(instance) in _followed
    )


@receiver(post_save, dispatch_uid="page_cache_saved")
def content_saved(sender, instance, created=False, update_fields=None, raw=False, **kwargs):
    if raw or not _is_public_content(instance) or _is_a_draft(instance, update_fields):
        return
    if created and isinstance(instance, BaseSiteSetting | BaseGenericSetting):
        return  # Made with its defaults the first time it is read, by any request: nothing new to show.
    public_content_changed()


def _is_a_draft(instance, update_fields):
    """A draft changes nothing public: publishing, unpublishing and moving have signals of their own."""
    if not isinstance(instance, Page | DraftStateMixin):
        return False
    return not instance.live or (update_fields is not None and set(update_fields) <= BOOKKEEPING_FIELDS)


@receiver(post_delete, dispatch_uid="page_cache_deleted")
def content_deleted(sender, instance, **kwargs):
    if _is_public_content(instance):
        public_content_changed()


@receiver(page_published, dispatch_uid="page_cache_page_published")
@receiver(page_unpublished, dispatch_uid="page_cache_page_unpublished")
@receiver(published, dispatch_uid="page_cache_published")
@receiver(unpublished, dispatch_uid="page_cache_unpublished")
@receiver(post_page_move, dispatch_uid="page_cache_page_moved")
def publishing_changed(sender, **kwargs):
    public_content_changed()
