"""The publishing guard's refusal in the admin: one message and one response, whichever way a record
was published.

The admin's Publish button is answered earlier, by the `before_publish` hook (wagtail_hooks.py). The
middleware catches the other paths: a reviewer's "Approve and publish" in the workflow (from the edit
view, the dashboard or the moderation modal), wagtail-localize's "Publish" of a translation, and
anything else that calls `publish()` in an admin request. Those paths run inside `transaction.atomic`,
so by the time the exception reaches the middleware the approval has been rolled back: the task is
still in progress."""

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext

from wagtail.admin import messages
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.modal_workflow import render_modal_workflow
from wagtail.admin.utils import get_latest_str

from partnerships.publishing import PublishingBlocked


def activate_admin_language(user):
    """The language the admin speaks to this user (their preference, as Wagtail's views use)."""
    profile = getattr(user, "wagtail_userprofile", None)
    language = profile.get_preferred_language() if profile else None
    return translation.override(language) if language else translation.override(translation.get_language())


def refusal_message(instance, reasons):
    return gettext("“%(object)s” was not published. %(reasons)s Your changes are kept as a draft.") % {
        "object": get_latest_str(instance),
        "reasons": " ".join(str(reason) for reason in reasons),
    }


def publishing_refused_response(request, instance, reasons):
    """Say why a record cannot go live, in the user's admin language, and go back to its edit view (or
    the page the user came from); the draft revision is already saved."""
    with activate_admin_language(request.user):
        message = refusal_message(instance, reasons)
    url = (
        AdminURLFinder(request.user).get_edit_url(instance)
        or _safe_referrer(request)
        or reverse("wagtailadmin_home")
    )
    if request.headers.get("x-requested-with") == "XMLHttpRequest":
        # The workflow modal expects JSON; "success" makes it follow the redirect, where the message waits.
        messages.error(request, message)
        return render_modal_workflow(request, "", None, {}, json_data={"step": "success", "redirect": url})
    if not request.accepts("text/html"):
        return JsonResponse(
            {"success": False, "error_code": "publishing_blocked", "error_message": message}, status=400
        )
    messages.error(request, message)
    return redirect(url)


def _safe_referrer(request):
    referrer = request.headers.get("referer")
    if referrer and url_has_allowed_host_and_scheme(
        referrer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return referrer
    return None


class PublishingBlockedMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, PublishingBlocked) and request.path_info.startswith(
            settings.ADMIN_URL_PREFIX
        ):
            return publishing_refused_response(request, exception.instance, exception.reasons)
        return None
