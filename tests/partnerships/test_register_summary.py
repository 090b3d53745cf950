"""The published register's summary (partnerships.summary): after every kind of change that reaches the
public, once the change commits, the stored summary equals a count made from scratch; until then no
reader sees the old one; the rebuild command restores it; and the unfiltered pages read it."""

import datetime
import io
from decimal import Decimal

import pytest

from django.core.management import call_command

from partnerships import figures, summary
from partnerships.directory import PartnerDirectory, partner_contributions
from partnerships.localize import localized_areas
from partnerships.models import (
    Contribution,
    ContributionStatus,
    ContributionType,
    ExchangeRate,
    Partner,
    PartnerStanding,
    PartnerType,
    ProfitSector,
    RegisterSummary,
    RelationshipStatus,
    ReviewDecision,
)
from portal.page_cache import content_version, page_cache
from tests.factories import (
    ContributionFactory,
    CooperationAreaFactory,
    ReviewFactory,
    public_contribution,
    public_partner,
    publish,
    translate,
)

pytestmark = pytest.mark.django_db


def comparable(value):
    """Lists of grouped rows come in no particular order (nor do a row's keys from PostgreSQL's
    jsonb): compare them sorted."""
    if isinstance(value, list) and value and isinstance(value[0], dict):
        return sorted(value, key=lambda row: repr(sorted(row.items())))
    return value


def stored_parts():
    rows = dict(RegisterSummary.objects.values_list("part", "data"))
    return {name: comparable(summary.PARTS[name][1](data)) for name, data in rows.items()}


def counted_parts():
    return {name: comparable(summary.compute(name)) for name in summary.PARTS}


def assert_current():
    """Every part is stored and equals what counting the records gives now."""
    assert stored_parts() == counted_parts()


@pytest.fixture
def register(django_capture_on_commit_callbacks):
    """A small register in two currencies and two areas, with its summary built as a commit leaves it."""
    # Everything inside the capture: a transaction schedules one rebuild, at its first change.
    with django_capture_on_commit_callbacks(execute=True):
        area = CooperationAreaFactory(name="Health", slug="health")
        ExchangeRate.objects.create(currency="USD", month=datetime.date(2025, 3, 1), rate="0.9", source="UN")
        alpha = public_partner(name="Alpha", slug="alpha", country="KE")
        beta = public_partner(name="Beta", slug="beta", partner_type="ngo_nonprofit")
        first = ContributionFactory(partner=alpha, currency="USD", amount=Decimal("1000"))
        first.cooperation_areas.add(area)
        publish(first)
        public_contribution(partner=beta, in_kind=True, status=ContributionStatus.PLEDGED, signed_date=None)
        public_contribution(partner=beta, status=ContributionStatus.CANCELLED, end_reason="other")
    assert_current()
    return {"alpha": alpha, "beta": beta, "first": first, "area": area}


def change_and_commit(capture, change):
    """Run `change` in a transaction: the summary is gone before the commit (no reader can see the
    old one) and current after it."""
    with capture(execute=True):
        change()
        assert not RegisterSummary.objects.exists()
    assert_current()


def test_publishing_a_contribution_updates_the_summary(register, django_capture_on_commit_callbacks):
    before = stored_parts()
    change_and_commit(
        django_capture_on_commit_callbacks,
        lambda: public_contribution(partner=register["alpha"], amount=Decimal("5000")),
    )
    assert stored_parts() != before


def test_unpublishing_a_contribution_updates_the_summary(register, django_capture_on_commit_callbacks):
    change_and_commit(django_capture_on_commit_callbacks, lambda: register["first"].unpublish())
    assert summary.parts("figures")["figures"] == summary.compute("figures")


def test_a_rejection_takes_the_partner_out_of_the_summary(register, django_capture_on_commit_callbacks):
    def reject():
        ReviewFactory(
            partner=register["alpha"], decision=ReviewDecision.REJECTED, decided_on=datetime.date.today()
        )

    change_and_commit(django_capture_on_commit_callbacks, reject)
    assert "alpha" not in dict(summary.register_options().partners)
    assert summary.parts("directory")["directory"]["total"] == 1


def test_a_partner_leaving_the_register_updates_the_summary(register, django_capture_on_commit_callbacks):
    change_and_commit(django_capture_on_commit_callbacks, lambda: register["beta"].unpublish())
    assert summary.parts("directory")["directory"]["counts"]["type"].get("ngo_nonprofit", 0) == 0


def test_a_rate_change_updates_the_summary(register, django_capture_on_commit_callbacks):
    rate = ExchangeRate.objects.get(currency="USD")

    def change_rate():
        rate.rate = Decimal("2")
        rate.save()

    before = stored_parts()["figures"]
    change_and_commit(django_capture_on_commit_callbacks, change_rate)
    assert stored_parts()["figures"] != before


def test_a_published_translation_leaves_the_summary_current(register, django_capture_on_commit_callbacks):
    change_and_commit(
        django_capture_on_commit_callbacks,
        lambda: translate(register["first"], "fr", live=True, title="Contribution d'essai"),
    )


