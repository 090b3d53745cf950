"""The demo's partnership pages and records as the public and the admin meet them: the apply page, the
programme pages with the record blocks, and the partners it leaves untranslated on purpose. The behaviour
behind each is tested on the bare site, in tests/partnerships/."""

import re

import pytest
from bs4 import BeautifulSoup

from home.demo.partners import UNTRANSLATED_PARTNERS
from home.models import ContentPage, HomePage
from partnerships.admin.filters import PartnerFilterSet
from partnerships.models import Partner

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "fr", "es", "ar"]


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_demo_apply_page_names_the_criteria_and_links_the_privacy_notice(client, language):
    page = soup(client.get(f"/{language}/apply/"))
    assert page.html["lang"] == language
    criteria = page.find("h2", string=re.compile("3|three|trois|tres|الثلاثة"))
    assert criteria is not None
    assert len(criteria.find_next("ul").find_all("li")) == 3
    privacy_link = page.select_one(f'.form-field__help a[href^="/{language}/"]')
    notice = soup(client.get(privacy_link["href"]))
    assert notice.html["lang"] == language
    assert len(notice.select("main h2")) == 4


REPLY_TIME_WORDS = {"en": "four weeks", "fr": "quatre semaines", "es": "cuatro semanas", "ar": "أربعة أسابيع"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_demo_apply_page_says_when_a_reply_comes_and_whom_to_ask(client, language):
    steps = soup(client.get(f"/{language}/apply/")).select_one(".next-steps")
    assert REPLY_TIME_WORDS[language] in steps.select_one(".next-steps__when").get_text()
    # The reviewers' address the demo announces new expressions of interest to (make run shows them).
    assert steps.select_one('a[href="mailto:partnerships@example.org"]') is not None


def test_the_demo_programme_pages_use_the_record_blocks(client):
    def block_types(page):
        return [block.block_type for block in page.body]

    home = HomePage.objects.get(locale__language_code="en")
    assert "programme_figures" in block_types(home)
    mutual = ContentPage.objects.get(locale__language_code="en", slug="mutual-benefits")
    [area_block] = [block for block in mutual.body if block.block_type == "area_partners"]
    assert area_block.value["area"] == "cybersecurity"
    transparency = ContentPage.objects.get(locale__language_code="en", slug="transparency")
    assert "latest_contributions" in block_types(transparency)

    headings = {
        "fr": ("/fr/", "Le programme en chiffres"),
        "es": ("/es/beneficios-mutuos/", "Nuestros socios en el ámbito de la ciberseguridad"),
        "ar": ("/ar/transparency/", "أحدث المساهمات المُدرجة في السجل"),
    }
    for code, (url, heading) in headings.items():
        page = soup(client.get(url, HTTP_ACCEPT_LANGUAGE=code))
        assert heading in [h2.text.strip() for h2 in page.select(".record-block h2")]


def test_the_demo_partners_left_untranslated_are_found():
    filterset = PartnerFilterSet(data={"missing_translation": "ar"}, queryset=Partner.objects.all())
    assert filterset.is_valid(), filterset.errors
    missing_slugs = set(filterset.qs.values_list("slug", flat=True))
    assert set(UNTRANSLATED_PARTNERS["ar"]) <= missing_slugs
