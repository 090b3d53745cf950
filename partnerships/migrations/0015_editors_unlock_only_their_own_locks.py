"""Editors no longer hold the "unlock" permission on partners and contributions, so they cannot clear
a reviewer's lock. Wagtail still lets anyone unlock what they locked themselves; reviewers and
superusers unlock anything."""

from django.db import migrations

EDITORS = "Editors"
MODELS = ("partner", "contribution")


def unlock_permissions(apps):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(
        content_type__app_label="partnerships", codename__in=[f"unlock_{model}" for model in MODELS]
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name=EDITORS):
        group.permissions.remove(*unlock_permissions(apps))


def restore(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name=EDITORS):
        group.permissions.add(*unlock_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [("partnerships", "0014_contribution_slug_search_text")]

    operations = [migrations.RunPython(revoke, restore)]
