"""Factories shared by every test module. Records are created in English (the source language);
`publish()` goes through Wagtail's own publishing path, so the invariants' guard runs.

Translations: `translate(record, code, **fields)` makes one as Wagtail's "copy for translation" does (a
draft, published through the same path with `live=True`); the record factories take
`translations={"fr": {field: value, …}, …}` and make them in the state of the record (drafts for a
draft), and `public_partner` / `public_contribution` publish them with the record."""

import datetime
from decimal import Decimal

import factory

from wagtail.models import DraftStateMixin, Locale

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

LANGUAGES = ["en", "fr", "es", "ar"]


class LocaleFactory(factory.django.DjangoModelFactory):
    """A content language, found by its code (the migrations create en, fr, es and ar) or created."""

    class Meta:
        model = Locale
        django_get_or_create = ("language_code",)

    language_code = "en"


def locale(code):
    return LocaleFactory(language_code=code)


def source_locale():
    return locale("en")


def translate(record, code, *, live=False, **fields):
    """A translation of `record` into the language `code`, with `fields` (its text) set: a draft, as
    Wagtail's "copy for translation" leaves it, published through Wagtail's path when `live`. A
    cooperation area has no drafts: it is simply saved."""
    translation = record.copy_for_translation(locale(code))
    for name, value in fields.items():
        setattr(translation, name, value)
    if isinstance(translation, DraftStateMixin):
        translation.live = False  # The copy starts as live as its source.
    translation.save()
    return publish(translation) if live else translation


class TranslatedFactory(factory.django.DjangoModelFactory):
    """`translations={"fr": {"name": "…"}, "ar": {}}` makes a translation in each language, in the state
    of the record made: drafts for a draft."""

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    @factory.post_generation
    def translations(obj, create, extracted, **kwargs):
        for code, fields in (extracted or {}).items():
            translate(obj, code, live=getattr(obj, "live", False), **fields)


class CooperationAreaFactory(TranslatedFactory):
    class Meta:
        model = CooperationArea
        django_get_or_create = ("locale", "slug")

    locale = factory.LazyFunction(source_locale)
    name = factory.Sequence(lambda n: f"Test area {n}")
    slug = factory.Sequence(lambda n: f"test-area-{n}")


class PartnerFactory(TranslatedFactory):
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
    """An approved initial due-diligence review; pass decision=… for others."""

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


class ContributionFactory(TranslatedFactory):
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


REVIEW_ADD_URL = "/admin/partnerships/due-diligence-reviews/new/"


def review_form(partner, **fields):
    """What a reviewer posts to record a review in the admin: an approval unless `fields` say otherwise."""
    return {
        "partner": partner.pk,
        "contribution": "",
        "review_type": "initial",
        "opened_on": "2025-01-06",
        "decided_on": "2025-02-03",
        "next_review_due": "2027-02-03",
        "values_result": "meets",
        "values_rationale": "",
        "activities_result": "meets",
        "activities_rationale": "",
        "purpose_result": "meets",
        "purpose_rationale": "",
        "sanctions_screening": "clear",
        "risk_level": "low",
        "decision": "approved",
        "conditions": "",
        "reviewers": "",
        "notes": "",
        **fields,
    }


def publish(record, user=None):
    """Publish through Wagtail's revision path, as the admin and workflows do."""
    revision = record.save_revision(user=user)
    revision.publish(user=user)
    record.refresh_from_db()
    return record


def publish_translations(record, translations):
    for code, fields in (translations or {}).items():
        translate(record, code, live=True, **fields)
    return record


def public_partner(translations=None, **kwargs):
    """A partner with an approved review, published, with its `translations` published too."""
    partner = PartnerFactory(**kwargs)
    ReviewFactory(partner=partner)
    return publish_translations(publish(partner), translations)


def public_contribution(partner=None, translations=None, **kwargs):
    """A contribution of a public partner, published, with its `translations` published too."""
    contribution = ContributionFactory(partner=partner or public_partner(), **kwargs)
    return publish_translations(publish(contribution), translations)


def make_user(username, group):
    """A staff member in one of the groups the migrations create ("Editors", "Transparency reviewers")."""
    from django.contrib.auth.models import Group, User

    user = User.objects.create_user(username, f"{username}@example.org", "pw")
    user.groups.add(Group.objects.get(name=group))
    return user


def login(client, user):
    client.force_login(user)
    return client
