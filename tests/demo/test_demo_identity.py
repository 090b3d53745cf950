"""The demo's organisation (home/demo/organisation.py, identity.py) and its partners' logos
(home/demo/logos.py): in every language, in the header, the footer, the site map, profiles, cards and
search results."""

from io import BytesIO

import pytest
from bs4 import BeautifulSoup
from PIL import Image as PillowImage

from django.core.management import call_command

from wagtail.images import get_image_model

from home.demo.identity import CONTACT_EMAIL, FOOTER_RULES, LEGAL_NOTICE_PAGE, ORGANISATION_NAME, SITE_MAP
from partnerships.models import Partner

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "fr", "es", "ar"]
LOGO_ALT = {"en": "Logo of {}", "fr": "Logo de {}", "es": "Logotipo de {}", "ar": "شعار {}"}


def soup(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def assert_sized(img):
    assert int(img["width"]) > 0 and int(img["height"]) > 0
    assert img["src"].startswith("/media/images/")


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_page_names_the_organisation_and_links_its_notices_in_the_readers_language(client, code):
    page = soup(client, f"/{code}/partners/")
    assert page.select_one(".site-header__organisation").text == ORGANISATION_NAME.in_language(code)
    assert_sized(page.select_one(".site-header__brand img"))
    footer = page.select_one("footer")
    links = {a.text: a["href"] for a in footer.select("a")}
    assert f"mailto:{CONTACT_EMAIL}" in links.values()
    assert links[str(FOOTER_RULES[0][0].in_language(code))].startswith(f"/{code}/")
    legal = soup(client, f"/{code}/{LEGAL_NOTICE_PAGE['slug'].in_language(code)}/")
    assert legal.select_one("h1").text == LEGAL_NOTICE_PAGE["title"].in_language(code)
    site_map_url = f"/{code}/{SITE_MAP['slug'].in_language(code)}/"
    assert site_map_url in links.values()
    assert "/sitemap.xml" not in links.values()
    site_map = soup(client, site_map_url)
    assert site_map.html["lang"] == code
    listed = {a["href"] for a in site_map.select(".sitemap a")}
    assert f"/{code}/{LEGAL_NOTICE_PAGE['slug'].in_language(code)}/" in listed
    assert all(address.startswith(f"/{code}/") for address in listed)


def test_the_transparency_page_links_the_rules_it_mentions(client):
    page = soup(client, "/fr/transparence/")
    assert "/fr/regles-des-partenariats/" in [a["href"] for a in page.select("main a")]


def test_every_demo_partner_has_its_own_monogram_logo():
    partners = list(Partner.objects.select_related("logo"))
    assert partners and all(partner.logo for partner in partners)
    sources = {partner.translation_key: partner.logo_id for partner in partners if partner.is_source}
    assert len(set(sources.values())) == len(sources)
    # A translation shows its source's logo.
    assert all(partner.logo_id == sources[partner.translation_key] for partner in partners)
    with partners[0].logo.open_file() as file:
        picture = PillowImage.open(BytesIO(file.read()))
    assert picture.format == "PNG" and picture.size == (240, 240)


@pytest.mark.parametrize("code", LANGUAGES)
def test_profiles_cards_and_results_show_logos_with_alt_and_dimensions(client, code):
    partner = Partner.objects.public().exclude(logo=None).order_by("name").first()
    profile = soup(client, f"/{code}/partners/{partner.slug}/")
    logo = profile.select_one(".partner-profile img")
    assert logo["alt"] == LOGO_ALT[code].format(partner.name)
    assert_sized(logo)
    assert profile.select_one(".partner-profile picture source[type='image/webp']")
    card = soup(client, f"/{code}/partners/").select_one(".partner-card")
    assert card.select_one("img")["alt"] == ""  # the partner's name is the card's heading
    assert_sized(card.select_one("img"))
    word = partner.name.split()[0]
    result = soup(client, f"/{code}/search/?q={word}").select_one(".search-results img")
    assert result["alt"] == ""
    assert_sized(result)


def test_loading_the_demo_again_adds_no_logo(django_capture_on_commit_callbacks):
    images = get_image_model().objects.count()
    logos = dict(Partner.objects.values_list("pk", "logo_id"))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", verbosity=0)
    assert get_image_model().objects.count() == images
    assert dict(Partner.objects.values_list("pk", "logo_id")) == logos
