"""What the public may see, decided in one place and in the database.

A record is public when its source-language row is live; a partner also needs its latest decided
due-diligence review to be positive, and a contribution needs its partner to be public."""

from django.conf import settings
from django.db import models
from django.db.models import OuterRef, Subquery

from wagtail.search.queryset import SearchableQuerySetMixin

from .choices import ReviewDecision

DECIDED = [*ReviewDecision.positive(), ReviewDecision.REJECTED]


class RecordQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def in_source_language(self):
        return self.filter(locale__language_code=settings.LANGUAGE_CODE)


class PartnerQuerySet(RecordQuerySet):
    def with_current_decision(self):
        from .reviews import DueDiligenceReview

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
        from .records import Partner

        return self.in_source_language().filter(live=True, partner__in=Partner.objects.public().values("pk"))
