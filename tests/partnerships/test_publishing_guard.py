"""Invariants 2 and 3 hold whatever publishes a record: here, code calling Wagtail's own publish path."""

import pytest

from partnerships.models import Contribution, Partner, ReviewDecision
from partnerships.publishing import PublishingBlocked
from tests.factories import (
    ContributionFactory,
    PartnerFactory,
    ReviewFactory,
    public_contribution,
    public_partner,
    publish,
)

pytestmark = pytest.mark.django_db


def test_a_partner_without_a_review_cannot_be_published():
    partner = PartnerFactory()
    with pytest.raises(PublishingBlocked, match="no completed due-diligence review"):
        publish(partner)
    assert not Partner.objects.get(pk=partner.pk).live


@pytest.mark.parametrize(
    "decision", [ReviewDecision.PENDING, ReviewDecision.REJECTED, ReviewDecision.WITHDRAWN]
)
def test_a_partner_without_a_positive_review_cannot_be_published(decision):
    partner = PartnerFactory()
    ReviewFactory(
        partner=partner, decision=decision, decided_on=None if decision == "pending" else "2024-02-01"
    )
    with pytest.raises(PublishingBlocked):
        publish(partner)
    assert not Partner.objects.public().filter(pk=partner.pk).exists()


def test_a_later_rejection_outweighs_an_earlier_approval():
    partner = PartnerFactory()
    ReviewFactory(partner=partner, decided_on="2024-01-10")
    ReviewFactory(
        partner=partner, decision=ReviewDecision.REJECTED, decided_on="2025-06-01", review_type="triggered"
    )
    with pytest.raises(PublishingBlocked, match="rejected"):
        publish(partner)


def test_an_approved_partner_is_published_and_public():
    partner = public_partner()
    assert partner.live
    assert Partner.objects.public().filter(pk=partner.pk).exists()


def test_setting_live_by_hand_is_refused_too():
    partner = PartnerFactory()
    partner.live = True
    with pytest.raises(PublishingBlocked):
        partner.save()


def test_a_contribution_of_a_non_public_partner_cannot_be_published():
    contribution = ContributionFactory()
    with pytest.raises(PublishingBlocked, match="not on the public register"):
        publish(contribution)


def test_unpublishing_a_partner_takes_its_contributions_off_the_register():
    contribution = public_contribution()
    assert Contribution.objects.public().filter(pk=contribution.pk).exists()
    contribution.partner.unpublish()
    assert not Contribution.objects.get(pk=contribution.pk).live
    assert not Contribution.objects.public().filter(pk=contribution.pk).exists()
