"""The public records as rows of the open-data contract (partnerships.opendata.schema), in the
language asked for, falling back to the source text as the pages do.

Rows are read in chunks from a database iterator, so a download of 100,000 contributions never holds
them all in memory: each chunk costs one query for the records and one each for their translations,
areas and (for partners) due-diligence results, whatever the chunk's size."""

from decimal import Decimal
from itertools import islice

from django_countries import countries

from django.db.models import Case, When

from partnerships.links import record_links
from partnerships.models.choices import (
    ContributionStatus,
    ContributionType,
    PartnerType,
    ProfitSector,
    RelationshipStatus,
    StatusGroup,
    ValueBasis,
)
from partnerships.models.rates import ExchangeRate
from partnerships.models.records import Contribution, Partner
from partnerships.models.reviews import DueDiligenceReview
from partnerships.models.taxonomy import CooperationArea
from partnerships.reporting import rate_used, reporting_currency
from portal.locales import active_locale, in_source_language, is_source_language
from portal.site_urls import absolute_url

CHUNK_SIZE = 2000
# The places an exchange rate is kept with (ExchangeRate.rate): SQLite returns the subquery's value
# with more.
RATE_PLACES = Decimal("0.00000001")
STATUS_GROUP_OF = {status: group for group in StatusGroup for status in ContributionStatus.in_group(group)}


def in_chunks(queryset, size=CHUNK_SIZE):
    rows = queryset.iterator(chunk_size=size)
    while chunk := list(islice(rows, size)):
        yield chunk


def _translations(model, chunk, locale, fields):
    """{translation_key: {field: value}} of the live translations of `chunk` in `locale`."""
    if is_source_language(locale.language_code):
        return {}
    rows = model.objects.filter(
        locale=locale, live=True, translation_key__in=[record.translation_key for record in chunk]
    ).values("translation_key", "last_published_at", *fields)
    return {row["translation_key"]: row for row in rows}


def _area_codes(through, owner, chunk):
    """{record id: [area codes, sorted]} for the records of `chunk`."""
    codes = {record.pk: [] for record in chunk}
    rows = (
        through.objects.filter(**{f"{owner}_id__in": list(codes)})
        .order_by("cooperationarea__slug")
        .values_list(f"{owner}_id", "cooperationarea__slug")
    )
    for record_id, code in rows:
        codes[record_id].append(code)
    return codes


def _last_published(record, translation):
    moments = [record.last_published_at, translation and translation["last_published_at"]]
    return max((moment for moment in moments if moment), default=None)


def record_url(request, kind):
    """`url(slug)`: the absolute address of a partner's ("directory") or contribution's ("register")
    page in the active language, on the Site's host."""
    base = getattr(record_links(request), kind)
    if not base:
        return lambda slug: None
    base = absolute_url(request, base)
    return lambda slug: f"{base}{slug}/"


def partner_rows(partners, partner_url, locale=None):
    """A row (a dict in column order) for each partner of `partners`, a queryset of public partners
    (Partner.objects.public(), which carries the latest decided review). `partner_url(slug)` gives a
    partner's page."""
    locale = locale or active_locale()
    partners = partners.defer("description")
    types, statuses = dict(PartnerType.choices), dict(RelationshipStatus.choices)
    for chunk in in_chunks(partners):
        texts = _translations(Partner, chunk, locale, ["summary"])
        areas = _area_codes(Partner.cooperation_areas.through, "partner", chunk)
        reviews = {
            review["pk"]: review
            for review in DueDiligenceReview.objects.filter(
                pk__in=[partner.current_review_id for partner in chunk]
            ).values("pk", "decision", *DueDiligenceReview.PUBLIC_FIELDS)
        }
        for partner in chunk:
            text = texts.get(partner.translation_key)
            review = reviews.get(partner.current_review_id, {})
            yield {
                "id": str(partner.translation_key),
                "url": partner_url(partner.slug),
                "name": partner.name,
                "partner_type": partner.partner_type,
                "partner_type_label": str(types.get(partner.partner_type, "")),
                "sector": (
                    ProfitSector.FOR_PROFIT
                    if partner.partner_type in PartnerType.for_profit()
                    else ProfitSector.NON_PROFIT
                ).value,
                "country": partner.country.code,
                "country_name": countries.name(partner.country.code),
                "website": partner.website,
                "cooperation_areas": areas[partner.pk],
                "summary": text["summary"] if text else partner.summary,
                "relationship_status": partner.relationship_status,
                "relationship_status_label": str(statuses.get(partner.relationship_status, "")),
                "start_date": partner.start_date,
                "end_date": partner.end_date,
                "due_diligence_decision": review.get("decision"),
                "due_diligence_decided_on": review.get("decided_on"),
                "criterion_values": review.get("values_result"),
                "criterion_activities": review.get("activities_result"),
                "criterion_purpose": review.get("purpose_result"),
                "next_review_due": review.get("next_review_due"),
                "first_published": partner.first_published_at,
                "last_published": _last_published(partner, text),
            }


