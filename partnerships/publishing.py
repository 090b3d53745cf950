"""The publishing guard: invariants 2 and 3 of the brief, enforced wherever a record goes live.

Every way of publishing (the admin's Publish button, a workflow approval, scheduled publishing,
wagtail-localize, a script calling revision.publish()) goes through Model.publish(); anything that
saves a row as live without it still goes through Model.save(). Both ask the record what blocks it."""

from django.utils.translation import gettext as _

from partnerships.models.choices import ReviewDecision
from partnerships.models.querysets import DECIDED


class PublishingBlocked(Exception):
    def __init__(self, instance, reasons):
        self.instance = instance
        self.reasons = reasons
        super().__init__(" ".join(str(reason) for reason in reasons))


class PublishGuardMixin:
    def get_publish_blockers(self):
        """Reasons, in the reader's language, why this version may not go live; empty when it may."""
        return []

    def publish(self, revision, *args, **kwargs):
        candidate = revision.as_object()
        reasons = candidate.get_publish_blockers()
        if reasons:
            raise PublishingBlocked(candidate, reasons)
        return super().publish(revision, *args, **kwargs)

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if self.live and (update_fields is None or "live" in update_fields):
            reasons = self.get_publish_blockers()
            if reasons:
                raise PublishingBlocked(self, reasons)
        return super().save(*args, **kwargs)


def _current_review(reviews):
    decided = [review for review in reviews if review.decision in DECIDED and review.decided_on]
    return max(decided, key=lambda review: (review.decided_on, review.pk or 0), default=None)


def partner_publish_blockers(partner):
    reasons = []
    source = partner.get_source()
    if source is None:
        return [_("This translation has no original record to follow.")]
    if source is not partner and not source.live:
        reasons.append(
            _("Publish the original record of %(partner)s before its translations.") % {"partner": partner}
        )
    # Reviews are records of their own: whichever version is published, the recorded decisions apply.
    current = _current_review(source.due_diligence_reviews.all())
    if current is None:
        reasons.append(
            _(
                "%(partner)s has no completed due-diligence review. A transparency reviewer must record an approved review before it can be published."
            )
            % {"partner": partner}
        )
    elif current.decision == ReviewDecision.WITHDRAWN:
        reasons.append(
            _(
                "The partnership with %(partner)s was withdrawn in its latest due-diligence review, so it cannot be published."
            )
            % {"partner": partner}
        )
    elif not current.is_positive:
        reasons.append(
            _(
                "The latest due-diligence review of %(partner)s rejected the partnership, so it cannot be published."
            )
            % {"partner": partner}
        )
    return reasons


def contribution_publish_blockers(contribution):
    reasons = []
    partners = type(contribution)._meta.get_field("partner").related_model.objects
    if not partners.public().filter(pk=contribution.partner_id).exists():
        reasons.append(
            _("%(partner)s is not on the public register, so its contributions cannot be published yet.")
            % {"partner": contribution.partner}
        )
    source = contribution.get_source()
    if source is not None and source is not contribution and not source.live:
        reasons.append(_("Publish the original record of this contribution before its translations."))
    return reasons