def test_changing_a_contributions_areas_updates_the_summary(register, django_capture_on_commit_callbacks):
    def leave_areas():
        register["first"].cooperation_areas.clear()  # written when the change is published
        publish(register["first"])

    change_and_commit(django_capture_on_commit_callbacks, leave_areas)
    assert summary.parts("areas")["areas"] == summary.compute("areas")


def test_a_draft_saved_leaves_the_summary_in_place(register, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        register["first"].save_revision()
        assert RegisterSummary.objects.count() == len(summary.PARTS)


def test_the_rebuild_command_restores_the_summary_and_makes_what_was_built_from_it_stale(
    register, django_capture_on_commit_callbacks
):
    RegisterSummary.objects.filter(part="figures").update(data=[])
    RegisterSummary.objects.filter(part="directory").delete()
    version = content_version(page_cache())
    output = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("rebuild_register_summary", stdout=output)
    assert "Rebuilt the register summary" in output.getvalue()
    assert_current()
    # The summary's parts kept per content version (portal/content_cache.py) are read again.
    assert content_version(page_cache()) != version


def test_migrating_makes_what_the_replaced_code_cached_stale():
    """A deployment migrates: pages and values cached by the old code are not served by the new."""
    version = content_version(page_cache())
    call_command("migrate", verbosity=0)
    assert content_version(page_cache()) != version


def test_the_unfiltered_pages_read_the_summary_and_filtered_ones_count(register, en_client):
    """A summary altered by hand shows on the unfiltered pages (they read it) and not on filtered ones."""
    stored = RegisterSummary.objects.get(part="directory")
    stored.data = {**stored.data, "total": 9876}
    stored.save()
    assert "9,876" in en_client.get("/en/partners/").content.decode()
    assert "9,876" not in en_client.get("/en/partners/?country=KE").content.decode()
    figures = RegisterSummary.objects.get(part="figures")
    figures.data = [{**row, "count": 4321} for row in figures.data[:1]]
    figures.save()
    assert "4,321" in en_client.get("/en/contributions/").content.decode()
    assert "4,321" not in en_client.get("/en/contributions/?country=KE").content.decode()


def test_the_summary_follows_records_written_in_bulk_by_the_generator(django_capture_on_commit_callbacks):
    """bench/records.py inserts without signals, then rebuilds the summary itself."""
    from bench.records import SyntheticRecords  # Imported here: bench/ is a tool, loaded only for this test.

    SyntheticRecords(3, 12, seed=1, index=False).generate()
    assert_current()
    assert summary.parts("directory")["directory"]["total"] == Partner.objects.public().count()


def test_the_partner_standing_follows_every_review():
    """Partner.objects.public() reads the decision in force from PartnerStanding, written from the
    reviews whenever one is recorded."""
    partner = public_partner()
    approval = partner.due_diligence_reviews.get()
    assert PartnerStanding.objects.filter(partner=partner, decision="approved", review=approval).exists()
    ReviewFactory(partner=partner, decision=ReviewDecision.PENDING, decided_on=None)
    assert Partner.objects.public().filter(pk=partner.pk).exists()
    withdrawal = ReviewFactory(
        partner=partner, decision=ReviewDecision.WITHDRAWN, decided_on=datetime.date(2025, 5, 1)
    )
    assert PartnerStanding.objects.get(partner=partner).review == withdrawal
    assert not Partner.objects.public().filter(pk=partner.pk).exists()


def test_a_profiles_figures_counted_from_its_list_equal_the_grouped_query(register):
    """The profile counts its figures from the contributions it lists (no query of their own)."""
    for partner in (register["alpha"], register["beta"]):
        listed = list(partner_contributions(partner))
        counted = figures.figure_groups_of(listed, partner.partner_type)
        queried = figures.figure_groups(Contribution.objects.public().filter(partner=partner))
        assert comparable(counted) == comparable(queried)


FILTER_CHOICES = [
    {},
    {"type": "ngo_nonprofit"},
    {"sector": "for_profit"},
    {"country": "KE"},
    {"status": "active", "contribution": "financial_earmarked"},
    {"area": "health", "country": "KE"},
    {"q": "alp", "contribution": "seconded_personnel"},
]


@pytest.mark.parametrize("filters", FILTER_CHOICES)
def test_facet_counts_from_the_stored_facts_equal_counting_each_option(register, filters):
    """Each count beside an option is the number of partners the directory lists once it is chosen
    (with the other filters kept), asked of the database option by option."""
    areas = localized_areas()
    directory = PartnerDirectory(filters, "name", areas)
    counts, total = directory.counts(summary.parts("partners")["partners"])
    assert total == directory.matching().count()
    options = {
        "type": PartnerType.values,
        "country": ["KE", "FR"],
        "status": RelationshipStatus.values,
        "contribution": ContributionType.values,
        "area": [area.slug for area in areas],
        "sector": ProfitSector.values,
    }
    for facet, values in options.items():
        for value in values:
            chosen = PartnerDirectory({**filters, facet: value}, "name", areas)
            key = directory.area_ids[value] if facet == "area" else value
            assert counts[facet].get(key, 0) == chosen.matching().count(), (facet, value)
