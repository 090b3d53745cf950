"""The open-data rows (partnerships.opendata.records): the contract's columns in order, only public
records and public fields, the language asked for with the pages' fallback, the rate each value was
converted at, figures that reconcile with the register's, and a constant number of queries."""

import datetime
import random
from decimal import Decimal

import pytest

from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from partnerships import figures
from partnerships.models import (
    Contribution,
    ContributionStatus,
    ExchangeRate,
    ReviewDecision,
    StatusGroup,
    ValueBasis,
)
from partnerships.opendata import records, schema
from partnerships.opendata.selection import contribution_selection, partner_selection
from tests.directory_helpers import bulk_public_contributions
from tests.factories import (
    CooperationAreaFactory,
    PartnerFactory,
    ReviewFactory,
    public_contribution,
    public_partner,
    translate,
)
from tests.figures_helpers import add_rates, generate
from tests.register_helpers import non_public_records, tag

pytestmark = pytest.mark.django_db


def partner_url(slug):
    return f"https://portal.example.org/en/partners/{slug}/"


def contribution_url(slug):
    return f"https://portal.example.org/en/contributions/{slug}/"


def partner_rows(language="en", params=""):
    with translation.override(language):
        selection = partner_selection(QueryDict(params))
        return list(records.partner_rows(selection.records, partner_url))


def contribution_rows(language="en", params=""):
    with translation.override(language):
        selection = contribution_selection(QueryDict(params))
        return list(records.contribution_rows(selection.records, contribution_url))


def test_rows_have_the_contracts_columns_in_order():
    area = CooperationAreaFactory(slug="cyber", name="Cyber")
    contribution = tag(public_contribution(reference="OD-1"), area)
    tag(contribution.partner, area)
    (partner,) = partner_rows()
    assert list(partner) == schema.PARTNERS.column_names
    (row,) = contribution_rows()
    assert list(row) == schema.CONTRIBUTIONS.column_names
    assert row["cooperation_areas"] == ["cyber"]
    assert partner["cooperation_areas"] == ["cyber"]
    assert row["partner_id"] == partner["id"] == str(contribution.partner.translation_key)
    assert row["id"] == str(contribution.translation_key)
    assert row["url"] == contribution_url(contribution.slug)


def test_only_public_records_and_public_fields():
    area = CooperationAreaFactory(slug="hidden-area", name="Hidden area")
    hidden = non_public_records(area)
    PartnerFactory(name="HIDDEN draft partner")
    rejected = public_partner(name="HIDDEN rejected partner")
    ReviewFactory(partner=rejected, decision=ReviewDecision.REJECTED, decided_on=datetime.date(2026, 1, 2))
    public_contribution(title="Visible", partner=public_partner(name="Visible partner"))
    rows = contribution_rows()
    assert [row["title"] for row in rows] == ["Visible"]
    assert not {str(record.translation_key) for record in hidden} & {row["id"] for row in rows}
    partners = partner_rows()
    assert "Visible partner" in [row["name"] for row in partners]
    assert not [row for row in partners if row["name"].startswith("HIDDEN")]
    # The reviews' rationale, screening, risk, reviewers and notes are never read.
    everything = repr(rows) + repr(partners)
    assert "INTERNAL" not in everything and "clear" not in everything


def test_the_language_asked_for_with_the_source_as_fallback():
    contribution = public_contribution(title="Forensic lab kit", purpose="Equip the lab.")
    translate(contribution, "fr", live=True, title="Kit de laboratoire", purpose="Équiper le labo.")
    translate(contribution, "es", live=False, title="NO PUBLICADO", purpose="Borrador.")
    translate(contribution.partner, "fr", live=True, summary="Résumé en français.")
    (french,) = contribution_rows("fr")
    assert (french["title"], french["purpose"]) == ("Kit de laboratoire", "Équiper le labo.")
    label = dict(ContributionStatus.choices)[contribution.status]
    with translation.override("fr"):
        assert french["status_label"] == str(label)
    assert french["status_label"] != str(label)  # the English label, outside the override
    (spanish,) = contribution_rows("es")
    assert spanish["title"] == "Forensic lab kit"
    (partner,) = partner_rows("fr")
    assert partner["summary"] == "Résumé en français."
    with translation.override("fr"):
        assert partner["country_name"] != "" and partner["partner_type_label"]


