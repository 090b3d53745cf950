"""Backups (issue 13): export_register writes every record into a directory, import_register restores it
into a database without records, with the same public pages and figures; it refuses a database that
has records unless --force, and a missing or damaged backup, with a clean error and nothing written."""

import datetime
import hashlib
import json
import re
import uuid
from decimal import Decimal

import pytest

from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import models
from django.utils import timezone

from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Site

from partnerships import backups
from partnerships.applications.partner_records import start_partner_record
from partnerships.figures import compute_figures
from partnerships.models import (
    Contribution,
    ContributionStatus,
    ContributionType,
    CooperationArea,
    DueDiligenceReview,
    EndReason,
    ExchangeRate,
    ExpressionOfInterest,
    InKindUnit,
    Partner,
    PartnershipSettings,
    ReviewDecision,
    ValuationMethod,
)
from tests.factories import (
    ContributionFactory,
    CooperationAreaFactory,
    PartnerFactory,
    ReviewFactory,
    make_user,
    public_contribution,
    public_partner,
    translate,
)

pytestmark = pytest.mark.django_db

RECORDS = [CooperationArea, Partner, Contribution, DueDiligenceReview, ExchangeRate]
# What differs between a record and its restored copy by nature: database ids, the revision rows the
# import makes anew, and the search text (derived, and compared through the register's pages).
NOT_COMPARED = {"id", "latest_revision", "live_revision", "search_text"}
# A draft is compared by its content: a revision also copies the row's bookkeeping of the moment.
NOT_CONTENT = {
    "live",
    "has_unpublished_changes",
    "first_published_at",
    "last_published_at",
    "go_live_at",
    "expire_at",
    "expired",
    "locked",
    "locked_at",
    "locked_by",
}


