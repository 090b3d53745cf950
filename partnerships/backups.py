"""A backup of the register: its records written to a directory of JSON files, and restored from one
(docs/backups.md describes the format; `export_register` and `import_register` are the commands).

Records are written with natural keys (a record is its translation key and its locale's language
code), never database ids, so a backup restores into another database. Restoring goes through the
paths the portal itself uses: rows are saved as drafts, reviews are recorded, then records are
published with Wagtail's `revision.publish()`, where the publishing guard (partnerships.publishing)
asks its questions; the values in the reporting currency are computed again (partnerships.reporting)
from the restored rates, never copied."""

import datetime
import hashlib
import json
import tomllib
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone, translation

from wagtail.images import get_image_model
from wagtail.models import Locale, Site

from partnerships.models.applications import ExpressionOfInterest
from partnerships.models.rates import ExchangeRate
from partnerships.models.records import Contribution, Partner
from partnerships.models.reviews import DueDiligenceReview
from partnerships.models.site_settings import DEFAULT_REPORTING_CURRENCY, PartnershipSettings
from partnerships.models.taxonomy import CooperationArea
from partnerships.publishing import PublishingBlocked

FORMAT = "partnerships-register-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"

# The fields written as they are, per model. Relations are written as natural keys beside them
# (see the writers below); what is left out on purpose is in LEFT_OUT, and a test checks that every
# field of each model is in one or the other.
AREA_FIELDS = ("name", "slug", "description")
PARTNER_FIELDS = (
    "name",
    "slug",
    "partner_type",
    "country",
    "website",
    "summary",
    "description",
    "relationship_status",
    "start_date",
    "end_date",
)
CONTRIBUTION_FIELDS = (
    "reference",
    "slug",
    "title",
    "purpose",
    "contribution_type",
    "status",
    "end_reason",
    "amount",
    "currency",
    "quantity",
    "unit",
    "estimated_value",
    "valuation_method",
    "signed_date",
    "start_date",
    "end_date",
    "booked_value",
    "booked_currency",
)
# Written for checking only: the import computes them again and reports any difference.
REPORTING_FIELDS = ("reporting_value", "reporting_currency", "value_basis")
# When a record was published and its scheduled publishing: restored after publishing.
PUBLICATION_FIELDS = ("first_published_at", "last_published_at", "go_live_at", "expire_at", "expired")
REVIEW_FIELDS = (
    "review_type",
    "opened_on",
    "decided_on",
    "next_review_due",
    "values_result",
    "values_rationale",
    "activities_result",
    "activities_rationale",
    "purpose_result",
    "purpose_rationale",
    "sanctions_screening",
    "risk_level",
    "decision",
    "conditions",
    "reviewers",
    "notes",
    "recorded_at",
)
RATE_FIELDS = ("currency", "month", "rate", "source")

# Written as natural keys: the record's own identity and its relations.
KEYS = {"id", "translation_key", "locale", "cooperation_areas", "partner", "contribution", "logo"}
RECORD_STATE = {"live", "has_unpublished_changes", "latest_revision", "live_revision"}
LEFT_OUT = {
    # Derived from the record's text by its save().
    "search_text",
    # An edit lock belongs to an editor's session, not to the record.
    "locked",
    "locked_at",
    "locked_by",
    # The user is written by username (`recorded_by`).
    "recorded_by",
}

# One file per model, in the order the import reads them.
FILES = {
    "settings.json": "partnerships.partnershipsettings",
    "exchange_rates.json": "partnerships.exchangerate",
    "cooperation_areas.json": "partnerships.cooperationarea",
    "partners.json": "partnerships.partner",
    "contributions.json": "partnerships.contribution",
    "reviews.json": "partnerships.duediligencereview",
}
RECORD_MODELS = (CooperationArea, Partner, Contribution, DueDiligenceReview, ExchangeRate)


class BackupError(Exception):
    """What an operator needs to know to put a backup or a database right: no traceback."""


# --- values ---------------------------------------------------------------------------------------


def encode(value):
    """A field's value as JSON: dates and times in ISO 8601 (times in UTC), decimals as strings (so no
    digit is lost to a float), countries by their code."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.UTC).isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return str(value.code if hasattr(value, "code") else value)


def fields_of(obj, names):
    return {name: encode(getattr(obj, name)) for name in names}


def decode(model, values, names):
    """{field: Python value} for `names` of `values` (a row read from a file)."""
    decoded = {}
    for name in names:
        if name not in values:
            raise BackupError(f"the field “{name}” is missing")
        try:
            decoded[name] = model._meta.get_field(name).to_python(values[name])
        except ValidationError as error:
            raise BackupError(f"“{name}”: {' '.join(error.messages)}") from error
    return decoded


def key_of(record):
    return {"translation_key": str(record.translation_key), "locale": record.locale.language_code}


def logo_of(partner):
    """The logo's reference: the image itself is in the media storage and the images table."""
    logo = partner.logo
    if logo is None:
        return None
    return {"id": logo.pk, "title": logo.title, "file": logo.file.name}


