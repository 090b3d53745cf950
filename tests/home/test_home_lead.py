"""The home page leads with what the register shows now, the headline figures and the latest updates,
before its body (home/models.py HomePage.get_context)."""

import datetime

import pytest
from bs4 import BeautifulSoup

from wagtail.rich_text import RichText

from home.models import HomePage
from tests.factories import locale, public_contribution
from tests.pages_helpers import update_in_languages

pytestmark = pytest.mark.django_db


def home_page(client, code):
    response = client.get(f"/{code}/")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def position(page, selector):
    element = page.select_one(selector)
    assert element is not None, selector
    return list(page.descendants).index(element)


@pytest.fixture
def home_with_body():
    """The English home page with prose and, further down, the programme figures block."""
    home = HomePage.objects.get(locale=locale("en"), depth=2)
    home.body = [
        ("paragraph", RichText("<p>The prose of the home page.</p>")),
        ("programme_figures", {"heading": "The programme in figures"}),
    ]
    home.save_revision().publish()
    return home


def test_the_figures_and_the_latest_updates_come_before_the_body(client, home_with_body):
    public_contribution()
    for day in range(1, 5):
        update_in_languages(f"update-{day}", datetime.date(2026, 3, day), {"en": f"Update {day}"})
    page = home_page(client, "en")
    figures = position(page, ".figures-headline")
    updates = position(page, ".latest-updates")
    prose = next(
        index for index, node in enumerate(page.descendants) if node == "The prose of the home page."
    )
    assert figures < updates < prose
    # The body's figures block leads the page, once, with the editor's heading.
    assert len(page.select(".programme-figures")) == 1
    assert page.select_one(".programme-figures h2").text == "The programme in figures"
    # The three newest updates, newest first.
    assert [h3.text for h3 in page.select(".latest-updates h3")] == ["Update 4", "Update 3", "Update 2"]
    assert page.select_one(".latest-updates h3 a")["href"] == "/en/updates/update-4/"


@pytest.mark.parametrize("code", ["fr", "ar"])
def test_a_home_page_without_a_figures_block_still_leads_with_the_figures(client, code):
    public_contribution()
    update_in_languages("news", datetime.date(2026, 3, 1), {"en": "News", code: f"News ({code})"})
    page = home_page(client, code)
    assert position(page, ".figures-headline") < position(page, ".latest-updates")
    assert [h3.text for h3 in page.select(".latest-updates h3")] == [f"News ({code})"]
    assert page.select_one(".programme-figures h2").text.strip()
