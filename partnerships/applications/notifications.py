"""E-mails about expressions of interest. Sent after the database commit; a failure is logged and left
for `send_pending_notifications` to retry, and never loses the submission."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from wagtail.models import Site

from partnerships.models import ExpressionOfInterest, PartnershipSettings

logger = logging.getLogger(__name__)


def reviewers_address():
    site = Site.objects.filter(is_default_site=True).first()
    address = PartnershipSettings.for_site(site).reviewers_email if site else ""
    return address or getattr(settings, "PORTAL_REVIEWERS_EMAIL", "")


def _send(subject_template, body_template, context, to, language):
    with translation.override(language):
        subject = render_to_string(subject_template, context).strip()
        body = render_to_string(body_template, context)
    EmailMessage(subject=subject, body=body, to=[to], from_email=settings.DEFAULT_FROM_EMAIL).send()


def send_acknowledgement(application):
    """To the applicant, in the language they wrote in."""
    _send(
        "partnerships/emails/acknowledgement_subject.txt",
        "partnerships/emails/acknowledgement_body.txt",
        {"application": application},
        application.email,
        application.language,
    )


def send_reviewer_notification(application, address):
    """To the reviewers, in the portal's source language; the admin link leads to the full submission."""
    _send(
        "partnerships/emails/notification_subject.txt",
        "partnerships/emails/notification_body.txt",
        {
            "application": application,
            "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
            + reverse("expressions_of_interest:inspect", args=[application.pk]),
        },
        address,
        settings.LANGUAGE_CODE,
    )


def send_pending(application):
    """Send whatever this submission still owes; returns how many e-mails went out."""
    sent = 0
    if application.acknowledgement_sent_at is None:
        try:
            send_acknowledgement(application)
        except Exception:
            logger.exception("Could not send the acknowledgement for %s", application.reference)
        else:
            application.acknowledgement_sent_at = timezone.now()
            application.save(update_fields=["acknowledgement_sent_at"])
            sent += 1
    address = reviewers_address()
    if application.notification_sent_at is None and not address:
        # Said in the worker's log: a notice that silently never goes out looks like a lost e-mail.
        logger.warning(
            "No reviewers' address (Settings › Partnership settings): %s was not announced to them.",
            application.reference,
        )
    if application.notification_sent_at is None and address:
        try:
            send_reviewer_notification(application, address)
        except Exception:
            logger.exception("Could not notify the reviewers of %s", application.reference)
        else:
            application.notification_sent_at = timezone.now()
            application.save(update_fields=["notification_sent_at"])
            sent += 1
    return sent


def pending_applications():
    from django.db.models import Q

    query = Q(acknowledgement_sent_at=None)
    if reviewers_address():
        query |= Q(notification_sent_at=None)
    return ExpressionOfInterest.objects.filter(query).order_by("submitted_at")