def contribution_rows(contributions, contribution_url, locale=None):
    """A row for each contribution of `contributions`, a queryset of public contributions.
    `contribution_url(slug)` gives a contribution's page."""
    locale = locale or active_locale()
    labels = {
        "type": dict(ContributionType.choices),
        "status": dict(ContributionStatus.choices),
    }
    contributions = contributions.select_related("partner").only(
        *(f.attname for f in Contribution._meta.concrete_fields if f.name != "search_text"),
        "partner__name",
        "partner__translation_key",
    )
    # The rate the conversion used, read as recompute() chose it (partnerships.reporting).
    converted = [ValueBasis.EXCHANGE_RATE, ValueBasis.BOOKED]
    contributions = contributions.annotate(rate_used=Case(When(value_basis__in=converted, then=rate_used())))
    for chunk in in_chunks(contributions):
        texts = _translations(Contribution, chunk, locale, ["title", "purpose"])
        areas = _area_codes(Contribution.cooperation_areas.through, "contribution", chunk)
        for contribution in chunk:
            text = texts.get(contribution.translation_key)
            converted = contribution.value_basis == ValueBasis.EXCHANGE_RATE or (
                contribution.value_basis == ValueBasis.BOOKED
                and contribution.booked_currency != contribution.reporting_currency
            )
            yield {
                "id": str(contribution.translation_key),
                "url": contribution_url(contribution.slug),
                "reference": contribution.reference,
                "partner_id": str(contribution.partner.translation_key),
                "partner_name": contribution.partner.name,
                "title": text["title"] if text else contribution.title,
                "purpose": text["purpose"] if text else contribution.purpose,
                "contribution_type": contribution.contribution_type,
                "contribution_type_label": str(labels["type"].get(contribution.contribution_type, "")),
                "status": contribution.status,
                "status_label": str(labels["status"].get(contribution.status, "")),
                "status_group": STATUS_GROUP_OF[contribution.status].value,
                "end_reason": contribution.end_reason or None,
                "cooperation_areas": areas[contribution.pk],
                "amount": contribution.amount,
                "currency": contribution.currency or None,
                "quantity": contribution.quantity,
                "unit": contribution.unit or None,
                "estimated_value": contribution.estimated_value,
                "valuation_method": contribution.valuation_method or None,
                "value_reporting_currency": contribution.reporting_value,
                "reporting_currency": contribution.reporting_currency or None,
                "exchange_rate": contribution.rate_used.quantize(RATE_PLACES)
                if converted and contribution.rate_used is not None
                else None,
                "value_basis": contribution.value_basis or None,
                "signed_date": contribution.signed_date,
                "start_date": contribution.start_date,
                "end_date": contribution.end_date,
                "first_published": contribution.first_published_at,
                "last_published": _last_published(contribution, text),
            }


def area_rows(locale=None):
    """Every cooperation area, named and described in the language asked for (else the source's)."""
    locale = locale or active_locale()
    areas = list(CooperationArea.objects.filter(in_source_language()).order_by("slug"))
    texts = {}
    if not is_source_language(locale.language_code):
        texts = {
            row["translation_key"]: row
            for row in CooperationArea.objects.filter(
                locale=locale, translation_key__in=[area.translation_key for area in areas]
            ).values("translation_key", "name", "description")
        }
    for area in areas:
        text = texts.get(area.translation_key) or {"name": area.name, "description": area.description}
        yield {"code": area.slug, "name": text["name"], "description": text["description"]}


def rate_rows():
    currency = reporting_currency()
    for rate in ExchangeRate.objects.order_by("currency", "month").iterator(chunk_size=CHUNK_SIZE):
        yield {
            "currency": rate.currency,
            "month": rate.month,
            "rate": rate.rate,
            "reporting_currency": currency,
            "source": rate.source,
        }