def test_the_due_diligence_result_is_the_latest_decided_review():
    partner = public_partner(name="Reviewed")
    ReviewFactory(
        partner=partner, decided_on=datetime.date(2026, 3, 1), next_review_due=datetime.date(2027, 3, 1)
    )
    (row,) = partner_rows()
    assert row["due_diligence_decision"] in ReviewDecision.positive()
    assert row["due_diligence_decided_on"] == datetime.date(2026, 3, 1)
    assert row["next_review_due"] == datetime.date(2027, 3, 1)
    assert {row["criterion_values"], row["criterion_activities"], row["criterion_purpose"]} <= {
        "meets",
        "meets_with_mitigation",
    }


def test_the_rate_each_value_was_converted_at():
    ExchangeRate.objects.create(
        currency="USD", month=datetime.date(2026, 2, 1), rate=Decimal("0.9"), source="T"
    )
    converted = public_contribution(
        reference="USD-1", currency="USD", amount=Decimal("1000"), signed_date=datetime.date(2026, 2, 10)
    )
    same = public_contribution(reference="EUR-1", currency="EUR", amount=Decimal("500"))
    rows = {row["reference"]: row for row in contribution_rows()}
    assert rows["USD-1"]["exchange_rate"] == Decimal("0.9")
    assert rows["USD-1"]["value_reporting_currency"] == Decimal("900.00")
    assert rows["USD-1"]["value_basis"] == ValueBasis.EXCHANGE_RATE
    assert rows["EUR-1"]["exchange_rate"] is None
    assert rows["EUR-1"]["value_reporting_currency"] == Decimal("500")
    assert converted and same


@pytest.mark.parametrize("seed", [1, 2])
def test_committed_rows_add_up_to_the_registers_figures(seed):
    rng = random.Random(seed)
    partners = [public_partner(name=f"Partner {number}") for number in range(3)]
    add_rates(rng)
    generate(rng, partners, 40)
    rows = contribution_rows()
    totals = figures.compute_figures(Contribution.objects.public())
    committed = [row for row in rows if row["status_group"] == StatusGroup.COMMITTED]
    assert len(rows) == totals.count
    assert len(committed) == totals.committed.count
    assert sum((row["value_reporting_currency"] or 0) for row in committed) == totals.committed.value
    for type_row in totals.by_type:
        of_type = [row for row in committed if row["contribution_type"] == type_row.key]
        assert sum((row["value_reporting_currency"] or 0) for row in of_type) == type_row.value


def test_filters_are_the_registers_and_bad_ones_are_named():
    public_contribution(reference="T-1", contribution_type="financial_earmarked")
    public_contribution(reference="E-1", contribution_type="financial_unearmarked")
    with translation.override("en"):
        query = QueryDict("type=financial_earmarked&year=abcd&colour=blue&lang=fr")
        selection = contribution_selection(query, known={"lang"})
    assert [row.reference for row in selection.records] == ["T-1"]
    assert selection.filters == {"type": "financial_earmarked"}
    assert selection.ignored == ["colour", "year"]


def test_partner_filters_are_the_directorys():
    public_partner(name="Company", partner_type="for_profit_company")
    public_partner(name="Foundation", partner_type="philanthropic_foundation")
    assert [row["name"] for row in partner_rows(params="sector=non_profit")] == ["Foundation"]


def test_reading_rows_costs_the_same_queries_however_many_records():
    def count_queries(number, prefix):
        partner = public_partner(name=f"{prefix} partner")
        bulk_public_contributions(partner, number, prefix=prefix, translate_to="fr")
        contribution_rows("fr")  # the locales, read once per process
        with CaptureQueriesContext(connection) as queries:
            contribution_rows("fr")
            partner_rows("fr")
        return len(queries)

    few = count_queries(5, "few")
    Contribution.objects.all().delete()
    many = count_queries(50, "many")
    assert many == few