def build_register():
    """A register as a portal has one: areas and partners in several languages, contributions in four
    currencies (one without a rate, one booked), an approval with conditions, a rejection, a draft
    partner and changes not yet published."""
    reviewer = make_user("backup-reviewer", "Transparency reviewers")
    cyber = CooperationAreaFactory(
        name="Cybersecurity",
        slug="cybersecurity",
        translations={"fr": {"name": "Cybersécurité"}, "ar": {"name": "الأمن السيبراني"}},
    )
    forensics = CooperationAreaFactory(
        name="Digital forensics", slug="digital-forensics", translations={"fr": {"name": "Criminalistique"}}
    )
    for currency, month, rate in [
        ("USD", datetime.date(2025, 3, 1), "0.91"),
        ("USD", datetime.date(2024, 6, 1), "0.93"),
        ("GBP", datetime.date(2025, 3, 1), "1.17"),
    ]:
        ExchangeRate.objects.create(currency=currency, month=month, rate=rate, source="UN operational rates")

    acme = public_partner(
        name="Acme Security",
        slug="acme-security",
        cooperation_areas=[cyber, forensics],
        description="<p>Acme <b>audits</b> networks.</p>",
        translations={
            "fr": {"summary": "Acme protège les réseaux."},
            "ar": {"summary": "أكمي تحمي الشبكات."},
        },
    )
    # A later approval with conditions, recorded by a reviewer; then changes not yet published.
    ReviewFactory(
        partner=acme,
        review_type="periodic",
        decided_on=datetime.date(2025, 2, 1),
        decision=ReviewDecision.APPROVED_WITH_CONDITIONS,
        conditions="INTERNAL yearly audit",
        recorded_by=reviewer,
    )
    acme.summary = "DRAFT summary not yet published."
    acme.save_revision()

    beacon = public_partner(
        name="Beacon Foundation",
        slug="beacon-foundation",
        partner_type="philanthropic_foundation",
        country="KE",
        translations={"fr": {"summary": "Beacon finance la formation."}},
    )
    translate(beacon, "es", summary="Borrador de Beacon.")  # a draft translation

    funding = public_contribution(
        partner=acme,
        reference="PSP-2025-001",
        title="Network audit",
        cooperation_areas=[cyber],
        translations={"fr": {"title": "Audit du réseau"}, "ar": {"title": "تدقيق الشبكة"}},
    )
    public_contribution(
        partner=acme,
        reference="PSP-2025-002",
        title="Seconded analysts",
        in_kind=True,
        currency="USD",
        estimated_value=Decimal("120000"),
        translations={"es": {"title": "Analistas en comisión"}},
    )
    public_contribution(
        partner=beacon,
        reference="PSP-2025-003",
        title="Training grant",
        currency="GBP",
        amount=Decimal("40000"),
        booked_value=Decimal("46500.50"),
        booked_currency="EUR",
    )
    public_contribution(
        partner=beacon,
        reference="PSP-2025-004",
        title="Pledged laboratory",
        currency="JPY",  # no JPY rate: the figures say one value is missing
        amount=Decimal("9000000"),
        status=ContributionStatus.PLEDGED,
    )
    public_contribution(
        partner=beacon,
        reference="PSP-2024-005",
        title="Cancelled licences",
        contribution_type=ContributionType.SOFTWARE_LICENCE,
        amount=None,
        quantity=Decimal("30"),
        unit=InKindUnit.LICENCE_SEATS,
        estimated_value=Decimal("15000"),
        valuation_method=ValuationMethod.DONOR_DECLARED,
        currency="USD",
        signed_date=datetime.date(2024, 6, 12),
        status=ContributionStatus.CANCELLED,
        end_reason=EndReason.OTHER,
    )
    ContributionFactory(partner=acme, reference="PSP-2026-006", title="Draft contribution")
    ReviewFactory(
        partner=acme,
        contribution=funding,
        review_type="contribution_specific",
        decided_on=datetime.date(2025, 2, 1),
    )

    # Approved, published, then rejected: off the site with its contribution, and kept off.
    rejected = public_partner(name="Rejected Ltd", slug="rejected-ltd", translations={"fr": {}})
    public_contribution(partner=rejected, reference="PSP-2025-007", title="Withdrawn gift")
    ReviewFactory(
        partner=rejected,
        decision=ReviewDecision.REJECTED,
        decided_on=datetime.date(2025, 5, 2),
        review_type="triggered",
        values_result="does_not_meet",
    )
    # Never published: no review yet, and one pending.
    draft = PartnerFactory(name="Draft Partner", slug="draft-partner", translations={"fr": {}})
    ReviewFactory(partner=draft, decision=ReviewDecision.PENDING, decided_on=None)
    return acme


def natural(value):
    """A related record by its natural key: ids differ between databases."""
    if isinstance(value, CooperationArea | Partner | Contribution):
        return (str(value.translation_key), value.locale.language_code)
    if hasattr(value, "get_username"):
        return value.get_username()
    if hasattr(value, "language_code"):
        return value.language_code
    if isinstance(value, models.Model):
        return value.pk
    return value


def snapshot():
    """Every record row, field by field (all of the model's fields, not the backup's list of them),
    relations by natural key, with the draft each partner and contribution holds: what a restore must
    bring back."""
    rows = {}
    for model in RECORDS:
        fields = [f for f in model._meta.concrete_fields if f.name not in NOT_COMPARED]
        many = [f.name for f in model._meta.many_to_many]
        found = []
        for record in model.objects.all():
            row = {f.name: natural(getattr(record, f.name)) for f in fields}
            for name in many:
                row[name] = sorted(natural(area) for area in getattr(record, name).all())
            if getattr(record, "latest_revision_id", None) != getattr(record, "live_revision_id", None):
                draft = record.latest_revision.as_object()
                row["draft"] = {
                    f.name: natural(getattr(draft, f.name)) for f in fields if f.name not in NOT_CONTENT
                }
            found.append(row)
        rows[model.__name__] = sorted(found, key=repr)
    return rows


