"""Counts of the records, for load_demo's closing summary and for checking a load."""

from django.conf import settings

from wagtail.models import Locale

from partnerships.models import Contribution, CooperationArea, Partner


def record_counts():
    source = Partner.objects.in_source_language()
    contributions = Contribution.objects.in_source_language()
    live_translations = {}
    for locale in Locale.objects.exclude(language_code=settings.LANGUAGE_CODE).order_by("pk"):
        live_translations[locale.language_code] = {
            "partners": Partner.objects.filter(locale=locale, live=True).count(),
            "contributions": Contribution.objects.filter(locale=locale, live=True).count(),
        }
    return {
        "areas": CooperationArea.objects.filter(locale__language_code=settings.LANGUAGE_CODE).count(),
        "partners": source.count(),
        "public_partners": Partner.objects.public().count(),
        "contributions": contributions.count(),
        "public_contributions": Contribution.objects.public().count(),
        "live_translations": live_translations,
    }
