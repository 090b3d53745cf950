"""Helpers shared by the tests of the contribution register and of the record-driven blocks: the index
pages in every language, records that must stay off the register, and tagging a record with an area."""

import datetime

from wagtail.models import Locale

from home.models import HomePage
from partnerships.models import Contribution, ContributionIndexPage, PartnerIndexPage, ReviewDecision
from tests.factories import (
    LANGUAGES,
    ContributionFactory,
    PartnerFactory,
    ReviewFactory,
    public_contribution,
    public_partner,
)

INDEX_TITLES = {
    ContributionIndexPage: ("contributions", "Contribution register"),
    PartnerIndexPage: ("partners", "Partners"),
}


def index_page(model):
    """The demo's index page of `model` under each language's home, created (and translated) if the
    demo does not have it."""
    english = Locale.objects.get(language_code="en")
    page = model.objects.filter(locale=english).first()
    if page is None:
        slug, title = INDEX_TITLES[model]
        page = model(title=title, slug=slug)
        HomePage.objects.get(locale=english).add_child(instance=page)
        page.save_revision().publish()
    for code in LANGUAGES[1:]:
        locale = Locale.objects.get(language_code=code)
        translation = page.get_translation_or_none(locale)
        if translation is None:
            translation = page.copy_for_translation(locale)
        if not translation.live:
            translation.save_revision().publish()
    return page


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
