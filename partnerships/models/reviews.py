"""Due-diligence reviews: records of their own, outside the partner's revisions, so that a decision
takes effect when it is recorded (see partnerships.signals) and every decision stays on file."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from portal import locales

from .choices import CriterionResult, ReviewDecision, ReviewType, RiskLevel, ScreeningResult

CRITERIA = [
    ("values", _("The partner shares the organisation's core values and principles.")),
    (
        "activities",
        _("The partner's activities are compatible with the organisation's principles, aims and activities."),
    ),
    (
        "purpose",
        _(
            "The contribution is meant for purposes compatible with the organisation's principles, aims and activities."
        ),
    ),
]
FAILING_RESULTS = {CriterionResult.DOES_NOT_MEET, CriterionResult.NOT_ASSESSED}


def criterion_field():
    return models.CharField(
        max_length=24, choices=CriterionResult.choices, default=CriterionResult.NOT_ASSESSED
    )


class ReviewIsFinal(Exception):
    """A decided review is kept as it was decided: a correction is a new review."""


class DueDiligenceReview(models.Model):
    """A reviewer's assessment of a partner. Internal: only the decision date, the three results and the
    next review date are ever published (see PUBLIC_FIELDS). Once decided it is final."""

    PUBLIC_FIELDS = ("decided_on", "values_result", "activities_result", "purpose_result", "next_review_due")

    partner = models.ForeignKey(
        "partnerships.Partner",
        verbose_name=_("partner"),
        on_delete=models.CASCADE,
        related_name="due_diligence_reviews",
        # Reviews are of the organisation, so of its source-language record.
        limit_choices_to=locales.in_source_language,
    )
    contribution = models.ForeignKey(
        "partnerships.Contribution",
        verbose_name=_("contribution reviewed"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Only for a review of one specific contribution."),
    )
    review_type = models.CharField(
        _("review type"), max_length=24, choices=ReviewType.choices, default=ReviewType.INITIAL
    )
    opened_on = models.DateField(_("opened on"))
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    next_review_due = models.DateField(_("next review due"), null=True, blank=True)

    values_result = criterion_field()
    values_rationale = models.TextField(_("rationale (values)"), blank=True)
    activities_result = criterion_field()
    activities_rationale = models.TextField(_("rationale (activities)"), blank=True)
    purpose_result = criterion_field()
    purpose_rationale = models.TextField(_("rationale (purpose)"), blank=True)

    sanctions_screening = models.CharField(
        _("sanctions screening"),
        max_length=20,
        choices=ScreeningResult.choices,
        default=ScreeningResult.NOT_RUN,
    )
    risk_level = models.CharField(_("risk level"), max_length=8, choices=RiskLevel.choices, blank=True)
    decision = models.CharField(
        _("decision"), max_length=32, choices=ReviewDecision.choices, default=ReviewDecision.PENDING
    )
    conditions = models.TextField(
        _("conditions"), blank=True, help_text=_("For an approval with conditions.")
    )
    reviewers = models.CharField(_("reviewers"), max_length=255, blank=True)
    notes = models.TextField(_("internal notes"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now, editable=False)

    panels = [
        FieldPanel("partner"),
        FieldRowPanel([FieldPanel("review_type"), FieldPanel("contribution")]),
        FieldRowPanel([FieldPanel("opened_on"), FieldPanel("decided_on"), FieldPanel("next_review_due")]),
        MultiFieldPanel(
            [
                FieldPanel("values_result", heading=CRITERIA[0][1]),
                FieldPanel("values_rationale"),
                FieldPanel("activities_result", heading=CRITERIA[1][1]),
                FieldPanel("activities_rationale"),
                FieldPanel("purpose_result", heading=CRITERIA[2][1]),
                FieldPanel("purpose_rationale"),
            ],
            heading=_("Criteria"),
        ),
        FieldRowPanel([FieldPanel("sanctions_screening"), FieldPanel("risk_level")]),
        FieldPanel("decision"),
        FieldPanel("conditions"),
        FieldPanel("reviewers"),
        FieldPanel("notes"),
    ]

    class Meta:
        verbose_name = _("due-diligence review")
        verbose_name_plural = _("due-diligence reviews")
        ordering = ["-recorded_at", "-pk"]

    def __str__(self):
        return f"{self.get_review_type_display()} ({self.get_decision_display()})"

    def save(self, *args, **kwargs):
        if self.was_decided():
            raise ReviewIsFinal(f"Review {self.pk} is decided: record a new review instead.")
        return super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self.was_decided():
            raise ReviewIsFinal(f"Review {self.pk} is decided: it stays on file.")
        return super().delete(*args, **kwargs)

    @property
    def is_positive(self):
        return self.decision in ReviewDecision.positive()

    @property
    def is_decided(self):
        return self.decision != ReviewDecision.PENDING

    @property
    def takes_partner_off_the_site(self):
        return self.decision in ReviewDecision.negative()

    def was_decided(self):
        """Whether the stored row (not this instance, which a form may have changed) is decided."""
        return (
            self.pk is not None
            and type(self).objects.filter(pk=self.pk).exclude(decision=ReviewDecision.PENDING).exists()
        )

    def clean(self):
        super().clean()
        errors = {}
        if self.decided_on and self.opened_on and self.decided_on < self.opened_on:
            errors["decided_on"] = _("A review cannot be decided before it was opened.")
        if self.decision != ReviewDecision.PENDING and not self.decided_on:
            errors["decided_on"] = _("Give the date of the decision.")
        if self.is_positive:
            if any(getattr(self, f"{key}_result") in FAILING_RESULTS for key, _text in CRITERIA):
                errors["decision"] = _("A review can only approve when every criterion is met.")
            if self.sanctions_screening in (ScreeningResult.NOT_RUN, ScreeningResult.CONFIRMED_MATCH):
                errors["sanctions_screening"] = _(
                    "Approval needs a sanctions screening without a confirmed match."
                )
        if self.decision == ReviewDecision.APPROVED_WITH_CONDITIONS and not self.conditions.strip():
            errors["conditions"] = _("Say what the conditions are.")
        if self.contribution_id and self.partner_id and self.contribution.partner_id != self.partner_id:
            errors["contribution"] = _("Choose one of this partner's contributions.")
        if self.next_review_due and self.decided_on and self.next_review_due <= self.decided_on:
            errors["next_review_due"] = _("The next review must fall after the decision.")
        if errors:
            raise ValidationError(errors)


class PartnerStanding(models.Model):
    """The decision in force for a partner: that of its latest decided review (by decision date, then
    by id), one row per partner that has one. It is derived from the reviews and written only by
    PartnerQuerySet.refresh_standings(), which partnerships.signals calls whenever a review is saved
    or deleted; whoever writes reviews in bulk calls it too. Partner.objects.public() joins it: a
    plain column the database can count and plan with, where the same decision read from the reviews
    by a subquery per partner made PostgreSQL misjudge every list of public records."""

    partner = models.OneToOneField(
        "partnerships.Partner", primary_key=True, on_delete=models.CASCADE, related_name="standing"
    )
    review = models.ForeignKey(DueDiligenceReview, on_delete=models.CASCADE, related_name="+")
    decision = models.CharField(max_length=32, choices=ReviewDecision.choices)

    def __str__(self):
        return f"{self.partner_id}: {self.decision}"
