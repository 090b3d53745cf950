from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from wagtail.models import Locale

from partnerships.models import ApplicationStatus, DueDiligenceReview, Partner, ReviewDecision, ReviewType


def _unique_slug(name, fallback, locale):
    base = slugify(name)[:100] or slugify(fallback)
    slug, counter = base, 2
    while Partner.objects.filter(locale=locale, slug=slug).exists():
        slug, counter = f"{base}-{counter}", counter + 1
    return slug


@transaction.atomic
def start_partner_record(application, user):
    """A draft partner pre-filled from the submission, with a pending initial review, linked back to it.
    Draft only: it goes public only once a reviewer approves the review and the partner (invariant 2).

    Only what identifies the organisation is copied. The proposal and its alignment were written for
    the reviewers alone (editors cannot read them), so the summary starts empty: a required field the
    editor must write before the record can be submitted."""
    if application.partner_id:
        return application.partner
    locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    partner = Partner(
        locale=locale,
        name=application.organisation_name,
        slug=_unique_slug(application.organisation_name, application.reference, locale),
        partner_type=application.organisation_type,
        country=application.country,
        website=application.website,
        summary="",
        live=False,
    )
    # A parental many-to-many is written by save(), so it is set first.
    partner.cooperation_areas = list(application.cooperation_areas.all())
    partner.save()
    DueDiligenceReview.objects.create(
        partner=partner,
        review_type=ReviewType.INITIAL,
        opened_on=timezone.localdate(),
        decision=ReviewDecision.PENDING,
        notes=f"Opened from expression of interest {application.reference}.",
        recorded_by=user,
    )
    # Unvalidated on purpose: the summary is left for the editor, whose form requires it.
    partner.save_revision(user=user, log_action=True, clean=False)
    application.partner = partner
    application.status = ApplicationStatus.DUE_DILIGENCE
    application.save()
    return partner