def changes(before, after):
    """(model, field, value before, value after) for each field that differs between two snapshots of
    the same records (rows matched by their position in the sorted snapshot)."""
    found = []
    for model, rows in before.items():
        assert len(rows) == len(after[model]), model
        for old, new in zip(rows, after[model], strict=True):
            found += [(model, name, old[name], new.get(name)) for name in old if old[name] != new.get(name)]
    return found


def visible_text(html):
    """What a reader sees: the page's text without its markup (whose nonces change per request)."""
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", text).split())


PAGES = [
    "/en/partners/",
    "/en/partners/acme-security/",
    "/fr/partners/acme-security/",
    "/ar/partners/acme-security/",
    "/en/partners/beacon-foundation/",
    "/en/contributions/",
    "/fr/contributions/",
    "/en/contributions/psp-2025-001/",
    "/ar/contributions/psp-2025-001/",
]


def public_pages(client):
    cache.clear()
    pages = {}
    for url in PAGES:
        response = client.get(url)
        assert response.status_code == 200, url
        pages[url] = visible_text(response.content.decode())
    return pages


def empty_the_register():
    """What an empty database has: the site and its pages, no records (decided reviews go with their
    partners, as a fresh database has none)."""
    Contribution.objects.all().delete()
    Partner.objects.all().delete()
    CooperationArea.objects.all().delete()
    ExchangeRate.objects.all().delete()
    assert not any(model.objects.exists() for model in RECORDS)


def rewrite(directory, name, change):
    """Edit one file of a backup as a person might, and update its manifest's checksum and count."""
    path = directory / name
    rows = change(json.loads(path.read_text()))
    content = backups.dumps(rows)
    path.write_bytes(content)
    manifest = json.loads((directory / "manifest.json").read_text())
    manifest["files"][name].update(sha256=hashlib.sha256(content).hexdigest(), count=len(rows))
    (directory / "manifest.json").write_bytes(backups.dumps(manifest))


def test_a_backup_restores_the_same_records_public_pages_and_figures(tmp_path, en_client):
    build_register()
    records, pages = snapshot(), public_pages(en_client)
    figures = compute_figures(Contribution.objects.public())
    assert "DRAFT summary" not in pages["/en/partners/acme-security/"]
    assert "Acme protège les réseaux." in pages["/fr/partners/acme-security/"]

    call_command("export_register", output=str(tmp_path / "backup"))
    empty_the_register()
    # Another database's reporting currency: the backup's comes back with the records.
    settings = PartnershipSettings.for_site(Site.objects.get(is_default_site=True))
    settings.reporting_currency = "USD"
    settings.save()
    call_command("import_register", str(tmp_path / "backup"))

    assert PartnershipSettings.for_site(Site.objects.get(is_default_site=True)).reporting_currency == "EUR"
    assert changes(records, snapshot()) == []
    assert public_pages(en_client) == pages
    assert compute_figures(Contribution.objects.public()) == figures
    assert figures.pledged.without_rate == 1 and figures.not_counted.count == 1
    # What stays off the site stays off; the draft is the latest revision, not the live text.
    assert set(Partner.objects.public().values_list("slug", flat=True)) == {
        "acme-security",
        "beacon-foundation",
    }
    assert not Partner.objects.get(slug="draft-partner", locale__language_code="en").live
    assert not Contribution.objects.get(reference="PSP-2025-007", locale__language_code="en").live
    acme = Partner.objects.get(slug="acme-security", locale__language_code="en")
    assert acme.has_unpublished_changes
    assert acme.latest_revision.as_object().summary == "DRAFT summary not yet published."
    assert DueDiligenceReview.objects.get(conditions="INTERNAL yearly audit").recorded_by.username == (
        "backup-reviewer"
    )


