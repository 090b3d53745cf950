"""The register's sort orders (newest or oldest signed, highest or lowest value; then reference and id)
as partial indexes on live contributions, so that a page of it is read in order instead of sorting
every contribution.

PostgreSQL only, written by hand: the index's NULLS LAST must match the query's (a plain descending
index puts nulls first), which Meta.indexes cannot say in a way SQLite accepts; and SQLite's planner
does not use such an index for this query (it starts from the public partners), so there it would
only cost writes. The migration does nothing on SQLite."""

from django.db import migrations

# The register's sort orders on the contribution's own columns (partnerships.register.SORT_ORDERS),
# each ending like the query's tie-breakers.
INDEXES = {
    "contribution_live_newest": "signed_date DESC NULLS LAST, reference, id",
    "contribution_live_oldest": "signed_date ASC NULLS LAST, reference, id",
    "contribution_live_value_high": "reporting_value DESC NULLS LAST, reference, id",
    "contribution_live_value_low": "reporting_value ASC NULLS LAST, reference, id",
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, columns in INDEXES.items():
            schema_editor.execute(f"CREATE INDEX {name} ON partnerships_contribution ({columns}) WHERE live")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("partnerships", "0019_partner_standing")]

    operations = [migrations.RunPython(create, drop)]
