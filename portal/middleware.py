import logging
import time

from csp.middleware import CSPMiddleware

from django.conf import settings

from portal.logging import request_context, request_id_from

access_logger = logging.getLogger("portal.access")


class RequestIDMiddleware:
    """First in MIDDLEWARE: every log record of a request carries its id (portal.logging), and the
    response returns it in X-Request-ID. The id is the reverse proxy's X-Request-ID when that is a
    sane token, so the proxy's log, the portal's and the reader's error report can be matched.

    One access line per request goes to the `portal.access` logger, which LOGGING turns on with
    LOG_FORMAT=json (gunicorn's own access log has no request id and is not JSON)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = request_id_from(request.headers.get("X-Request-ID"))
        request.request_id = request_id
        started = time.monotonic()
        with request_context(request_id, request.method, request.path):
            response = self.get_response(request)
            response["X-Request-ID"] = request_id
            access_logger.info(
                "%s %s %s",
                request.method,
                request.path,
                response.status_code,
                extra={
                    "status_code": response.status_code,
                    "duration_ms": round((time.monotonic() - started) * 1000, 1),
                },
            )
        return response


class PortalCSPMiddleware(CSPMiddleware):
    """The strict policy everywhere, relaxed only inside the Wagtail admin, which needs inline code and
    shows previews in frames of its own: there X-Frame-Options says SAMEORIGIN, as the policy's
    frame-ancestors does, instead of the DENY of public pages."""

    def process_response(self, request, response):
        response = super().process_response(request, response)
        if request.path_info.startswith(settings.ADMIN_URL_PREFIX):
            response["X-Frame-Options"] = "SAMEORIGIN"
        return response

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and request.path_info.startswith(settings.ADMIN_URL_PREFIX):
            parts.replace = {**(parts.replace or {}), **settings.ADMIN_CONTENT_SECURITY_POLICY}
        return parts


class PermissionsPolicyMiddleware:
    """Django has no setting for Permissions-Policy; this turns off browser features the portal never uses."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
