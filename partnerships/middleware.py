"""Turn a publish refused by the publishing guard into an admin message, wherever in the admin it happens.

The admin's Publish button is answered earlier by the `before_publish` hook (wagtail_hooks.py). This
catches the other paths: a reviewer's "Approve and publish" in the workflow (from the edit view, the
dashboard or the moderation modal), wagtail-localize's "Publish" of a translation, and anything else
that calls `publish()` in an admin request. Those paths run inside `transaction.atomic`, so by the time
the exception reaches here the approval has been rolled back: the task is still in progress."""

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from wagtail.admin import messages
from wagtail.admin.modal_workflow import render_modal_workflow

from partnerships.admin_views import activate_admin_language, record_edit_url, refusal_message
from partnerships.publishing import PublishingBlocked


class PublishingBlockedMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, PublishingBlocked):
            return None
        if not request.path_info.startswith(settings.ADMIN_URL_PREFIX):
            return None

        with activate_admin_language(request.user):
            message = refusal_message(exception.instance, exception.reasons)
        url = (
            record_edit_url(exception.instance) or self.safe_referrer(request) or reverse("wagtailadmin_home")
        )

        if request.headers.get("x-requested-with") == "XMLHttpRequest":
            # The workflow modal expects JSON; "success" makes it follow the redirect, where the message waits.
            messages.error(request, message)
            return render_modal_workflow(
                request, "", None, {}, json_data={"step": "success", "redirect": url}
            )
        if not request.accepts("text/html"):
            return JsonResponse(
                {"success": False, "error_code": "publishing_blocked", "error_message": message}, status=400
            )
        messages.error(request, message)
        return redirect(url)

    @staticmethod
    def safe_referrer(request):
        referrer = request.headers.get("referer")
        if referrer and url_has_allowed_host_and_scheme(
            referrer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            return referrer
        return None
