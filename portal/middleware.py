from csp.middleware import CSPMiddleware

from django.conf import settings


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
