"""The bare site most tests stand on: a home page in each of the four languages with the pages that
answer the public addresses (/<lang>/partners/, /<lang>/contributions/, /<lang>/updates/,
/<lang>/apply/), and no records. Each test makes the records it reads, with the factories.

Only the demo's own tests (tests/demo/) and the browser tests stand on the demo; see tests/conftest.py."""

from django.db import transaction

from wagtail.models import Page, Site

from home.apply_page import ApplyPage
from home.models import HomePage
from home.update_pages import UpdateIndexPage
from partnerships.models import ContributionIndexPage, PartnerIndexPage
from tests.factories import LANGUAGES, locale

TITLES = {
    "home": {"en": "Home", "fr": "Accueil", "es": "Inicio", "ar": "الرئيسية"},
    "partners": {"en": "Partners", "fr": "Partenaires", "es": "Socios", "ar": "الشركاء"},
    "contributions": {
        "en": "Contribution register",
        "fr": "Registre des contributions",
        "es": "Registro de contribuciones",
        "ar": "سجل المساهمات",
    },
    "updates": {"en": "Updates", "fr": "Actualités", "es": "Novedades", "ar": "المستجدات"},
    "apply": {"en": "Apply", "fr": "Candidater", "es": "Solicitar", "ar": "تقديم طلب"},
}
INDEX_MODELS = {
    "partners": PartnerIndexPage,
    "contributions": ContributionIndexPage,
    "updates": UpdateIndexPage,
    "apply": ApplyPage,
}


def _publish(page):
    page.save_revision().publish()
    return page


@transaction.atomic
def build_site():
    """The home page and its four index pages in English, translated into French, Spanish and Arabic;
    published, in the menu, and the default Site's root."""
    # `migrate` leaves Wagtail's "Welcome" page on the slug "home".
    Page.objects.filter(depth=2).delete()
    home = HomePage(title=TITLES["home"]["en"], slug="home", locale=locale("en"))
    Page.get_first_root_node().add_child(instance=home)
    pages = {"home": _publish(home)}
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Test portal"},
    )
    for key, model in INDEX_MODELS.items():
        # The demo's addresses: one slug in every language (translations keep it).
        page = model(title=TITLES[key]["en"], slug=key, show_in_menus=True)
        home.add_child(instance=page)
        pages[key] = _publish(page)
    for code in LANGUAGES[1:]:
        # The home page first: a translation goes under its parent's translation.
        for key, page in pages.items():
            translation = page.copy_for_translation(locale(code))
            translation.title = TITLES[key][code]
            _publish(translation)
    return home


def translated_page(model, *, slug, titles, parent=None, **fields):
    """A page of `model` under the home page (or the English `parent`), published in English and
    translated into each other language of `titles` ({code: title}); returns {code: page}."""
    parent = parent or HomePage.objects.get(locale=locale("en"), depth=2)
    page = model(title=titles["en"], slug=slug, show_in_menus=True, **fields)
    parent.add_child(instance=page)
    pages = {"en": _publish(page)}
    for code, title in titles.items():
        if code != "en":
            translation = page.copy_for_translation(locale(code))
            translation.title = title
            pages[code] = _publish(translation)
    return pages
