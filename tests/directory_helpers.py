"""Helpers shared by the directory, profile and search tests.

They build translations the way an approved wagtail-localize translation ends up: a row in the target
locale, published through Wagtail's own path so the publishing guard runs."""

import datetime
import uuid
from decimal import Decimal

from partnerships import summary
from partnerships.models import Contribution, CooperationArea, DueDiligenceReview, Partner, PartnerIndexPage
from portal.text import search_key
from tests.factories import (
    LANGUAGES,
    ContributionFactory,
    PartnerFactory,
    ReviewFactory,
    locale,
    publish,
    translate,
)


def directory_pages():
    """{language code: the bare site's live partner directory page in that language}."""
    return {
        code: PartnerIndexPage.objects.live().get(locale=locale(code), slug="partners") for code in LANGUAGES
    }


def translate_partner(partner, code, *, summary, description="", live=True):
    """A translation of `partner` in `code` with its own prose; published when `live`."""
    return translate(partner, code, live=live, summary=summary, description=description)


def translate_contribution(contribution, code, *, title, live=True):
    return translate(contribution, code, live=live, title=title)


def translate_area(area, code, name):
    return translate(area, code, name=name)


def area(slug, name):
    existing = CooperationArea.objects.filter(locale=locale("en"), slug=slug).first()
    return existing or CooperationArea.objects.create(locale=locale("en"), slug=slug, name=name)


def public_partner_in(areas=(), **kwargs):
    """A partner published through Wagtail's path with `areas` (set before publishing: the published
    revision carries them)."""
    partner = PartnerFactory(**kwargs)
    if areas:
        partner.cooperation_areas.set(areas)
        partner.save()
    ReviewFactory(partner=partner)
    return publish(partner)


def public_contribution_of(partner, **kwargs):
    return publish(ContributionFactory(partner=partner, **kwargs))


def approve_in_bulk(partners, batch_size=None):
    """An approved due-diligence review for each of `partners`, and their standings written from it,
    as the project's bulk writers do (bulk inserts send no signal)."""
    DueDiligenceReview.objects.bulk_create(
        [
            DueDiligenceReview(
                partner=partner,
                opened_on=datetime.date(2024, 1, 1),
                decided_on=datetime.date(2024, 1, 5),
                values_result="meets",
                activities_result="meets",
                purpose_result="meets",
                sanctions_screening="clear",
                decision="approved",
            )
            for partner in partners
        ],
        batch_size=batch_size,
    )
    Partner.objects.filter(pk__in=[partner.pk for partner in partners]).refresh_standings()


def bulk_public_partners(count, *, prefix, area=None, translate_to=None):
    """`count` public partners inserted in bulk (with an approved review each), for query-count tests
    where only the number of rows matters; `translate_to` adds a live translation of each."""

    source = locale("en")
    partners = Partner.objects.bulk_create(
        [
            Partner(
                locale=source,
                translation_key=uuid.uuid4(),
                name=f"{prefix} {n:04d}",
                slug=f"{prefix.lower()}-{n:04d}",
                partner_type=["for_profit_company", "ngo_nonprofit", "academic_research"][n % 3],
                country=["FR", "DE", "KE", "BR"][n % 4],
                summary=f"{prefix} {n} summary.",
                # bulk_create skips save(), which makes the search text.
                search_text=search_key(f"{prefix} {n:04d}", f"{prefix} {n} summary."),
                live=True,
                start_date=datetime.date(2020, 1, 1) + datetime.timedelta(days=n),
            )
            for n in range(count)
        ]
    )
    approve_in_bulk(partners)
    if area is not None:
        Partner.cooperation_areas.through.objects.bulk_create(
            [Partner.cooperation_areas.through(partner=partner, cooperationarea=area) for partner in partners]
        )
    if translate_to:
        target = locale(translate_to)
        Partner.objects.bulk_create(
            [
                Partner(
                    locale=target,
                    translation_key=partner.translation_key,
                    name=partner.name,
                    slug=partner.slug,
                    partner_type=partner.partner_type,
                    country=partner.country,
                    summary=f"{partner.name} ({translate_to}).",
                    search_text=search_key(partner.name, f"{partner.name} ({translate_to})."),
                    live=True,
                )
                for partner in partners
            ]
        )
    summary.rebuild()  # as the project's bulk writers do: bulk inserts send no signal
    return partners


def bulk_public_contributions(partner, count, *, prefix, translate_to=None):
    """`count` live contributions of a public `partner`, in bulk, in two currencies and both kinds."""

    source = locale("en")

    def row(n, target=None, key=None):
        in_kind = n % 2 == 1
        contribution = Contribution(
            locale=target or source,
            translation_key=key or uuid.uuid4(),
            partner=partner,
            reference=f"{prefix}-{n:05d}",
            # bulk_create skips save(), which makes the slug and the search text.
            slug=f"{prefix}-{n:05d}".lower(),
            title=f"{prefix} contribution {n}" + (f" ({target.language_code})" if target else ""),
            purpose="Bulk.",
            contribution_type="equipment" if in_kind else "financial_earmarked",
            status="in_delivery",
            amount=None if in_kind else Decimal("1000"),
            quantity=Decimal("3") if in_kind else None,
            unit="items" if in_kind else "",
            estimated_value=Decimal("500") if in_kind else None,
            valuation_method="market_fair_value" if in_kind else "",
            currency="EUR" if n % 3 else "USD",
            signed_date=datetime.date(2024, 1, 1) + datetime.timedelta(days=n),
            live=True,
        )
        contribution.search_text = contribution.make_search_text()
        return contribution

    contributions = Contribution.objects.bulk_create([row(n) for n in range(count)])
    if translate_to:
        target = locale(translate_to)
        Contribution.objects.bulk_create(
            [row(n, target, c.translation_key) for n, c in enumerate(contributions)]
        )
    summary.rebuild()  # as the project's bulk writers do: bulk inserts send no signal
    return contributions
