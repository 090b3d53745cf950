"""What the public may see, decided in one place and in the database.

A record is public when its source-language row is live; a partner also needs its latest decided
due-diligence review to be positive, and a contribution needs its partner to be public."""

from django.db import models
from django.db.models import OuterRef, Subquery

from wagtail.search.queryset import SearchableQuerySetMixin

from portal.locales import in_source_language

from .choices import ContributionStatus, ReviewDecision
from .reviews import DueDiligenceReview

# Withdrawal is a decision too: it ends the partnership as surely as a rejection.
DECIDED = ReviewDecision.decided()


class RecordQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def in_source_language(self):
        return self.filter(in_source_language())


class PartnerQuerySet(RecordQuerySet):
    def with_current_decision(self):
        latest = (
            DueDiligenceReview.objects.filter(partner=OuterRef("pk"), decision__in=DECIDED)
            .exclude(decided_on=None)
            .order_by("-decided_on", "-pk")
        )
        return self.annotate(
            current_decision=Subquery(latest.values("decision")[:1]),
            current_review_id=Subquery(latest.values("pk")[:1]),
        )

    def public(self):
        return (
            self.in_source_language()
            .filter(live=True)
            .with_current_decision()
            .filter(current_decision__in=ReviewDecision.positive())
        )


class ContributionQuerySet(RecordQuerySet):
    def public(self):
        partners = self.model._meta.get_field("partner").related_model.objects.public()
        return self.in_source_language().filter(live=True, partner__in=partners.values("pk"))

    def in_status_group(self, group):
        """Committed, pledged or not counted (StatusGroup): what a figure may add up."""
        return self.filter(status__in=ContributionStatus.in_group(group))
