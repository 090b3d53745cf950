"""Helpers shared by the directory, profile and search tests (no tests of its own).

The demo data may or may not already hold a partner directory page in each language, so these find it
or create it, and build translations the way an approved wagtail-localize translation ends up: a row in
the target locale, published through Wagtail's own path so the publishing guard runs."""

from wagtail.models import Locale

from home.models import HomePage
from partnerships.models import CooperationArea, PartnerIndexPage
from tests.factories import publish

LANGUAGES = ["en", "fr", "es", "ar"]


def locale(code):
    return Locale.objects.get(language_code=code)


def directory_pages():
    """{language code: live PartnerIndexPage with slug "partners"}, creating whatever is missing."""
    source_home = HomePage.objects.get(locale=locale("en"), depth=2)
    index = PartnerIndexPage.objects.child_of(source_home).first()
    if index is None:
        index = PartnerIndexPage(title="Partners", slug="partners", introduction="Every approved partner.")
        source_home.add_child(instance=index)
        index.save_revision().publish()
    if not index.live:
        index.save_revision().publish()
    pages = {"en": index}
    for code in LANGUAGES[1:]:
        translation = index.get_translation_or_none(locale(code))
        if translation is None:
            translation = index.copy_for_translation(locale(code))
            translation.title = {"fr": "Partenaires", "es": "Socios", "ar": "الشركاء"}[code]
            translation.slug = "partners"
            translation.save_revision().publish()
        elif not translation.live:
            translation.save_revision().publish()
        pages[code] = translation.specific
    return pages


def translate_partner(partner, code, *, summary, description="", live=True):
    """A translation of `partner` in `code` with its own prose; published when `live`."""
    translation = partner.copy_for_translation(locale(code))
    translation.summary = summary
    translation.description = description
    translation.live = False
    translation.save()
    if live:
        publish(translation)
    return translation


def translate_contribution(contribution, code, *, title, live=True):
    translation = contribution.copy_for_translation(locale(code))
    translation.title = title
    translation.live = False
    translation.save()
    if live:
        publish(translation)
    return translation


def translate_area(area, code, name):
    translation = area.copy_for_translation(locale(code))
    translation.name = name
    translation.save()
    return translation


def area(slug, name):
    existing = CooperationArea.objects.filter(locale=locale("en"), slug=slug).first()
    return existing or CooperationArea.objects.create(locale=locale("en"), slug=slug, name=name)
