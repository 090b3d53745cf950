"""The organisation in every page's header and footer (home/site_identity.py): its name and footer from
translatable snippets in the reader's language, its logo, contact point, legal and privacy notices,
the rules and the site map from the site settings, each page in the reader's language."""

from io import BytesIO

import pytest
from bs4 import BeautifulSoup

from django.core.files.images import ImageFile

from wagtail.images import get_image_model
from wagtail.models import Site

from home.demo.logos import emblem_png
from home.models import ContentPage, Footer, Organisation, OrganisationSettings
from partnerships.models import PartnershipSettings
from tests.factories import locale
from tests.pages_helpers import page_in_languages

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "fr", "es", "ar"]
NAMES = {
    "en": "Test Cooperation Organisation",
    "fr": "Organisation de coopération d'essai",
    "es": "Organización de cooperación de prueba",
    "ar": "منظمة التعاون التجريبية",
}
ABOUT = {
    "en": "What this test portal publishes.",
    "fr": "Ce que publie ce portail d'essai.",
    "es": "Lo que publica este portal de prueba.",
    "ar": "ما تنشره هذه البوابة التجريبية.",
}
LEGAL = {
    "en": {"title": "Legal notice", "slug": "legal-notice"},
    "fr": {"title": "Mentions légales", "slug": "mentions-legales"},
    "es": {"title": "Aviso legal", "slug": "aviso-legal"},
    "ar": {"title": "إشعار قانوني", "slug": "legal-notice"},
}
RULES = {
    "en": {"title": "Rules", "slug": "rules"},
    "fr": {"title": "Règles", "slug": "regles"},
    "es": {"title": "Normas", "slug": "normas"},
    "ar": {"title": "القواعد", "slug": "rules"},
}


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def translated_snippet(model, codes, **fields_by_code):
    """`model` in English and translated into `codes` ({field: {code: value}} in `fields_by_code`)."""
    source = model.objects.create(
        locale=locale("en"), **{name: values["en"] for name, values in fields_by_code.items()}
    )
    for code in codes:
        translation = source.copy_for_translation(locale(code))
        for name, values in fields_by_code.items():
            setattr(translation, name, values[code])
        translation.save()
    return source


@pytest.fixture
def identity():
    """Every setting filled: the name and footer translated into French and Arabic only."""
    legal = page_in_languages(ContentPage, texts=LEGAL)
    privacy = page_in_languages(
        ContentPage,
        texts={code: {"title": f"Privacy {code}", "slug": f"privacy-{code}"} for code in LANGUAGES},
    )
    rules = page_in_languages(ContentPage, texts=RULES)
    organisation = translated_snippet(Organisation, ["fr", "ar"], name=NAMES)
    footer = translated_snippet(Footer, ["fr", "ar"], about=ABOUT)
    for row in Footer.objects.filter(translation_key=footer.translation_key):
        label = {"en": "Our rules", "fr": "Nos règles", "ar": "قواعدنا"}[row.locale.language_code]
        row.rules = [
            ("link", {"label": label, "page": rules["en"], "url": ""}),
            ("link", {"label": "Charter", "page": None, "url": "https://rules.example/charter"}),
        ]
        row.save()
    logo = get_image_model().objects.create(
        title="Emblem", file=ImageFile(BytesIO(emblem_png()), name="emblem.png")
    )
    site = Site.objects.get(is_default_site=True)
    settings = OrganisationSettings.for_site(site)
    settings.organisation = organisation
    settings.footer = footer
    settings.logo = logo
    settings.contact_email = "partners@test.example"
    settings.legal_notice_page = legal["en"]
    settings.save()
    partnership_settings = PartnershipSettings.for_site(site)
    partnership_settings.privacy_page = privacy["en"]
    partnership_settings.save()
    return {"legal": legal, "privacy": privacy, "rules": rules}


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_header_and_footer_show_the_organisation_in_each_language(client, identity, code):
    page = soup(client.get(f"/{code}/"))
    # Spanish has no translation of the name or the footer yet: the English ones, marked as English.
    expected = "en" if code == "es" else code
    name = page.select_one(".site-header__organisation")
    assert name.text == NAMES[expected]
    assert name.get("lang") == ("en" if code == "es" else None)
    logo = page.select_one(".site-header__brand img")
    assert logo["alt"] == ""  # the organisation's name is beside it, in the same link
    assert logo["width"] and logo["height"]
    footer = page.select_one("footer")
    assert footer.select_one(".site-footer__about p").text == ABOUT[expected]
    links = {a.text: a["href"] for a in footer.select("a")}
    assert f"/{code}/{LEGAL[code]['slug']}/" in links.values()
    assert f"/{code}/privacy-{code}/" in links.values()
    assert "mailto:partners@test.example" in links.values()
    assert f"/{code}/{RULES[code]['slug']}/" in links.values()
    assert "https://rules.example/charter" in links.values()


