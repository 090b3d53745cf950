"""At most a few expressions of interest an hour from one connection, and as many acknowledgements an
hour to one e-mail address, counted in the database so that every worker shares the count.

Each count is taken with one conditional UPDATE (or one INSERT for a new sender), which the database
applies one at a time: twenty simultaneous posts take at most the five places there are. Addresses
are hashed with the secret key before they are stored: nothing personal is kept."""

import hashlib
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from partnerships.models import SubmissionCount
from portal.requests import client_address

WINDOW = timedelta(hours=1)


def _key(kind, value):
    return hashlib.sha256(f"{settings.SECRET_KEY}:{kind}:{value}".encode()).hexdigest()


def limit():
    return getattr(settings, "PORTAL_APPLICATIONS_PER_HOUR", 5)


def _take_place(key):
    """Counts one more submission under `key`; False when the window's places are all taken."""
    if limit() < 1:
        return False
    now = timezone.now()
    window_start = now - WINDOW
    counts = SubmissionCount.objects.filter(key=key)
    current_window = counts.filter(window_started_at__gt=window_start, count__lt=limit())
    if current_window.update(count=F("count") + 1):
        return True
    if counts.filter(window_started_at__lte=window_start).update(count=1, window_started_at=now):
        return True
    if counts.exists():
        return False
    SubmissionCount.objects.filter(window_started_at__lte=window_start).delete()
    try:
        with transaction.atomic():
            SubmissionCount.objects.create(key=key, count=1, window_started_at=now)
    except IntegrityError:
        # A simultaneous first submission created the count: take a place in it like the others.
        return bool(current_window.update(count=F("count") + 1))
    return True


def take_place(request, email=None):
    """Counts a submission from this connection and, when given, an acknowledgement to `email`; False
    when either has reached the limit for this hour."""
    allowed = _take_place(_key("address", client_address(request)))
    if email:
        allowed = _take_place(_key("recipient", email.strip().lower())) and allowed
    return allowed
