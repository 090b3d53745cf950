"""The apply page moves to the home app (home.0005): its table and content type are renamed, so
existing pages, revisions and translations keep pointing at it."""

from django.db import migrations


def content_type_to(app_label, other):
    def rename(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        if not ContentType.objects.filter(app_label=app_label, model="applypage").exists():
            ContentType.objects.filter(app_label=other, model="applypage").update(app_label=app_label)

    return rename


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("partnerships", "0010_contribution_live_by_partner_index"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.AlterModelTable(name="applypage", table="home_applypage"),
                migrations.RunPython(
                    content_type_to("home", "partnerships"), content_type_to("partnerships", "home")
                ),
            ],
            state_operations=[migrations.DeleteModel(name="ApplyPage")],
        ),
    ]