def test_a_notice_page_without_a_live_translation_is_linked_in_the_source_language(client, identity):
    identity["legal"]["fr"].unpublish()
    links = [a["href"] for a in soup(client.get("/fr/")).select("footer a")]
    assert "/en/legal-notice/" in links
    assert "/fr/mentions-legales/" not in links


def test_a_rule_whose_page_is_not_live_is_left_out(client, identity):
    for page in identity["rules"].values():
        page.unpublish()
    footer = soup(client.get("/fr/")).select_one(".site-footer__rules")
    assert [a.text for a in footer.select("a")] == ["Charter"]


def test_without_settings_the_footer_keeps_its_interface_text_and_no_xml_site_map_link(client):
    page = soup(client.get("/fr/"))
    assert page.select_one(".site-header__organisation") is None
    assert "Chaque partenaire" in page.select_one("footer").text
    assert "/sitemap.xml" not in [a["href"] for a in page.select("footer a")]


def test_the_footer_costs_a_fixed_number_of_queries(
    client, identity, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    client.get("/ar/")
    with django_assert_max_num_queries(40) as counted:
        client.get("/ar/")
    with_identity = len(counted)
    with django_capture_on_commit_callbacks(execute=True):
        OrganisationSettings.objects.all().delete()
    client.get("/ar/")
    with django_assert_max_num_queries(40) as counted:
        client.get("/ar/")
    # The two settings, the name, the footer, the chosen pages' keys and their translations.
    assert with_identity - len(counted) <= 4


def test_a_saved_setting_shows_on_the_next_page(client, settings, django_capture_on_commit_callbacks):
    """In every worker: the header and footer are kept per content version in the store they share,
    and a saved setting makes a new version (portal/content_cache.py)."""
    settings.PORTAL_CONTENT_CACHE = True
    assert "mailto:" not in client.get("/en/").content.decode()
    organisation_settings = OrganisationSettings.for_site(Site.objects.get(is_default_site=True))
    organisation_settings.contact_email = "new@test.example"
    with django_capture_on_commit_callbacks(execute=True):
        organisation_settings.save()
    links = [a["href"] for a in soup(client.get("/en/")).select("footer a")]
    assert "mailto:new@test.example" in links


def test_a_renamed_organisation_shows_on_the_next_page(client, settings, django_capture_on_commit_callbacks):
    settings.PORTAL_CONTENT_CACHE = True
    settings.PORTAL_PAGE_CACHE = True
    # Set up inside a committed block: a change made earlier in the test would leave its (never run)
    # commit callback queued, and the page cache queues one callback per transaction.
    with django_capture_on_commit_callbacks(execute=True):
        organisation_settings = OrganisationSettings.for_site(Site.objects.get(is_default_site=True))
        organisation_settings.organisation = translated_snippet(Organisation, ["fr"], name=NAMES)
        organisation_settings.save()
    assert soup(client.get("/fr/")).select_one(".site-header__organisation").text == NAMES["fr"]
    french = Organisation.objects.get(locale=locale("fr"))
    french.name = "Organisation renommée"
    with django_capture_on_commit_callbacks(execute=True):
        french.save()
    assert soup(client.get("/fr/")).select_one(".site-header__organisation").text == "Organisation renommée"