def record_fields(record, names):
    """A partner's or contribution's fields and relations, from a row or a revision's object."""
    row = fields_of(record, names)
    row["cooperation_areas"] = sorted(
        (key_of(area) for area in record.cooperation_areas.all()),
        key=lambda key: (key["translation_key"], key["locale"]),
    )
    if isinstance(record, Partner):
        row["logo"] = logo_of(record)
    else:
        row["partner"] = key_of(record.partner)
    return row


# --- export ---------------------------------------------------------------------------------------


def app_version():
    with open(settings.BASE_DIR / "pyproject.toml", "rb") as file:
        return tomllib.load(file)["project"]["version"]


def latest_migration(app_label="partnerships"):
    names = MigrationRecorder(connection).applied_migrations()
    return max((name for app, name in names if app == app_label), default=None)


def default_site_settings():
    site = Site.objects.filter(is_default_site=True).first()
    return PartnershipSettings.for_site(site) if site else None


def _settings_rows():
    """The default site's reporting currency, read without creating its settings (the export reads
    in a read-only transaction): a site without them reports in the default currency."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return []
    site_settings = PartnershipSettings.objects.filter(site=site).first()
    currency = site_settings.reporting_currency if site_settings else DEFAULT_REPORTING_CURRENCY
    return [{"reporting_currency": currency}]


def _area_rows():
    rows = [
        {**key_of(area), **fields_of(area, AREA_FIELDS)}
        for area in CooperationArea.objects.select_related("locale")
    ]
    return sorted(rows, key=lambda row: (row["slug"], row["locale"], row["translation_key"]))


def _snippet_row(record, names, with_reporting=False):
    row = {**key_of(record), **record_fields(record, names), **fields_of(record, PUBLICATION_FIELDS)}
    if with_reporting:
        row.update(fields_of(record, REPORTING_FIELDS))
    row["live"] = record.live
    # The row holds the live content of a live record; changes saved since (or the content of a record
    # never published) are in its latest revision.
    draft = None
    if record.latest_revision_id and record.latest_revision_id != record.live_revision_id:
        draft = record_fields(record.latest_revision.as_object(), names)
    row["draft"] = draft
    return row


def _partner_rows():
    partners = Partner.objects.select_related("locale", "logo", "latest_revision").prefetch_related(
        "cooperation_areas__locale"
    )
    rows = [_snippet_row(partner, PARTNER_FIELDS) for partner in partners]
    return sorted(rows, key=lambda row: (row["slug"], row["locale"], row["translation_key"]))


def _contribution_rows():
    contributions = Contribution.objects.select_related(
        "locale", "partner__locale", "latest_revision"
    ).prefetch_related("cooperation_areas__locale")
    rows = [_snippet_row(c, CONTRIBUTION_FIELDS, with_reporting=True) for c in contributions]
    return sorted(rows, key=lambda row: (row["reference"], row["locale"], row["translation_key"]))


def _review_rows():
    """In the order they were recorded (their ids): when two decisions share a date, the later
    recorded one is the partner's current decision, and the import keeps that order."""
    reviews = DueDiligenceReview.objects.select_related(
        "partner__locale", "contribution__locale", "recorded_by"
    ).order_by("pk")
    return [
        {
            "partner": key_of(review.partner),
            "contribution": key_of(review.contribution) if review.contribution else None,
            **fields_of(review, REVIEW_FIELDS),
            "recorded_by": review.recorded_by.get_username() if review.recorded_by else None,
        }
        for review in reviews
    ]


def _rate_rows():
    return [fields_of(rate, RATE_FIELDS) for rate in ExchangeRate.objects.order_by("currency", "month")]


ROW_WRITERS = {
    "settings.json": _settings_rows,
    "exchange_rates.json": _rate_rows,
    "cooperation_areas.json": _area_rows,
    "partners.json": _partner_rows,
    "contributions.json": _contribution_rows,
    "reviews.json": _review_rows,
}


