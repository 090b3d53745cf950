import pytest

from partnerships.models import Contribution, ContributionStatus, StatusGroup
from tests.factories import ContributionFactory


def test_every_status_belongs_to_exactly_one_group():
    grouped = [status for group in StatusGroup for status in ContributionStatus.in_group(group)]
    assert sorted(grouped) == sorted(ContributionStatus.values)


def test_only_cancelled_is_never_counted_and_only_pledged_is_pledged():
    assert ContributionStatus.in_group(StatusGroup.NOT_COUNTED) == [ContributionStatus.CANCELLED]
    assert ContributionStatus.in_group(StatusGroup.PLEDGED) == [ContributionStatus.PLEDGED]
    assert ContributionStatus.TERMINATED_EARLY in ContributionStatus.in_group(StatusGroup.COMMITTED)


@pytest.mark.django_db
def test_a_queryset_narrows_to_a_status_group():
    signed = ContributionFactory(status=ContributionStatus.AGREEMENT_SIGNED)
    pledged = ContributionFactory(status=ContributionStatus.PLEDGED)
    cancelled = ContributionFactory(status=ContributionStatus.CANCELLED, end_reason="partner_withdrew")
    made = Contribution.objects.filter(pk__in=[signed.pk, pledged.pk, cancelled.pk])
    assert list(made.in_status_group(StatusGroup.COMMITTED)) == [signed]
    assert list(made.in_status_group(StatusGroup.PLEDGED)) == [pledged]
    assert list(made.in_status_group(StatusGroup.NOT_COUNTED)) == [cancelled]
