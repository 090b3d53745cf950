"""The rules a partner or contribution must follow are in the model: the admin, an import and a script
that saves a revision all meet them (`save_revision()` runs `full_clean()`)."""

import datetime
from decimal import Decimal

import pytest

from django.core.exceptions import ValidationError

from partnerships.models import ContributionStatus, ContributionType, InKindUnit, ValuationMethod
from tests.factories import ContributionFactory, PartnerFactory

pytestmark = pytest.mark.django_db


def errors_of(record):
    with pytest.raises(ValidationError) as refused:
        record.full_clean()
    return refused.value.message_dict


@pytest.mark.parametrize(
    "changes,field",
    [
        ({"amount": Decimal("-1")}, "amount"),
        ({"amount": None}, "amount"),
        ({"currency": ""}, "currency"),
        ({"currency": "XYZ"}, "currency"),
        ({"end_date": datetime.date(2025, 1, 1)}, "end_date"),
        ({"status": ContributionStatus.CANCELLED, "end_reason": ""}, "end_reason"),
        ({"status": ContributionStatus.TERMINATED_EARLY, "end_reason": ""}, "end_reason"),
        ({"quantity": Decimal("3"), "unit": InKindUnit.DAYS}, "quantity"),
    ],
)
def test_a_funding_contribution_is_refused_when(changes, field):
    contribution = ContributionFactory.build(partner=PartnerFactory(), **changes)
    assert field in errors_of(contribution)


@pytest.mark.parametrize(
    "changes,field",
    [
        ({"quantity": None}, "quantity"),
        ({"unit": ""}, "unit"),
        ({"quantity": Decimal("-2")}, "quantity"),
        ({"amount": Decimal("100")}, "amount"),
        ({"valuation_method": ""}, "valuation_method"),
        ({"estimated_value": None}, "estimated_value"),
        ({"estimated_value": Decimal("-5")}, "estimated_value"),
    ],
)
def test_an_in_kind_contribution_is_refused_when(changes, field):
    contribution = ContributionFactory.build(partner=PartnerFactory(), in_kind=True, **changes)
    assert field in errors_of(contribution)


def test_valid_contributions_pass():
    ContributionFactory.build(partner=PartnerFactory()).full_clean()
    ContributionFactory.build(partner=PartnerFactory(), in_kind=True).full_clean()
    ContributionFactory.build(
        partner=PartnerFactory(),
        in_kind=True,
        contribution_type=ContributionType.EQUIPMENT,
        unit=InKindUnit.ITEMS,
        estimated_value=None,
        currency="",
        valuation_method=ValuationMethod.NOT_VALUED,
    ).full_clean()


def test_a_partnership_cannot_end_before_it_starts():
    partner = PartnerFactory.build(start_date=datetime.date(2025, 6, 1), end_date=datetime.date(2025, 5, 31))
    assert "end_date" in errors_of(partner)


def test_a_script_saving_a_revision_meets_the_same_rules():
    contribution = ContributionFactory()
    contribution.amount = Decimal("-10")
    with pytest.raises(ValidationError):
        contribution.save_revision()
