"""The register's default order (newest signed first, then reference and id) as a partial index on live
contributions, so that a page of it is read in order instead of sorting every contribution.

PostgreSQL only, written by hand: the index's NULLS LAST must match the query's (a plain descending
index puts nulls first), which Meta.indexes cannot say in a way SQLite accepts; and SQLite's planner
does not use such an index for this query (it starts from the public partners), so there it would
only cost writes. The migration does nothing on SQLite."""

from django.db import migrations

NAME = "contribution_live_newest"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX {NAME} ON partnerships_contribution "
            "(signed_date DESC NULLS LAST, reference, id) WHERE live"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {NAME}")


class Migration(migrations.Migration):
    dependencies = [("partnerships", "0019_partner_standing")]

    operations = [migrations.RunPython(create, drop)]
