"""Only Transparency reviewers read expressions of interest and edit the partnership settings."""

from django.db import migrations

REVIEWERS = "Transparency reviewers"
PERMISSIONS = {
    "expressionofinterest": ["view", "change", "delete"],
    "partnershipsettings": ["change"],
}


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=REVIEWERS)
    for model, actions in PERMISSIONS.items():
        content_type, _ = ContentType.objects.get_or_create(app_label="partnerships", model=model)
        for action in actions:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {model}"},
            )
            group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [("partnerships", "0005_apply_page")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
