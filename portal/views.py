import logging

from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import Resolver404, resolve
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from wagtail.models import Page

from portal.pagination import PageOutOfRange

logger = logging.getLogger(__name__)


@never_cache
@require_GET
def healthz(request):
    """Liveness for load balancers: 200 when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.exception("Health check: the database is unavailable")
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def page_not_found(request, exception):
    """A page number past the end of a list (portal.pagination.PageOutOfRange) gets a page of its own
    with a link to the list's last page, the same on every list page; anything else, the usual 404."""
    if isinstance(exception, PageOutOfRange):
        context = {"last_page": exception.last_page, "last_url": exception.last_url}
        return render(request, "page_out_of_range.html", context, status=404)
    return defaults.page_not_found(request, exception)


def server_error(request):
    """Rendered without a page context, so it must not touch the database."""
    return render(request, "500.html", status=500)


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
