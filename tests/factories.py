"""Factories shared by every test module. Records are created in English (the source language);
`publish()` goes through Wagtail's own publishing path, so the invariants' guard runs."""

import datetime
from decimal import Decimal

import factory

from wagtail.models import Locale

from partnerships.models import (
    Contribution,
    ContributionStatus,
    ContributionType,
    CooperationArea,
    CriterionResult,
    DueDiligenceReview,
    InKindUnit,
    Partner,
    PartnerType,
    ReviewDecision,
    ScreeningResult,
    ValuationMethod,
)


def source_locale():
    return Locale.objects.get(language_code="en")


class CooperationAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CooperationArea
        django_get_or_create = ("locale", "slug")

    locale = factory.LazyFunction(source_locale)
    name = factory.Sequence(lambda n: f"Test area {n}")
    slug = factory.Sequence(lambda n: f"test-area-{n}")


class PartnerFactory(factory.django.DjangoModelFactory):
    """A draft partner with no review: add one with ReviewFactory, then publish()."""

    class Meta:
        model = Partner

    locale = factory.LazyFunction(source_locale)
    name = factory.Sequence(lambda n: f"Testco {n:04d}")
    slug = factory.Sequence(lambda n: f"testco-{n:04d}")
    partner_type = PartnerType.FOR_PROFIT_COMPANY
    country = "FR"
    summary = factory.LazyAttribute(lambda o: f"{o.name} gives the organisation test data.")
    live = False
    start_date = datetime.date(2024, 1, 15)


class ReviewFactory(factory.django.DjangoModelFactory):
    """An approved initial review; pass decision=… for others."""

    class Meta:
        model = DueDiligenceReview

    partner = factory.SubFactory(PartnerFactory)
    opened_on = datetime.date(2024, 1, 2)
    decided_on = datetime.date(2024, 1, 10)
    next_review_due = datetime.date(2027, 1, 10)
    values_result = CriterionResult.MEETS
    activities_result = CriterionResult.MEETS
    purpose_result = CriterionResult.MEETS_WITH_MITIGATION
    values_rationale = "INTERNAL-RATIONALE values: board minutes checked"
    activities_rationale = "INTERNAL-RATIONALE activities"
    purpose_rationale = "INTERNAL-RATIONALE purpose"
    sanctions_screening = ScreeningResult.CLEAR
    risk_level = "low"
    decision = ReviewDecision.APPROVED
    reviewers = "INTERNAL-REVIEWER Jane Doe"
    notes = "INTERNAL-NOTE do not publish"


class ContributionFactory(factory.django.DjangoModelFactory):
    """A draft funding contribution; in_kind=True gives seconded staff measured in staff-months."""

    class Meta:
        model = Contribution

    class Params:
        in_kind = factory.Trait(
            contribution_type=ContributionType.SECONDED_PERSONNEL,
            amount=None,
            quantity=Decimal("12"),
            unit=InKindUnit.STAFF_MONTHS,
            estimated_value=Decimal("90000"),
            valuation_method=ValuationMethod.COST_BASIS,
        )

    locale = factory.LazyFunction(source_locale)
    partner = factory.SubFactory(PartnerFactory)
    reference = factory.Sequence(lambda n: f"TST-{n:05d}")
    title = factory.Sequence(lambda n: f"Test contribution {n}")
    purpose = "Supports the test laboratory."
    contribution_type = ContributionType.FINANCIAL_EARMARKED
    status = ContributionStatus.IN_DELIVERY
    amount = Decimal("250000")
    currency = "EUR"
    signed_date = datetime.date(2025, 3, 1)
    start_date = datetime.date(2025, 4, 1)
    live = False


def publish(record, user=None):
    """Publish through Wagtail's revision path, as the admin and workflows do."""
    revision = record.save_revision(user=user)
    revision.publish(user=user)
    record.refresh_from_db()
    return record


def public_partner(**kwargs):
    partner = PartnerFactory(**kwargs)
    ReviewFactory(partner=partner)
    return publish(partner)


def public_contribution(partner=None, **kwargs):
    contribution = ContributionFactory(partner=partner or public_partner(), **kwargs)
    return publish(contribution)


def make_user(username, group):
    """A staff member in one of the groups the migrations create ("Editors", "Transparency reviewers")."""
    from django.contrib.auth.models import Group, User

    user = User.objects.create_user(username, f"{username}@example.org", "pw")
    user.groups.add(Group.objects.get(name=group))
    return user


def login(client, user):
    client.force_login(user)
    return client