def test_two_backups_of_the_same_records_are_the_same_bytes_but_for_the_time(tmp_path):
    build_register()
    call_command("export_register", output=str(tmp_path / "one"))
    call_command("export_register", output=str(tmp_path / "two"))
    names = sorted(path.name for path in (tmp_path / "one").iterdir())
    assert names == sorted(["manifest.json", *backups.FILES])
    for name in names:
        one, two = ((tmp_path / folder / name).read_text() for folder in ("one", "two"))
        if name == "manifest.json":
            one, two = (re.sub(r'"created_at": "[^"]+"', "", text) for text in (one, two))
        assert one == two, name
    manifest = json.loads((tmp_path / "one" / "manifest.json").read_text())
    assert manifest["format_version"] == backups.FORMAT_VERSION
    assert manifest["files"]["partners.json"]["count"] == Partner.objects.count() == 10
    assert manifest["files"]["reviews.json"]["count"] == DueDiligenceReview.objects.count()
    # A backup is private: the reviews' internal fields are in it.
    assert "INTERNAL-RATIONALE values" in (tmp_path / "one" / "reviews.json").read_text()


def test_the_import_refuses_a_database_with_records_and_changes_nothing(tmp_path):
    build_register()
    call_command("export_register", output=str(tmp_path / "backup"))
    Partner.objects.filter(slug="beacon-foundation").update(name="Beacon (edited after the backup)")
    before = snapshot()
    with pytest.raises(CommandError, match="already has records .*--force"):
        call_command("import_register", str(tmp_path / "backup"))
    assert changes(before, snapshot()) == []


def test_force_replaces_the_records_with_the_backups_and_keeps_the_applications_linked(tmp_path, reviewer):
    build_register()
    application = expression_of_interest()
    started = start_partner_record(application, reviewer)  # a draft with no summary yet
    assert started.summary == ""
    records = snapshot()
    call_command("export_register", output=str(tmp_path / "backup"))
    public_partner(name="Added after the backup", slug="added-later")
    ExchangeRate.objects.create(currency="CHF", month=datetime.date(2025, 1, 1), rate="1.05", source="UN")
    call_command("import_register", str(tmp_path / "backup"), force=True)
    assert changes(records, snapshot()) == []
    # Expressions of interest are not in a backup; they point at the restored records.
    application.refresh_from_db()
    assert (application.partner.translation_key, application.partner.summary) == (started.translation_key, "")
    assert [area.slug for area in application.cooperation_areas.all()] == ["cybersecurity"]


def expression_of_interest():
    application = ExpressionOfInterest.objects.create(
        submission_token=uuid.uuid4(),
        language="fr",
        organisation_name="Fondation Candidate",
        organisation_type="philanthropic_foundation",
        country="FR",
        contact_name="Camille",
        email="camille@candidate.example",
        contribution_types=["training"],
        proposal="Des formations.",
        alignment="Renforce les capacités.",
        consent_given_at=timezone.now(),
    )
    application.cooperation_areas.set(
        CooperationArea.objects.filter(slug="cybersecurity", locale__language_code="en")
    )
    return application


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda d: (d / "manifest.json").unlink(), "has no manifest.json"),
        (lambda d: (d / "manifest.json").write_text("{not json"), "cannot be read as JSON"),
        (lambda d: (d / "manifest.json").write_text("[]"), "does not describe a register backup"),
        (
            lambda d: (d / "manifest.json").write_text(
                (d / "manifest.json").read_text().replace('"format_version": 1', '"format_version": 99')
            ),
            "format version is 99",
        ),
        (lambda d: (d / "partners.json").unlink(), "partners.json is missing"),
        (
            lambda d: (d / "partners.json").write_text((d / "partners.json").read_text()[:-40]),
            "partners.json is not the file the backup wrote",
        ),
        (lambda d: d.rename(d.with_name("elsewhere")), "is not a directory"),
    ],
    ids=["no-manifest", "manifest-not-json", "not-a-manifest", "newer-format", "missing-file", "truncated"]
    + ["no-directory"],
)
def test_a_missing_or_damaged_backup_is_a_clean_error(tmp_path, damage, message):
    build_register()
    directory = tmp_path / "backup"
    call_command("export_register", output=str(directory))
    empty_the_register()
    damage(directory)
    with pytest.raises(CommandError, match=re.escape(message)):
        call_command("import_register", str(directory))
    assert not any(model.objects.exists() for model in RECORDS)


