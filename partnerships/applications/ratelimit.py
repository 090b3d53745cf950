"""At most a few expressions of interest an hour from one address, counted in the shared cache.

Addresses are hashed with the secret key before they reach the cache: nothing personal is kept."""

import hashlib

from django.conf import settings
from django.core.cache import cache

WINDOW_SECONDS = 60 * 60


def _key(request):
    address = request.META.get("REMOTE_ADDR", "")
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()[:32]
    return f"eoi-rate:{digest}"


def limit():
    return getattr(settings, "PORTAL_APPLICATIONS_PER_HOUR", 5)


def is_limited(request):
    return cache.get(_key(request), 0) >= limit()


def record_submission(request):
    key = _key(request)
    if cache.add(key, 1, WINDOW_SECONDS):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, WINDOW_SECONDS)
