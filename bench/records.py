"""Synthetic published records in bulk, for benchmarks (run by hand, or by bench/pages.py).

    .venv/bin/python bench/records.py --partners 2000 --contributions 20000 --seed 2026
    DATABASE_URL=sqlite:////tmp/bench.sqlite3 .venv/bin/python bench/records.py --partners 200

The records go into the database of the settings (DJANGO_SETTINGS_MODULE, by default
portal.settings.dev: DATABASE_URL or db.sqlite3), which must be migrated.

Bulk inserts skip Model.save() and Model.publish(), so the publishing guard never runs: this module
keeps the invariants itself, and checks them at the end the way the public pages ask the database.
Every synthetic partner gets an approved due-diligence review decided before it is published, every
contribution belongs to a synthetic partner created (live) in the same run, and each record gets one
revision that is both its latest and its live revision, as publishing through Wagtail would leave it.
Names say what they are ("Synthetic Partner 0001"), so the records cannot be mistaken for real ones.
The same seed gives the same records. The records are added to the search index (bulk inserts send no
signals); the reference index, which only feeds the admin's "usage" counts, is left alone.

It lives here, not in an app, because it writes records around the publishing rules: nothing the site
runs may do that.
"""

import argparse
import datetime
import os
import random
import sys
import time
import uuid
from decimal import Decimal
from pathlib import Path

import django
from django.apps import apps

if not apps.ready:  # Run as a script: Django is set up before the models below are imported.
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from wagtail.models import Locale, Revision  # noqa: E402

from home.demo.areas import AREAS  # noqa: E402
from partnerships import reporting, summary  # noqa: E402
from partnerships.models import (  # noqa: E402
    Contribution,
    ContributionStatus,
    ContributionType,
    CooperationArea,
    DueDiligenceReview,
    EndReason,
    Partner,
    PartnerType,
    RelationshipStatus,
)
from partnerships.models.records import contribution_search_text  # noqa: E402

BATCH_SIZE = 1000
NAME_PREFIX = "Synthetic Partner"
SLUG_PREFIX = "synthetic-partner-"
REFERENCE_PREFIX = "SYN-"

COUNTRIES = [
    "AR", "AU", "BR", "CA", "CH", "CL", "CN", "CO", "DE", "EG", "ES", "FI", "FR", "GB", "GH", "GR",
    "ID", "IN", "IT", "JO", "JP", "KE", "KR", "MA", "MX", "MY", "NG", "NL", "NO", "NZ", "PE", "PH",
    "PL", "PT", "SA", "SE", "SG", "SN", "TH", "TN", "TR", "AE", "US", "ZA",
]  # fmt: skip
CURRENCIES = ["EUR", "USD", "CHF", "GBP", "JPY", "CAD", "SGD", "NOK"]
RELATIONSHIP_WEIGHTS = {
    RelationshipStatus.ACTIVE: 70,
    RelationshipStatus.SUSPENDED: 5,
    RelationshipStatus.CONCLUDED: 15,
    RelationshipStatus.TERMINATED: 10,
}
STATUS_WEIGHTS = {
    ContributionStatus.PLEDGED: 8,
    ContributionStatus.AGREEMENT_SIGNED: 12,
    ContributionStatus.IN_DELIVERY: 25,
    ContributionStatus.COMPLETED: 45,
    ContributionStatus.TERMINATED_EARLY: 6,
    ContributionStatus.CANCELLED: 4,
}
UNITS = {
    ContributionType.SECONDED_PERSONNEL: "staff_months",
    ContributionType.SOFTWARE_LICENCE: "licence_seats",
    ContributionType.EQUIPMENT: "items",
    ContributionType.PREMISES_FACILITIES: "square_metres",
    ContributionType.PRO_BONO_SERVICES: "days",
    ContributionType.TRAINING: "days",
    ContributionType.DATA_OR_TECHNOLOGY_ACCESS: "licence_seats",
    ContributionType.OTHER_IN_KIND: "items",
}
VALUATION_METHODS = ["market_fair_value", "donor_declared", "cost_basis"]
FIRST_YEAR, LAST_YEAR = 2019, 2026


class GenerationError(Exception):
    pass


def _weighted(rng, weights):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _date(rng, first_year, last_year):
    start = datetime.date(first_year, 1, 1)
    end = datetime.date(last_year, 12, 31)
    return start + datetime.timedelta(days=rng.randrange((end - start).days + 1))


def _uuid(rng):
    return uuid.UUID(int=rng.getrandbits(128), version=4)


