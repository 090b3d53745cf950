"""bench/records.py: synthetic published records in bulk that still obey the invariants."""

import io
import subprocess
import sys
from pathlib import Path

import pytest

from django.urls import reverse

from bench.records import REFERENCE_PREFIX, SLUG_PREFIX, main
from home.demo.areas import AREAS
from partnerships.models import (
    Contribution,
    ContributionStatus,
    ContributionType,
    CooperationArea,
    DueDiligenceReview,
    Partner,
    ReviewDecision,
)

pytestmark = pytest.mark.django_db


def run(*argv):
    """bench/records.py's command line, in this process: (exit status, stdout, stderr)."""
    stdout, stderr = io.StringIO(), io.StringIO()
    status = main([str(arg) for arg in argv], stdout=stdout, stderr=stderr)
    return status, stdout.getvalue(), stderr.getvalue()


def generate(partners, contributions, seed=1):
    status, stdout, stderr = run("--partners", partners, "--contributions", contributions, "--seed", seed)
    assert status == 0, stderr
    assert f"Created {partners} partners and {contributions} contributions" in stdout
    return stderr


def synthetic_partners():
    return Partner.objects.filter(slug__startswith=SLUG_PREFIX)


def synthetic_contributions():
    return Contribution.objects.filter(reference__startswith=REFERENCE_PREFIX)


def snapshot():
    partners = [
        (
            p.name,
            p.partner_type,
            p.country.code,
            p.relationship_status,
            p.start_date,
            p.end_date,
            str(p.translation_key),
            tuple(sorted(p.cooperation_areas.values_list("slug", flat=True))),
        )
        for p in synthetic_partners().order_by("slug")
    ]
    contributions = [
        (
            c.reference,
            c.partner.name,
            c.contribution_type,
            c.status,
            c.end_reason,
            c.amount,
            c.currency,
            c.quantity,
            c.unit,
            c.estimated_value,
            c.valuation_method,
            c.signed_date,
            c.start_date,
            c.end_date,
            tuple(sorted(c.cooperation_areas.values_list("slug", flat=True))),
        )
        for c in synthetic_contributions().select_related("partner").order_by("reference")
    ]
    return partners, contributions


def remove_synthetic_records():
    synthetic_contributions().delete()
    synthetic_partners().delete()


def test_creates_exactly_the_records_asked_for_all_public():
    public_before = Partner.objects.public().count()
    generate(7, 40)
    assert synthetic_partners().count() == 7
    assert synthetic_contributions().count() == 40
    assert Partner.objects.public().count() == public_before + 7
    assert Partner.objects.public().filter(slug__startswith=SLUG_PREFIX).count() == 7
    assert Contribution.objects.public().filter(reference__startswith=REFERENCE_PREFIX).count() == 40
    assert sorted(synthetic_partners().values_list("name", flat=True)) == [
        f"Synthetic Partner {n:04d}" for n in range(1, 8)
    ]


def test_every_synthetic_partner_has_an_approved_review_and_every_contribution_a_synthetic_partner():
    generate(5, 30)
    for partner in synthetic_partners():
        reviews = list(partner.due_diligence_reviews.all())
        assert len(reviews) == 1
        assert reviews[0].decision in ReviewDecision.positive()
        assert reviews[0].decided_on < partner.start_date
        reviews[0].full_clean()
    assert set(synthetic_contributions().values_list("partner__slug", flat=True)) <= set(
        synthetic_partners().values_list("slug", flat=True)
    )
    # Every partner gets at least one contribution when there are enough to go round.
    assert synthetic_contributions().values("partner").distinct().count() == 5


def test_synthetic_records_pass_model_validation_and_have_a_live_revision():
    generate(6, 80)
    for record in [*synthetic_partners(), *synthetic_contributions()]:
        record.full_clean()
        assert record.live and not record.has_unpublished_changes
        assert record.latest_revision_id == record.live_revision_id is not None
        restored = record.latest_revision.as_object()
        assert restored.pk == record.pk
    # Reviews are records of their own, not part of the partner's revision.
    partner = synthetic_partners().first()
    assert "due_diligence_reviews" not in partner.latest_revision.content
    assert partner.due_diligence_reviews.exists()


