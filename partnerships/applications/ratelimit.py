"""At most a few expressions of interest an hour from one address, counted in the "ratelimit" cache,
which every worker shares (Redis, or else the database).

Addresses are hashed with the secret key before they reach the cache: nothing personal is kept."""

import hashlib

from django.conf import settings
from django.core.cache import caches

WINDOW_SECONDS = 60 * 60


def client_address(request):
    """The sender's address: behind N trusted proxies, the Nth address from the end of X-Forwarded-For
    (the ones before it are whatever the client claimed)."""
    proxies = settings.PORTAL_TRUSTED_PROXIES
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def _key(request):
    address = client_address(request)
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()[:32]
    return f"eoi-rate:{digest}"


def limit():
    return getattr(settings, "PORTAL_APPLICATIONS_PER_HOUR", 5)


def is_limited(request):
    return caches["ratelimit"].get(_key(request), 0) >= limit()


def record_submission(request):
    cache = caches["ratelimit"]
    key = _key(request)
    if cache.add(key, 1, WINDOW_SECONDS):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, WINDOW_SECONDS)
