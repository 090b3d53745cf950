"""Facts about the request that every app needs the same way."""

from django.conf import settings


def client_address(request):
    """The sender's address: behind N trusted proxies (PORTAL_TRUSTED_PROXIES), the Nth address from
    the end of X-Forwarded-For (the ones before it are whatever the client claimed)."""
    proxies = settings.PORTAL_TRUSTED_PROXIES
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")
