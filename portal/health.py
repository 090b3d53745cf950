"""What serving needs, checked for /healthz: the project's tables answer, every migration is applied,
and, where static files are collected into a manifest, the manifest is there."""

from django.contrib.staticfiles.storage import ManifestFilesMixin, staticfiles_storage
from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor

from wagtail.models import Site

# Applied migrations stay applied: once seen complete, this process stops loading the migration graph.
_migrations_complete = False


def database_check():
    """A real query on a project table: a database that answers `SELECT 1` may still have lost its
    tables (an SQLite file moved away comes back empty)."""
    Site.objects.exists()
    return "ok"


def migrations_check():
    global _migrations_complete
    if not _migrations_complete:
        executor = MigrationExecutor(connection)
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            return "pending"
        _migrations_complete = True
    return "ok"


def static_files_check():
    if not isinstance(staticfiles_storage, ManifestFilesMixin):
        return "ok"  # served from the source folders (development, tests)
    if staticfiles_storage.manifest_storage.exists(staticfiles_storage.manifest_name):
        return "ok"
    return "manifest missing: run collectstatic"


def run_checks():
    """{check: "ok" or what is wrong}; the database first, since the migration check needs it."""
    try:
        checks = {"database": database_check(), "migrations": migrations_check()}
    except DatabaseError:
        connection.close()  # the next check reconnects rather than reusing a broken connection
        checks = {"database": "unavailable", "migrations": "unknown"}
    checks["static_files"] = static_files_check()
    return checks