class Progress:
    """A percentage line on `stream` (stderr), rewritten in place."""

    def __init__(self, stream, total):
        self.stream = stream
        self.total = max(total, 1)
        self.done = 0
        self.shown = -1

    def advance(self, steps, label):
        self.done += steps
        percent = min(100, self.done * 100 // self.total)
        if self.stream is not None and percent != self.shown:
            self.shown = percent
            bar = "#" * (percent // 4)
            self.stream.write(f"\r[{bar:<25}] {percent:3d}% {label:<40}")
            self.stream.flush()

    def finish(self):
        if self.stream is not None:
            self.stream.write("\n")


class SyntheticRecords:
    def __init__(self, partners, contributions, seed=0, stderr=None, index=True):
        if partners < 0 or contributions < 0:
            raise GenerationError("The numbers of partners and contributions must be zero or more.")
        if contributions and not partners:
            raise GenerationError("Contributions need partners: give --partners as well.")
        self.partner_count = partners
        self.contribution_count = contributions
        self.seed = seed
        self.index = index
        # Each record is built, inserted, revised, linked and indexed: a step of progress each.
        self.progress = Progress(stderr, (5 if index else 4) * (partners + contributions))

    def generate(self):
        self.locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
        self.now = timezone.now()
        with transaction.atomic():
            self.offset = Partner.objects.filter(slug__startswith=SLUG_PREFIX).count()
            self.reference_offset = Contribution.objects.filter(
                reference__startswith=REFERENCE_PREFIX
            ).count()
            # Deterministic for a seed on a given database; a second run draws new translation keys.
            self.rng = random.Random(f"{self.seed}/{self.offset}/{self.reference_offset}")
            areas = self._areas()
            partners = self._partners(areas)
            contributions = self._contributions(partners, areas)
            self._convert(contributions)
            self._check(partners, contributions)
            # Bulk inserts send no signal: the published register's summary is counted once, here.
            summary.rebuild()
            if self.index:
                self._index(Partner, partners, "partners")
                self._index(Contribution, contributions, "contributions")
        # Planner statistics for what was just inserted in bulk: SQLite has none until asked, and
        # PostgreSQL's autovacuum gathers them only a while later.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        self.progress.finish()
        return partners, contributions

    def _areas(self):
        """The source-language cooperation areas, creating the demo's (in English) on an empty site."""
        existing = {area.slug: area for area in CooperationArea.objects.filter(locale=self.locale)}
        missing = [
            CooperationArea(
                locale=self.locale,
                slug=spec["slug"],
                name=spec["name"].en,
                description=spec["description"].en,
                translation_key=_uuid(self.rng),
            )
            for spec in AREAS
            if spec["slug"] not in existing
        ]
        CooperationArea.objects.bulk_create(missing)
        return list(CooperationArea.objects.filter(locale=self.locale).order_by("slug"))

    # --- partners ---------------------------------------------------------------------------

    def _partners(self, areas):
        rng = self.rng
        partners, reviews, links = [], [], []
        types = PartnerType.values
        for number in range(self.offset + 1, self.offset + self.partner_count + 1):
            status = _weighted(rng, RELATIONSHIP_WEIGHTS)
            start = _date(rng, 2012, LAST_YEAR - 1)
            end = None
            if status in (RelationshipStatus.CONCLUDED, RelationshipStatus.TERMINATED):
                end = start + datetime.timedelta(days=rng.randint(180, 2000))
            partner = Partner(
                locale=self.locale,
                translation_key=_uuid(rng),
                name=f"{NAME_PREFIX} {number:04d}",
                slug=f"{SLUG_PREFIX}{number:04d}",
                partner_type=types[number % len(types)] if rng.random() < 0.5 else rng.choice(types),
                country=rng.choice(COUNTRIES),
                website="",
                summary=f"A synthetic partner generated for benchmarks (seed {self.seed}); not a real organisation.",
                description="",
                relationship_status=status,
                start_date=start,
                end_date=end,
                live=True,
                has_unpublished_changes=False,
                first_published_at=self.now,
                last_published_at=self.now,
            )
            # bulk_create skips Partner.save(), which makes the search text.
            partner.search_text = partner.make_search_text()
            decided = start - datetime.timedelta(days=rng.randint(5, 60))
            decision = "approved" if rng.random() < 0.8 else "approved_with_conditions"
            review = DueDiligenceReview(
                review_type="initial",
                opened_on=decided - datetime.timedelta(days=rng.randint(20, 90)),
                decided_on=decided,
                next_review_due=decided + datetime.timedelta(days=3 * 365),
                values_result="meets",
                activities_result="meets",
                purpose_result="meets",
                values_rationale="Synthetic record: no real review took place.",
                activities_rationale="Synthetic record: no real review took place.",
                purpose_rationale="Synthetic record: no real review took place.",
                sanctions_screening="clear",
                risk_level="low",
                decision=decision,
                conditions="Synthetic condition." if decision == "approved_with_conditions" else "",
                reviewers="Synthetic reviewer",
            )
            chosen = rng.sample(areas, k=min(len(areas), rng.randint(1, 3)))
            partner.cooperation_areas = chosen
            partners.append(partner)
            reviews.append(review)
            links.append(chosen)
        self.progress.advance(len(partners), "partners built")

        self._insert(Partner, partners, "partners")
        for partner, review in zip(partners, reviews, strict=True):
            review.partner_id = partner.pk
        DueDiligenceReview.objects.bulk_create(reviews, batch_size=BATCH_SIZE)
        if partners:  # Bulk inserts send no signal: the partners' decisions in force are written here.
            Partner.objects.filter(pk__range=(partners[0].pk, partners[-1].pk)).refresh_standings()
        self._revise(Partner, partners, "partners")
        self._link(Partner, partners, links, "partners")
        return partners

    # --- contributions ----------------------------------------------------------------------

    def _contributions(self, partners, areas):
        rng = self.rng
        contributions, links = [], []
        for index in range(self.contribution_count):
            number = self.reference_offset + index + 1
            # Every partner gets one before any gets a second, then the rest are spread at random.
            partner = partners[index] if index < len(partners) else rng.choice(partners)
            kind = rng.choice(ContributionType.values)
            status = _weighted(rng, STATUS_WEIGHTS)
            signed = _date(rng, FIRST_YEAR, LAST_YEAR)
            start = signed + datetime.timedelta(days=rng.randint(7, 90))
            end = start + datetime.timedelta(days=rng.randint(90, 1100))
            if status == ContributionStatus.PLEDGED:
                signed = start = end = None
            elif status == ContributionStatus.AGREEMENT_SIGNED:
                end = None
            elif status == ContributionStatus.CANCELLED:
                start = end = None
            end_reason = ""
            if status in ContributionStatus.ended_without_completion():
                end_reason = rng.choice(EndReason.values)
            currency = rng.choice(CURRENCIES)
            values = {"amount": None, "currency": "", "quantity": None, "unit": "", "estimated_value": None}
            if kind in ContributionType.financial():
                values.update(amount=Decimal(rng.randrange(10, 2500) * 1000), currency=currency)
            else:
                values.update(quantity=Decimal(rng.randint(1, 400)), unit=UNITS[kind])
                if rng.random() < 0.6:
                    values.update(
                        estimated_value=Decimal(rng.randrange(5, 900) * 1000),
                        valuation_method=rng.choice(VALUATION_METHODS),
                        currency=currency,
                    )
                else:
                    values.update(valuation_method="not_valued")
            reference = f"{REFERENCE_PREFIX}{number:06d}"
            title = f"Synthetic contribution {number:06d}"
            purpose = f"A synthetic contribution generated for benchmarks (seed {self.seed})."
            contribution = Contribution(
                locale=self.locale,
                translation_key=_uuid(rng),
                partner_id=partner.pk,
                reference=reference,
                # bulk_create skips Contribution.save(), which makes these two.
                slug=reference.lower(),
                search_text=contribution_search_text(title, purpose, reference, partner.name),
                title=title,
                purpose=purpose,
                contribution_type=kind,
                status=status,
                end_reason=end_reason,
                signed_date=signed,
                start_date=start,
                end_date=end,
                live=True,
                has_unpublished_changes=False,
                first_published_at=self.now,
                last_published_at=self.now,
                **values,
            )
            chosen = rng.sample(areas, k=rng.randint(0, 2)) if kind != "financial_unearmarked" else []
            contribution.cooperation_areas = chosen
            contributions.append(contribution)
            links.append(chosen)
            if len(contributions) % BATCH_SIZE == 0:
                self.progress.advance(BATCH_SIZE, "contributions built")
        self.progress.advance(len(contributions) % BATCH_SIZE, "contributions built")

        self._insert(Contribution, contributions, "contributions")
        self._revise(Contribution, contributions, "contributions")
        self._link(Contribution, contributions, links, "contributions")
        return contributions

    # --- shared steps -------------------------------------------------------------------------

    def _insert(self, model, objects, label):
        for start in range(0, len(objects), BATCH_SIZE):
            batch = objects[start : start + BATCH_SIZE]
            model.objects.bulk_create(batch)
            self.progress.advance(len(batch), f"{label} inserted")

    def _revise(self, model, objects, label):
        """One revision per record, as publishing would leave it: both its latest and its live one."""
        content_type = ContentType.objects.get_for_model(model)
        for start in range(0, len(objects), BATCH_SIZE):
            batch = objects[start : start + BATCH_SIZE]
            revisions = Revision.objects.bulk_create(
                [
                    Revision(
                        content_type=content_type,
                        base_content_type=content_type,
                        object_id=str(obj.pk),
                        created_at=self.now,
                        object_str=str(obj),
                        content=obj.serializable_data(),
                    )
                    for obj in batch
                ]
            )
            for obj, revision in zip(batch, revisions, strict=True):
                obj.latest_revision = revision
                obj.live_revision = revision
            model.objects.bulk_update(batch, ["latest_revision", "live_revision"])
            self.progress.advance(len(batch), f"{label} revised")

    def _link(self, model, objects, links, label):
        """The cooperation areas, as rows of the many-to-many table."""
        through = model.cooperation_areas.through
        own_column = f"{model._meta.model_name}_id"
        for start in range(0, len(objects), BATCH_SIZE):
            rows = [
                through(**{own_column: obj.pk, "cooperationarea_id": area.pk})
                for obj, chosen in zip(
                    objects[start : start + BATCH_SIZE], links[start : start + BATCH_SIZE], strict=True
                )
                for area in chosen
            ]
            through.objects.bulk_create(rows)
            self.progress.advance(len(objects[start : start + BATCH_SIZE]), f"{label} linked to areas")

    def _index(self, model, objects, label):
        """Bulk inserts send no post_save signal, so the search index is told here."""
        from modelsearch.backends import get_search_backends

        backends = list(get_search_backends(with_auto_update=True))
        queryset = model.get_indexed_objects()
        for start in range(0, len(objects), BATCH_SIZE):
            batch = objects[start : start + BATCH_SIZE]
            rows = list(queryset.filter(pk__in=[obj.pk for obj in batch]))
            for backend in backends:
                backend.add_bulk(model, rows)
            self.progress.advance(len(batch), f"{label} indexed for search")

    def _convert(self, contributions):
        """Their values in the reporting currency, as saving each would compute them: one UPDATE. Without
        exchange rates in the database, those in other currencies say so and are left out of figures."""
        if contributions:
            ids = (contributions[0].pk, contributions[-1].pk)
            reporting.recompute(
                Contribution.objects.filter(pk__range=ids, reference__startswith=REFERENCE_PREFIX)
            )

    def _check(self, partners, contributions):
        """The invariants, asked of the database the way the public pages ask it."""
        if partners:
            ids = (partners[0].pk, partners[-1].pk)
            public = Partner.objects.public().filter(pk__range=ids, slug__startswith=SLUG_PREFIX).count()
            if public != len(partners):
                raise GenerationError(f"Only {public} of {len(partners)} synthetic partners are public.")
        if contributions:
            ids = (contributions[0].pk, contributions[-1].pk)
            public = (
                Contribution.objects.public()
                .filter(pk__range=ids, reference__startswith=REFERENCE_PREFIX)
                .count()
            )
            if public != len(contributions):
                raise GenerationError(
                    f"Only {public} of {len(contributions)} synthetic contributions are public."
                )


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--partners", type=int, default=100, help="How many partners (default 100).")
    parser.add_argument(
        "--contributions", type=int, default=1000, help="How many contributions (default 1000)."
    )
    parser.add_argument("--seed", type=int, default=0, help="Seed for the random choices (default 0).")
    parser.add_argument(
        "--no-index", action="store_true", help="Do not add the records to the search index (faster)."
    )
    parser.add_argument("--quiet", action="store_true", help="No progress line and no summary.")
    return parser.parse_args(argv)


def main(argv=None, stdout=sys.stdout, stderr=sys.stderr):
    """Generate the records the command line asks for; the exit status is 2 when it asks for the
    impossible (argparse's own status for a bad argument)."""
    args = parse_args(argv)
    started = time.monotonic()
    try:
        partners, contributions = SyntheticRecords(
            args.partners,
            args.contributions,
            seed=args.seed,
            stderr=None if args.quiet else stderr,
            index=not args.no_index,
        ).generate()
    except GenerationError as error:
        stderr.write(f"error: {error}\n")
        return 2
    if not args.quiet:
        stdout.write(
            f"Created {len(partners)} partners and {len(contributions)} contributions, all published, "
            f"in {time.monotonic() - started:.1f} s.\n"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
