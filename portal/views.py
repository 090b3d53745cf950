import logging
import sys

from django.conf import settings
from django.db import DatabaseError, connections
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import Resolver404, resolve
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from wagtail.models import Page

from portal.health import run_checks
from portal.pagination import PageOutOfRange
from portal.site_urls import absolute_url

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 120


@never_cache
@require_GET
def healthz(request):
    """For load balancers and monitoring: 200 when the site can serve, else 503 and what is wrong."""
    checks = run_checks()
    if all(result == "ok" for result in checks.values()):
        return JsonResponse({"status": "ok", **checks})
    logger.error("Health check failed: %s", checks)
    return JsonResponse({"status": "error", **checks}, status=503)


@require_GET
def robots_txt(request):
    lines = ["User-agent: *"]
    # A moved admin (ADMIN_PATH) is not announced here.
    if settings.ADMIN_URL_PREFIX == "/admin/":
        lines.append("Disallow: /admin/")
    lines.append(f"Sitemap: {absolute_url(request, '/sitemap.xml')}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def page_not_found(request, exception):
    """A page number past the end of a list (portal.pagination.PageOutOfRange) gets a page of its own
    with a link to the list's last page, the same on every list page; anything else, the usual 404."""
    if isinstance(exception, PageOutOfRange):
        context = {"last_page": exception.last_page, "last_url": exception.last_url}
        return render(request, "page_out_of_range.html", context, status=404)
    return defaults.page_not_found(request, exception)


def server_error(request):
    """Rendered without a page context, so it must not touch the database. Django calls it while the
    error is being handled: a database that is down or has lost its tables answers 503, and its
    connection is closed so that the next request reconnects and the site recovers by itself."""
    error = sys.exc_info()[1]
    if isinstance(error, DatabaseError):
        for connection in connections.all(initialized_only=True):
            # Not inside a transaction still open (a test's), which must end by rolling back.
            if not connection.in_atomic_block:
                connection.close()
        response = render(request, "503.html", status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return render(request, "500.html", status=500)


def sign_in_locked_out(request, credentials=None):
    """What django-axes answers after too many failed sign-ins, in the reader's language."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "admin_locked_out.html", {"cooloff_minutes": minutes}, status=429)


def csrf_failure(request, reason=""):
    """A form sent with a stale or missing security token: a page that can show its form again with
    what was typed says so with `serve_csrf_failure(request)` (the apply page); otherwise explain in
    the reader's language."""
    try:
        match = resolve(request.path_info)
        # Wagtail's catch-all URL passes the page path positionally.
        route = Page.route_for_request(request, match.args[0] if match.args else "")
    except Resolver404:
        route = None
    serve_csrf_failure = getattr(route[0].specific, "serve_csrf_failure", None) if route else None
    if serve_csrf_failure is not None and request.method == "POST":
        return serve_csrf_failure(request)
    return render(request, "403_csrf.html", status=403)
