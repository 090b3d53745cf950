"""Helpers shared by the tests of the contribution register and of the record-driven blocks: the index
pages in every language, records that must stay off the register, and tagging a record with an area."""

import datetime

from partnerships.models import Contribution, ReviewDecision
from tests.factories import (
    ContributionFactory,
    PartnerFactory,
    ReviewFactory,
    locale,
    public_contribution,
    public_partner,
)


def index_page(model):
    """The bare site's English index page of `model` (PartnerIndexPage or ContributionIndexPage); its
    translations are live under each language's home."""
    return model.objects.live().get(locale=locale("en"))


def non_public_records(area, title_prefix="HIDDEN"):
    """One contribution for each way a record stays off the register, all in `area`:
    a draft; one whose partner has since been rejected; one whose partner was unpublished; and one
    forced live in the database while its partner is still a draft."""
    draft = ContributionFactory(partner=public_partner(), title=f"{title_prefix} draft")

    rejected_later = public_contribution(title=f"{title_prefix} partner rejected later")
    ReviewFactory(
        partner=rejected_later.partner,
        decision=ReviewDecision.REJECTED,
        decided_on=datetime.date(2025, 9, 1),
        review_type="triggered",
    )

    unpublished_partner = public_contribution(title=f"{title_prefix} partner unpublished")
    unpublished_partner.partner.unpublish()

    forced = ContributionFactory(partner=PartnerFactory(), title=f"{title_prefix} forced live")
    Contribution.objects.filter(pk=forced.pk).update(live=True)

    records = [draft, rejected_later, unpublished_partner, forced]
    for record in records:
        tag(record, area)
    return records


def tag(record, area):
    """Put a record in a cooperation area. Written to the link table directly: a ParentalManyToManyField
    only saves on save(), and saving some of these records as live is (rightly) refused."""
    record.cooperation_areas.through.objects.create(
        **{type(record)._meta.model_name: record, "cooperationarea": area}
    )
    return record


# What the register may cost beyond a plain page of the site (in all, PAGE_QUERY_BUDGET): 7 since the figures
# have a chart by cooperation area (a contribution can be in several areas: a query of its own).
REGISTER_QUERIES = {"en": 7, "ar": 8}