def dumps(data):
    """JSON as every file of a backup is written: sorted keys, so that two backups of the same records
    are the same bytes."""
    return (json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()


def read_records():
    """{file name: rows} for every file of a backup, read in one snapshot of the database (on
    PostgreSQL, a repeatable-read transaction when the export is not already inside one)."""
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        return {name: writer() for name, writer in ROW_WRITERS.items()}


def export_register(directory):
    """Write a backup of every record into `directory` (made if missing; it must be empty) and return
    its manifest. The manifest is written last: a directory without one is not a complete backup."""
    directory = Path(directory)
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        raise BackupError(f"{directory} is not an empty directory: choose a new one for each backup.")
    records = read_records()
    directory.mkdir(parents=True, exist_ok=True)
    files = {}
    for name, rows in records.items():
        content = dumps(rows)
        (directory / name).write_bytes(content)
        files[name] = {
            "model": FILES[name],
            "count": len(rows),
            "sha256": hashlib.sha256(content).hexdigest(),
        }
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "created_at": timezone.now().astimezone(datetime.UTC).isoformat(timespec="seconds"),
        "app_version": app_version(),
        "migration": {"partnerships": latest_migration()},
        "source_language": settings.LANGUAGE_CODE,
        "files": files,
    }
    (directory / MANIFEST).write_bytes(dumps(manifest))
    return manifest


# --- reading a backup -----------------------------------------------------------------------------


@dataclass
class Backup:
    manifest: dict
    rows: dict = field(default_factory=dict)


def _load_json(path):
    try:
        return json.loads(path.read_bytes())
    except FileNotFoundError as error:
        raise BackupError(f"{path} is missing.") from error
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise BackupError(f"{path} cannot be read as JSON ({error}).") from error


def read_backup(directory):
    """The backup in `directory`, checked before anything is written: its manifest, each file's
    checksum and count, and that this database's schema knows the backup's migration."""
    directory = Path(directory)
    if not directory.is_dir():
        raise BackupError(f"{directory} is not a directory.")
    if not (directory / MANIFEST).exists():
        raise BackupError(
            f"{directory} has no {MANIFEST}: it is not a register backup, or not a complete one."
        )
    manifest = _load_json(directory / MANIFEST)
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{directory / MANIFEST} does not describe a register backup.")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise BackupError(
            f"The backup's format version is {manifest.get('format_version')!r}; this version of the "
            f"portal reads version {FORMAT_VERSION}."
        )
    migration = manifest.get("migration")
    migration = migration.get("partnerships") if isinstance(migration, dict) else None
    applied = {
        name for app, name in MigrationRecorder(connection).applied_migrations() if app == "partnerships"
    }
    if migration and migration not in applied:
        raise BackupError(
            f"The backup was made at migration partnerships.{migration}, which this database has not "
            "reached: run `manage.py migrate` (with the portal's version that made the backup, or newer)."
        )
    files = manifest.get("files")
    if not isinstance(files, dict) or set(files) != set(FILES):
        raise BackupError(f"{directory / MANIFEST} does not list the files {', '.join(FILES)}.")
    backup = Backup(manifest=manifest)
    for name, entry in files.items():
        path = directory / name
        if not isinstance(entry, dict):
            raise BackupError(f"{directory / MANIFEST} does not describe {name}.")
        try:
            content = path.read_bytes()
        except OSError as error:
            raise BackupError(f"{path} is missing or unreadable ({error.strerror}).") from error
        if hashlib.sha256(content).hexdigest() != entry.get("sha256"):
            raise BackupError(f"{path} is not the file the backup wrote (its checksum differs).")
        rows = _load_json(path)
        if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
            raise BackupError(f"{path} does not hold a list of rows.")
        if len(rows) != entry.get("count"):
            raise BackupError(f"{path} does not hold the {entry.get('count')} rows the manifest counts.")
        backup.rows[name] = rows
    return backup


# --- import ---------------------------------------------------------------------------------------


def record_counts():
    """{model's name, in English for the operator: count of rows} of every record table."""
    with translation.override("en"):
        return {str(model._meta.verbose_name_plural): model.objects.count() for model in RECORD_MODELS}


def existing_records():
    """The record tables that are not empty, with their counts."""
    return {name: count for name, count in record_counts().items() if count}


def application_links():
    """What expressions of interest point at, by natural key: {application id: (partner key or None,
    [area keys])}. They are not in a backup (see docs/backups.md); --force replaces the records they
    point at, and links them again to the restored ones."""
    links = {}
    applications = ExpressionOfInterest.objects.select_related("partner__locale").prefetch_related(
        "cooperation_areas__locale"
    )
    for application in applications:
        partner = key_of(application.partner) if application.partner else None
        areas = [key_of(area) for area in application.cooperation_areas.all()]
        if partner or areas:
            links[application.pk] = (partner, areas)
    return links