def test_a_backup_that_breaks_the_publishing_guard_is_refused_as_a_whole(tmp_path):
    """Invariant 2 holds for an import too: a live partner whose only approval was removed from the
    backup is refused by the guard, and the records restored before it are rolled back."""
    build_register()
    directory = tmp_path / "backup"
    call_command("export_register", output=str(directory))
    empty_the_register()

    def drop_beacons_approval(rows):
        return [row for row in rows if row["partner"] != beacon_key]

    partners = json.loads((directory / "partners.json").read_text())
    beacon_key = next(
        {"translation_key": row["translation_key"], "locale": "en"}
        for row in partners
        if row["slug"] == "beacon-foundation"
    )
    rewrite(directory, "reviews.json", drop_beacons_approval)
    with pytest.raises(CommandError, match="partners.json, row .*: cannot be published: .*no completed"):
        call_command("import_register", str(directory))
    assert not any(model.objects.exists() for model in RECORDS)


def test_a_malformed_row_names_its_file_and_row(tmp_path):
    build_register()
    directory = tmp_path / "backup"
    call_command("export_register", output=str(directory))
    empty_the_register()
    rewrite(directory, "exchange_rates.json", lambda rows: [{**rows[0], "rate": "-1"}, *rows[1:]])
    with pytest.raises(CommandError, match=r"exchange_rates.json, row 1: .*greater than zero"):
        call_command("import_register", str(directory))
    assert not any(model.objects.exists() for model in RECORDS)


def test_the_export_wants_a_new_directory(tmp_path):
    (tmp_path / "old.txt").write_text("an earlier backup")
    with pytest.raises(CommandError, match="not an empty directory"):
        call_command("export_register", output=str(tmp_path))


@pytest.mark.parametrize(
    ("model", "written"),
    [
        (CooperationArea, backups.AREA_FIELDS),
        (Partner, backups.PARTNER_FIELDS + backups.PUBLICATION_FIELDS),
        (Contribution, backups.CONTRIBUTION_FIELDS + backups.PUBLICATION_FIELDS + backups.REPORTING_FIELDS),
        (DueDiligenceReview, backups.REVIEW_FIELDS),
        (ExchangeRate, backups.RATE_FIELDS),
    ],
)
def test_every_field_is_in_the_backup_or_left_out_on_purpose(model, written):
    """A field added to a record must be added to the backup (or to what it leaves out, documented)."""
    fields = {
        f.name for f in model._meta.get_fields() if f.concrete or (f.many_to_many and not f.auto_created)
    }
    accounted = set(written) | backups.KEYS | backups.RECORD_STATE | backups.LEFT_OUT
    assert fields - accounted == set()


def test_a_logo_is_kept_as_a_reference_to_its_image(tmp_path, settings, capsys):
    """Images are in the media storage and the images table, not in a backup: a restored partner takes
    the image of the same file name again, and the import says which logo it could not find."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    logo = get_image_model().objects.create(title="Acme logo", file=get_test_image_file("acme.png"))
    acme = public_partner(name="Acme", slug="acme", logo=logo)
    beacon = public_partner(name="Beacon", slug="beacon", logo=logo)
    call_command("export_register", output=str(tmp_path / "backup"))
    rows = json.loads((tmp_path / "backup" / "partners.json").read_text())
    assert rows[0]["logo"] == {"id": logo.pk, "title": "Acme logo", "file": logo.file.name}

    empty_the_register()
    call_command("import_register", str(tmp_path / "backup"))
    assert Partner.objects.get(translation_key=acme.translation_key).logo == logo

    empty_the_register()
    logo.delete()
    call_command("import_register", str(tmp_path / "backup"))
    assert Partner.objects.get(translation_key=beacon.translation_key).logo is None
    assert f"its logo, {rows[0]['logo']['file']}, is not in this database's images" in capsys.readouterr().err
