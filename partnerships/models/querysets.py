"""What the public may see, decided in one place and in the database.

A record is public when its source-language row is live; a partner also needs its latest decided
due-diligence review to be positive, and a contribution needs its partner to be public."""

from django.db import connections, models
from django.db.models import F, OuterRef, Subquery

from wagtail.search.queryset import SearchableQuerySetMixin

from portal.locales import in_source_language, source_locale

from .choices import ContributionStatus, ReviewDecision
from .reviews import DueDiligenceReview, PartnerStanding

# Withdrawal is a decision too: it ends the partnership as surely as a rejection.
DECIDED = ReviewDecision.decided()


class RecordQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def in_source_language(self):
        return self.filter(in_source_language())

    def in_source_locale(self):
        """The same rows as in_source_language(), by the locale's id: a constant the database can
        estimate from its statistics (the join on the language code made PostgreSQL expect one row)."""
        return self.filter(locale=source_locale())


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
        """Live source rows whose decision in force (PartnerStanding) is positive, annotated with it
        as with_current_decision() would."""
        return (
            self.in_source_locale()
            .filter(live=True, standing__decision__in=ReviewDecision.positive())
            .annotate(current_decision=F("standing__decision"), current_review_id=F("standing__review_id"))
        )

    def refresh_standings(self):
        """Write the decision in force (PartnerStanding) of these partners from their reviews."""
        decided = self.with_current_decision().exclude(current_decision=None)
        standings = [
            PartnerStanding(partner_id=pk, decision=decision, review_id=review_id)
            for pk, decision, review_id in decided.values_list("pk", "current_decision", "current_review_id")
        ]
        PartnerStanding.objects.filter(partner__in=self.values("pk")).delete()
        PartnerStanding.objects.bulk_create(standings)


class ContributionQuerySet(RecordQuerySet):
    def public(self):
        partners = self.model._meta.get_field("partner").related_model.objects.public().values("pk")
        rows = self.in_source_locale().filter(live=True)
        if connections[self.db].vendor == "sqlite":
            # "partner_id + 0" keeps SQLite's planner off the partner index for this condition: it would
            # start from the public partners and sort all their contributions for every page of the
            # register (100 ms at 100,000), where it can read the page in order from
            # contribution_live_newest_sqlite (migration 0023). A partner's own contributions still
            # use the partner index through their own condition.
            return rows.alias(public_partner_id=F("partner_id") + 0).filter(public_partner_id__in=partners)
        return rows.filter(partner__in=partners)

    def in_status_group(self, group):
        """Committed, pledged or not counted (StatusGroup): what a figure may add up."""
        return self.filter(status__in=ContributionStatus.in_group(group))
