"""A partner's contributions, newest first (its profile, the register filtered by partner), as a partial
index on live contributions on SQLite, so that they are read from the partner's own rows in order.

Without planner statistics SQLite would otherwise read them from 0023's index of every live
contribution (8 ms a profile with 100,000 contributions, growing with the register). PostgreSQL
reads them through contribution_live_by_partner and sorts the few it finds; this migration does
nothing there."""

from django.db import migrations

NAME = "contribution_live_partner_newest_sqlite"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(
            f"CREATE INDEX {NAME} ON partnerships_contribution "
            "(partner_id, signed_date DESC, reference, id) WHERE live"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(f"DROP INDEX IF EXISTS {NAME}")


class Migration(migrations.Migration):
    dependencies = [("partnerships", "0025_contribution_type_index")]

    operations = [migrations.RunPython(create, drop)]
