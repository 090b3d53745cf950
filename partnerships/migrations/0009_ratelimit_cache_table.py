"""The database table of the "ratelimit" cache (used when no REDIS_URL is set), made with the
deployment's other tables so that no extra `createcachetable` step can be forgotten."""

from django.core.management import call_command
from django.db import migrations


def create_cache_tables(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("partnerships", "0008_applypage_introduction")]

    operations = [migrations.RunPython(create_cache_tables, migrations.RunPython.noop)]
