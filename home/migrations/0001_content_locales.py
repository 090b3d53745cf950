"""`migrate` creates only the English locale; the portal publishes in four."""

from django.db import migrations

TRANSLATION_LOCALES = ["fr", "es", "ar"]


def create_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    for code in TRANSLATION_LOCALES:
        Locale.objects.get_or_create(language_code=code)


def remove_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Locale.objects.filter(language_code__in=TRANSLATION_LOCALES, pages__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("wagtailcore", "0098_apitoken")]

    operations = [migrations.RunPython(create_locales, remove_locales)]