def test_contributions_are_spread_over_types_statuses_and_currencies():
    generate(10, 400, seed=3)
    contributions = list(synthetic_contributions())
    assert {c.contribution_type for c in contributions} == set(ContributionType.values)
    assert {c.status for c in contributions} == set(ContributionStatus.values)
    assert len({c.currency for c in contributions if c.currency}) >= 5
    assert len({c.signed_date.year for c in contributions if c.signed_date}) >= 6
    for contribution in contributions:
        if contribution.status in ContributionStatus.ended_without_completion():
            assert contribution.end_reason


def test_the_same_seed_gives_the_same_records_and_another_seed_others():
    """The same records for a seed on a given database: here, one that has the cooperation areas already
    (on an empty site, the first run adds them, drawing their keys from the seed)."""
    generate(0, 0)
    assert CooperationArea.objects.filter(slug__in=[spec["slug"] for spec in AREAS]).count() == len(AREAS)
    generate(4, 25, seed=42)
    first = snapshot()
    partners, contributions = first
    assert len(partners) == 4 and len(contributions) == 25
    assert all(areas for *_fields, areas in partners)  # Every partner works in one area or more.
    remove_synthetic_records()
    generate(4, 25, seed=42)
    assert snapshot() == first
    remove_synthetic_records()
    generate(4, 25, seed=43)
    assert snapshot() != first


def test_running_again_adds_more_records_under_new_numbers():
    generate(2, 3)
    generate(2, 3)
    assert sorted(synthetic_partners().values_list("slug", flat=True)) == [
        f"{SLUG_PREFIX}{n:04d}" for n in range(1, 5)
    ]
    assert synthetic_contributions().count() == 6


def test_reports_progress_on_stderr():
    stderr = generate(3, 10)
    assert "100%" in stderr
    assert "\r" in stderr


@pytest.mark.parametrize(
    "partners, contributions, message",
    [
        (-1, 10, "zero or more"),
        (5, -3, "zero or more"),
        (0, 10, "Contributions need partners"),
    ],
)
def test_bad_arguments_are_refused_with_a_clear_error(partners, contributions, message):
    before = Partner.objects.count(), Contribution.objects.count(), DueDiligenceReview.objects.count()
    status, _stdout, stderr = run("--partners", partners, "--contributions", contributions)
    assert status == 2
    assert message in stderr
    assert (
        Partner.objects.count(),
        Contribution.objects.count(),
        DueDiligenceReview.objects.count(),
    ) == before


def test_an_argument_that_is_not_a_number_is_refused(capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["--partners", "lots"])
    assert stopped.value.code == 2
    assert "invalid int value: 'lots'" in capsys.readouterr().err


def test_runs_as_a_script():
    script = Path(__file__).resolve().parents[2] / "bench" / "records.py"
    result = subprocess.run(
        [sys.executable, str(script), "--help"], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "--contributions" in result.stdout


def test_zero_records_is_allowed():
    generate(0, 0)
    assert not synthetic_partners().exists()


def test_the_admin_lists_and_finds_synthetic_records(client, django_user_model):
    generate(3, 5)
    admin = django_user_model.objects.create_superuser("bench-admin", "bench@example.org", "pw")
    client.force_login(admin)
    partner = synthetic_partners().get(slug=f"{SLUG_PREFIX}0001")
    for model, query, text in [
        (Partner, "Synthetic Partner 0001", partner.name),
        (Contribution, "Synthetic contribution", "Synthetic contribution 000001"),
    ]:
        url = reverse(model.snippet_viewset.get_url_name("list"))
        response = client.get(url, {"q": query})
        assert response.status_code == 200
        # Found through the search index, which the bulk insert had to fill itself.
        assert text in response.content.decode()
    response = client.get(reverse(Partner.snippet_viewset.get_url_name("edit"), args=[partner.pk]))
    assert response.status_code == 200


def test_synthetic_records_are_in_the_search_index():
    generate(2, 2)
    partner = synthetic_partners().get(slug=f"{SLUG_PREFIX}0002")
    found = Partner.objects.filter(live=True, locale=partner.locale).search("Synthetic Partner 0002")
    assert partner in list(found)
