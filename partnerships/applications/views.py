"""The expression-of-interest form on the apply page: post/redirect/get, one record per submission."""

import logging
import uuid

from django.db import DatabaseError, transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _

from partnerships.models import PartnershipSettings

from . import ratelimit
from .forms import ExpressionOfInterestForm
from .tasks import send_application_emails

logger = logging.getLogger(__name__)

SESSION_KEY = "expression_of_interest_reference"
RETRY_AFTER_SECONDS = 300
TEMPLATE = "partnerships/apply_page.html"


def _contact_address(request):
    """Where the next steps send applicants' questions when the page names no contact point: the
    partnership team's address."""
    return PartnershipSettings.for_request(request).reviewers_email


def _render(page, request, form, status=200, form_error=None):
    site_settings = PartnershipSettings.for_request(request)
    privacy_page = site_settings.privacy_page.localized if site_settings.privacy_page else None
    context = page.get_context(request)
    context.update(
        {
            "form": form,
            "form_error": form_error,
            "privacy_page": privacy_page,
        }
    )
    context.setdefault("contact_email", _contact_address(request))
    return TemplateResponse(request, TEMPLATE, context, status=status)


def apply_form(page, request):
    if request.method != "POST":
        return _render(page, request, ExpressionOfInterestForm())

    form = ExpressionOfInterestForm(request.POST)
    if form.is_spam:
        # Look exactly like a success to the bot, and keep nothing.
        ratelimit.take_place(request)
        request.session[SESSION_KEY] = f"EOI-{uuid.uuid4().hex[:6].upper()}"
        return redirect(page.url + page.reverse_subpage("thanks"))
    if not form.is_valid():
        return _render(page, request, form, status=400)

    try:
        # A savepoint: after a failed write the page around the form still needs the database.
        with transaction.atomic():
            existing = form.existing_submission()
            if existing is None and not ratelimit.take_place(request, form.cleaned_data["email"]):
                message = _(
                    "Several proposals have come from this connection or for this e-mail address in the "
                    "last hour. Your text is still below: please try again later, or write to us by e-mail."
                )
                return _render(page, request, form, status=429, form_error=message)
            application, created = form.save(language=translation.get_language())
    except DatabaseError:
        logger.exception("Could not store an expression of interest")
        message = _(
            "We could not save your proposal just now. Everything you typed is still below: please send "
            "it again in a few minutes."
        )
        response = _render(page, request, form, status=503, form_error=message)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    if created:
        transaction.on_commit(lambda: send_application_emails.enqueue(application.pk))
    request.session[SESSION_KEY] = application.reference
    return redirect(page.url + page.reverse_subpage("thanks"))


def thanks(page, request):
    reference = request.session.get(SESSION_KEY)
    if not reference:
        return redirect(page.url)
    context = page.get_context(request)
    context["reference"] = reference
    context.setdefault("contact_email", _contact_address(request))
    return TemplateResponse(request, "partnerships/apply_thanks.html", context)


def after_csrf_failure(page, request):
    """A stale or missing CSRF token: show the form again with what was typed, and a fresh token."""
    form = ExpressionOfInterestForm(request.POST)
    form.is_valid()
    message = _(
        "For your security the form expired before it was sent. Nothing was lost: check your answers "
        "below and send them again."
    )
    return _render(page, request, form, status=403, form_error=message)