def link_applications(links, importer):
    """Link expressions of interest again to the restored records (those the backup holds)."""
    for pk, (partner, areas) in links.items():
        application = ExpressionOfInterest.objects.get(pk=pk)
        restored = importer.objects
        key = (partner["translation_key"], partner["locale"]) if partner else None
        # An update, not save(): the application itself has not changed.
        ExpressionOfInterest.objects.filter(pk=pk).update(partner=restored[Partner].get(key))
        keys = [(area["translation_key"], area["locale"]) for area in areas]
        application.cooperation_areas.set(
            [restored[CooperationArea][key] for key in keys if key in restored[CooperationArea]]
        )


def delete_records():
    """Every record, for --force: reviews and contributions before the partners they protect. A
    decided review refuses to be deleted one by one (it stays on file); replacing the register from
    a backup is the exception, and the backup holds it."""
    DueDiligenceReview.objects.all().delete()
    Contribution.objects.all().delete()
    Partner.objects.all().delete()
    CooperationArea.objects.all().delete()
    ExchangeRate.objects.all().delete()


@dataclass
class Restored:
    counts: dict
    warnings: list


class Importer:
    def __init__(self, backup):
        self.backup = backup
        self.warnings = []
        self.locales = {locale.language_code: locale for locale in Locale.objects.all()}
        self.objects = {CooperationArea: {}, Partner: {}, Contribution: {}}

    # natural keys

    def locale(self, code):
        try:
            return self.locales[code]
        except KeyError:
            raise BackupError(f"this database has no locale “{code}”: create it first.") from None

    def find(self, model, key):
        try:
            return self.objects[model][(key["translation_key"], key["locale"])]
        except (KeyError, TypeError):
            raise BackupError(
                f"it names a {model._meta.verbose_name} the backup does not hold: {key}"
            ) from None

    def remember(self, record):
        self.objects[type(record)][(str(record.translation_key), record.locale.language_code)] = record

    # the steps, in order

    def run(self):
        rows = self.backup.rows
        self.each("settings.json", self.restore_settings)
        self.each("exchange_rates.json", self.restore_rate)
        self.each("cooperation_areas.json", self.restore_area)
        # Every language version of partners and contributions as a draft first, then the reviews
        # (which may name a contribution), then publishing: sources before translations, partners
        # before contributions, as the publishing guard requires.
        self.each("partners.json", self.restore_snippet, Partner, PARTNER_FIELDS)
        self.each("contributions.json", self.restore_snippet, Contribution, CONTRIBUTION_FIELDS)
        self.each("reviews.json", self.restore_review)
        source = settings.LANGUAGE_CODE
        for name, model in (("partners.json", Partner), ("contributions.json", Contribution)):
            ordered = sorted(enumerate(rows[name]), key=lambda item: item[1]["locale"] != source)
            for number, row in ordered:
                self.at(name, number, self.publish, model, row)
        for name, model, names in (
            ("partners.json", Partner, PARTNER_FIELDS),
            ("contributions.json", Contribution, CONTRIBUTION_FIELDS),
        ):
            self.each(name, self.restore_draft, model, names)
        self.each("contributions.json", self.compare_reporting_value)
        return Restored(counts=record_counts(), warnings=self.warnings)

    def each(self, name, step, *args):
        for number, row in enumerate(self.backup.rows[name]):
            self.at(name, number, step, *args, row)

    def at(self, name, number, step, *args):
        """Run `step`, naming the file and row in any error."""
        try:
            step(*args)
        except BackupError as error:
            raise BackupError(f"{name}, row {number + 1}: {error}") from error
        except PublishingBlocked as error:
            raise BackupError(f"{name}, row {number + 1}: cannot be published: {error}") from error
        except ValidationError as error:
            raise BackupError(f"{name}, row {number + 1}: {'; '.join(error.messages)}") from error
        except (KeyError, TypeError, ValueError) as error:
            raise BackupError(f"{name}, row {number + 1}: malformed ({error!r}).") from error
        except DatabaseError as error:
            raise BackupError(f"{name}, row {number + 1}: the database refused it ({error}).") from error

    # settings and rates

    def restore_settings(self, row):
        site_settings = default_site_settings()
        currency = decode(PartnershipSettings, row, ["reporting_currency"])["reporting_currency"]
        if site_settings is None:
            raise BackupError(
                f"the reporting currency ({currency}) belongs to the default site's settings, and this "
                "database has no default site: create the site first."
            )
        if site_settings.reporting_currency != currency:
            site_settings.reporting_currency = currency
            site_settings.full_clean(exclude=["site", "privacy_page"])
            site_settings.save()

    def restore_rate(self, row):
        rate = ExchangeRate(**decode(ExchangeRate, row, RATE_FIELDS))
        rate.full_clean()
        rate.save()

    # records

    def restore_area(self, row):
        area = CooperationArea(
            locale=self.locale(row["locale"]),
            translation_key=row["translation_key"],
            **decode(CooperationArea, row, AREA_FIELDS),
        )
        area.full_clean()
        area.save()
        self.remember(area)

    def apply(self, record, values, names):
        """Set a partner's or contribution's fields and relations from `values`."""
        for name, value in decode(type(record), values, names).items():
            setattr(record, name, value)
        record.cooperation_areas = [self.find(CooperationArea, key) for key in values["cooperation_areas"]]
        if isinstance(record, Partner):
            record.logo = self.logo(values["logo"], record)
        else:
            record.partner = self.find(Partner, values["partner"])

    def logo(self, reference, partner):
        if reference is None:
            return None
        image = get_image_model().objects.filter(file=reference["file"]).order_by("pk").first()
        if image is None:
            self.warnings.append(
                f"{partner} ({partner.locale.language_code}): its logo, {reference['file']}, is not in "
                "this database's images: upload it again and choose it as the logo."
            )
        return image

    def restore_snippet(self, model, names, row):
        """The row as a draft (never published yet), with the content it had: the live content of a
        live record, the saved content of another. A record to publish is validated as publishing
        would; another is restored as it was (a partner started from an expression of interest has
        no summary yet)."""
        record = model(live=False, locale=self.locale(row["locale"]), translation_key=row["translation_key"])
        self.apply(record, row, names)
        if row["live"]:
            record.full_clean()
        record.save()
        self.remember(record)

    def publish(self, model, row):
        record = self.find(model, row)
        if row["live"]:
            record.save_revision().publish()
        # When it was published (and any scheduled publishing), as the backup has them.
        published = decode(model, row, PUBLICATION_FIELDS)
        model.objects.filter(pk=record.pk).update(**published)
        for name, value in published.items():
            setattr(record, name, value)

    def restore_draft(self, model, names, row):
        """Changes not yet published, as the latest revision (the row keeps the live content)."""
        if not row.get("draft"):
            return
        record = model.objects.get(pk=self.find(model, row).pk)
        self.apply(record, row["draft"], names)
        # A draft is kept as it was saved: it is validated when it is published.
        record.save_revision(clean=False)

    def restore_review(self, row):
        review = DueDiligenceReview(
            partner=self.find(Partner, row["partner"]),
            contribution=self.find(Contribution, row["contribution"]) if row["contribution"] else None,
            recorded_by=self.user(row["recorded_by"]),
            **decode(DueDiligenceReview, row, REVIEW_FIELDS),
        )
        review.full_clean()
        review.save()

    def user(self, username):
        if not username:
            return None
        user = get_user_model()._default_manager.filter(**{get_user_model().USERNAME_FIELD: username}).first()
        message = f"No account “{username}” here: the reviews it recorded are kept without it."
        if user is None and message not in self.warnings:
            self.warnings.append(message)
        return user

    def compare_reporting_value(self, row):
        record = Contribution.objects.get(pk=self.find(Contribution, row).pk)
        restored = fields_of(record, REPORTING_FIELDS)
        expected = {name: row[name] for name in REPORTING_FIELDS}
        if restored != expected:
            self.warnings.append(
                f"{record.reference} ({row['locale']}): its value in the reporting currency is {restored}, "
                f"the backup's was {expected}."
            )


def import_register(backup, force=False):
    """Restore `backup` (from read_backup) in one transaction: nothing is written unless all of it is.
    Into a database without records; with `force`, its records are replaced."""
    with transaction.atomic(), translation.override("en"):
        existing = existing_records()
        if existing and not force:
            listed = ", ".join(f"{count} {name}" for name, count in existing.items())
            raise BackupError(
                f"This database already has records ({listed}). Restore into a database without "
                "records, or pass --force to replace them with the backup's."
            )
        links = application_links()
        if existing:
            delete_records()
        importer = Importer(backup)
        restored = importer.run()
        link_applications(links, importer)
        return restored
