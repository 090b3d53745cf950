import secrets

from django_countries.fields import CountryField

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .choices import PartnerType


class ApplicationStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    UNDER_REVIEW = "under_review", _("Under review")
    DUE_DILIGENCE = "due_diligence", _("In due diligence")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")


# The shortest proposal the form takes: a few sentences, not a word.
PROPOSAL_MIN_LENGTH = 50
PROPOSAL_MIN_WORDS = 5

REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I: read out over the phone


def new_reference():
    return f"EOI-{timezone.now():%Y}-" + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(6))


class ExpressionOfInterest(models.Model):
    """What a prospective partner sends from /<lang>/apply/. Private: reviewers only, never public."""

    reference = models.CharField(
        _("reference"), max_length=20, unique=True, default=new_reference, editable=False
    )
    # One per form rendering: a double click or a refresh re-sends the same token and finds the same record.
    submission_token = models.UUIDField(unique=True, editable=False)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, editable=False)
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now, editable=False)

    organisation_name = models.CharField(_("organisation name"), max_length=200)
    organisation_type = models.CharField(_("organisation type"), max_length=32, choices=PartnerType.choices)
    country = CountryField(_("country"))
    website = models.URLField(_("website"), blank=True)
    contact_name = models.CharField(_("contact name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    contribution_types = models.JSONField(_("proposed contribution types"), default=list)
    cooperation_areas = models.ManyToManyField(
        "partnerships.CooperationArea", verbose_name=_("cooperation areas"), blank=True, related_name="+"
    )
    proposal = models.TextField(_("description of the proposal"), max_length=5000)
    alignment = models.TextField(_("how the proposal fits the organisation's aims"), max_length=2000)
    consent_given_at = models.DateTimeField(_("consent to data processing given at"))

    status = models.CharField(
        _("status"), max_length=16, choices=ApplicationStatus.choices, default=ApplicationStatus.RECEIVED
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewer_notes = models.TextField(_("reviewer notes"), blank=True)
    status_changed_at = models.DateTimeField(_("status changed at"), default=timezone.now, editable=False)
    partner = models.ForeignKey(
        "partnerships.Partner",
        verbose_name=_("partner record"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    acknowledgement_sent_at = models.DateTimeField(
        _("acknowledgement sent at"), null=True, blank=True, editable=False
    )
    notification_sent_at = models.DateTimeField(
        _("reviewers notified at"), null=True, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("expression of interest")
        verbose_name_plural = _("expressions of interest")
        ordering = ["-submitted_at"]
        indexes = [models.Index(fields=["status", "submitted_at"])]

    def __str__(self):
        return f"{self.reference} — {self.organisation_name}"

    def save(self, *args, **kwargs):
        if self.pk:
            previous = type(self).objects.filter(pk=self.pk).values_list("status", flat=True).first()
            if previous is not None and previous != self.status:
                self.status_changed_at = timezone.now()
        super().save(*args, **kwargs)


class SubmissionCount(models.Model):
    """How many expressions of interest one sender (or one recipient of the acknowledgement) has sent
    in the current window. The key is a keyed hash: no address is kept. Updated only by single
    conditional UPDATEs (partnerships.applications.ratelimit), so that simultaneous posts to any worker
    cannot all slip under the limit."""

    key = models.CharField(max_length=64, unique=True)
    window_started_at = models.DateTimeField(db_index=True)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("submission count")
        verbose_name_plural = _("submission counts")

    def __str__(self):
        return f"{self.count} since {self.window_started_at:%Y-%m-%d %H:%M}"
