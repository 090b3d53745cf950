"""The summary of the published register: what the unfiltered public pages show of the whole register,
counted when publishing changes it rather than on every request.

Each part is the result of a from-scratch computation elsewhere (partnerships.figures, .register,
.directory), stored as one row of RegisterSummary:

* ``figures``: the figures' grouped rows (figure_groups) behind the register's and the home page's
  totals, tables and charts;
* ``areas``: the committed value by cooperation area (area_groups);
* ``options``: the register's select-filter options (options_present), also used by the downloads;
* ``directory``: the directory's facet counts with no filter, and how many partners are public;
* ``partners``: what the directory's facets count of each public partner (partner_facts), from which
  a filtered directory counts its facets without a query (but one for a keyword);
* ``active_partners``: the home page's active partners by type.

Anything that can change what the public sees (a partner, a contribution, a due-diligence review, an
exchange rate, the reporting currency, a cooperation area, saved, published, unpublished or deleted)
deletes the summary in its own transaction and has it rebuilt once that transaction commits
(`invalidate`). Readers (`parts`) therefore never see a summary older than the records: a part
that is missing (changed and not yet rebuilt, or never built) is counted from the records for that
request only. Records written in bulk, without signals (the demo loader, bench/records.py), call
`rebuild()` themselves; `manage.py rebuild_register_summary` does it by hand.
"""

import json
from dataclasses import asdict
from decimal import Decimal

from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from partnerships import figures, register
from partnerships.directory import PartnerDirectory, partner_facts
from partnerships.localize import localized_areas
from partnerships.models.rates import ExchangeRate
from partnerships.models.records import Contribution, Partner
from partnerships.models.reviews import DueDiligenceReview
from partnerships.models.site_settings import PartnershipSettings
from partnerships.models.summary import RegisterSummary
from partnerships.models.taxonomy import CooperationArea
from portal.content_cache import remembered

# Any number of our own, the same in every process: PostgreSQL's lock serialising rebuilds.
REBUILD_LOCK = 120_061_712


def _decimals(rows, *names):
    """Rows read back from JSON, with their money and quantities as Decimal again."""
    return [
        {**row, **{name: None if row[name] is None else Decimal(row[name]) for name in names}} for row in rows
    ]


def _directory_counts():
    counts, total = PartnerDirectory({}, None, localized_areas()).counts(partner_facts())
    return {"counts": counts, "total": total}


def _read_directory_counts(data):
    counts = {facet: dict(tally) for facet, tally in data["counts"].items()}
    # JSON keys are strings: the areas are counted by id.
    counts["area"] = {int(area_id): number for area_id, number in counts["area"].items()}
    return {"counts": counts, "total": data["total"]}


# part: (count it from the records, read it back from its stored JSON)
PARTS = {
    "figures": (
        lambda: figures.figure_groups(Contribution.objects.public()),
        lambda data: _decimals(data, "value", "quantity"),
    ),
    "areas": (
        lambda: figures.area_groups(Contribution.objects.public()),
        lambda data: _decimals(data, "value"),
    ),
    "options": (
        lambda: asdict(register.options_present()),
        lambda data: {**data, "partners": [tuple(partner) for partner in data["partners"]]},
    ),
    "directory": (_directory_counts, _read_directory_counts),
    "partners": (partner_facts, lambda data: data),
    "active_partners": (figures.active_partners_by_type, lambda data: data),
}


def compute(name):
    """One part counted from the records, in the form `parts()` reads it back from the database."""
    count, read = PARTS[name]
    return read(json.loads(json.dumps(count(), cls=DjangoJSONEncoder)))


class Parts(dict):
    """The parts read from the summary; one that was missing is counted from the records when used."""

    def __missing__(self, name):
        self[name] = value = compute(name)
        return value


def parts(*names):
    """The parts asked for (a Parts mapping), the stored ones read in one query, once per content
    version (portal/content_cache.py): the partners' options and facts are thousands of rows, which
    took longer to read back from JSON than the rest of a page. Whatever changes the summary makes a
    new content version too."""

    def build():
        stored = Parts(
            (name, PARTS[name][1](data))
            for name, data in RegisterSummary.objects.filter(part__in=names).values_list("part", "data")
        )
        # A missing part is counted now (Parts.__missing__), and kept with the others.
        return Parts((name, stored[name]) for name in names)

    return remembered(f"register-summary:{','.join(sorted(names))}", build)


def register_options():
    """The register's select-filter options (register.RegisterOptions) for the whole register."""
    return register.RegisterOptions(**parts("options")["options"])


def rebuild():
    """Count every part from the records and store it, replacing the summary in one transaction."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            # Two rebuilds after two commits: the second waits, then counts what both committed.
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [REBUILD_LOCK])
        rows = [RegisterSummary(part=name, data=count()) for name, (count, _read) in PARTS.items()]
        RegisterSummary.objects.all().delete()
        RegisterSummary.objects.bulk_create(rows)


class _RebuildAfterCommit:
    """The rebuild a transaction schedules once, however many changes it makes."""

    done = False

    def __call__(self):
        self.done = True
        rebuild()


def invalidate():
    """The register is changing: drop the summary now (in the change's transaction, so no reader sees
    it outlive the records) and rebuild it once, after the commit."""
    RegisterSummary.objects.all().delete()
    pending = (
        isinstance(callback, _RebuildAfterCommit) and not callback.done
        for _ids, callback, _robust in connection.run_on_commit
    )
    if not any(pending):
        # Robust: a failed rebuild leaves the summary missing (pages count for themselves), never
        # the change that was committed.
        transaction.on_commit(_RebuildAfterCommit(), robust=True)


# Saves that only move a record's draft, lock or workflow along: what the public sees is unchanged.
BOOKKEEPING_FIELDS = {
    "latest_revision",
    "has_unpublished_changes",
    "locked",
    "locked_at",
    "locked_by",
    "draft_title",
    "latest_revision_created_at",
    "search_text",
}


def register_saved(sender, update_fields=None, raw=False, **kwargs):
    if raw or update_fields is not None and set(update_fields) <= BOOKKEEPING_FIELDS:
        return
    invalidate()


def register_deleted(sender, **kwargs):
    invalidate()


def areas_changed(sender, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        invalidate()


for model in (Partner, Contribution, DueDiligenceReview, ExchangeRate, PartnershipSettings, CooperationArea):
    post_save.connect(register_saved, sender=model, dispatch_uid=f"summary-saved-{model.__name__}")
    post_delete.connect(register_deleted, sender=model, dispatch_uid=f"summary-deleted-{model.__name__}")
for through in (Partner.cooperation_areas.through, Contribution.cooperation_areas.through):
    m2m_changed.connect(areas_changed, sender=through, dispatch_uid=f"summary-areas-{through.__name__}")
