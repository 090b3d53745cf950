from django.db import migrations, models

from portal.text import search_key

BATCH_SIZE = 500
# LIKE '%word%' on the search text, which a B-tree index cannot serve (and a long purpose in Arabic
# would overflow one): PostgreSQL reads it from a trigram index instead of scanning every row.
TRIGRAM_INDEXES = {
    "partnerships_partner": "partner_search_text_trigram",
    "partnerships_contribution": "contribution_search_text_trigram",
}


def write_search_keys(apps, schema_editor):
    """Every row's search text as Partner.save() and Contribution.save() now make it (search keys:
    Arabic spelling variants and articles folded besides case and accents)."""
    Partner = apps.get_model("partnerships", "Partner")
    Contribution = apps.get_model("partnerships", "Contribution")
    partners = list(Partner.objects.only("pk", "name", "summary"))
    for partner in partners:
        partner.search_text = search_key(partner.name, partner.summary)
    Partner.objects.bulk_update(partners, ["search_text"], batch_size=BATCH_SIZE)
    contributions = list(
        Contribution.objects.select_related("partner").only(
            "pk", "title", "purpose", "reference", "partner__name"
        )
    )
    for contribution in contributions:
        contribution.search_text = search_key(
            contribution.title, contribution.purpose, contribution.reference, contribution.partner.name
        )
    Contribution.objects.bulk_update(contributions, ["search_text"], batch_size=BATCH_SIZE)


def add_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for table, name in TRIGRAM_INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin (search_text gin_trgm_ops)"
        )


def drop_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in TRIGRAM_INDEXES.values():
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("partnerships", "0017_open_data_page"),
    ]

    operations = [
        migrations.AddField(
            model_name="partner",
            name="search_text",
            field=models.TextField(blank=True, default="", editable=False),
        ),
        migrations.RunPython(write_search_keys, migrations.RunPython.noop),
        migrations.RunPython(add_trigram_indexes, drop_trigram_indexes),
    ]
