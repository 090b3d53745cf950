"""An update's related partners are picked with Wagtail's snippet chooser (searchable, several at a
time), not from a list of every partner, and a translation names the same partners."""

import datetime

import pytest
from bs4 import BeautifulSoup

from django.urls import reverse

from wagtail.models import Locale
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from home.models import UpdateIndexPage, UpdatePage
from home.update_pages import related_partner_links
from tests.factories import PartnerFactory, public_partner

pytestmark = pytest.mark.django_db


@pytest.fixture
def update():
    index = UpdateIndexPage.objects.get(locale__language_code="en")
    page = UpdatePage(
        title="Chooser news", slug="chooser-news", date=datetime.date(2031, 1, 1), summary="News."
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("update-admin", "u@example.org", "x"))
    return client


def edit_page(client, page):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    return response


def test_the_edit_form_offers_a_chooser_not_a_list_of_every_partner(admin_client, update):
    PartnerFactory.create_batch(3)
    page = BeautifulSoup(edit_page(admin_client, update).content, "html.parser")
    assert page.select_one("select[name=related_partners]") is None
    assert not any("Testco" in select.get_text() for select in page.select("select"))
    assert page.select_one("input[name=related_partner_links-TOTAL_FORMS]")["value"] == "0"
    # The panel's "Add partners" button opens the partner chooser, with its search, several at a time.
    assert reverse("wagtailsnippetchoosers_partnerships_partner:choose") in str(page)


def test_the_partner_chooser_searches_the_partners_by_name(admin_client):
    PartnerFactory(name="Needle Forensics")
    PartnerFactory(name="Haystack Labs")
    response = admin_client.get(
        reverse("wagtailsnippetchoosers_partnerships_partner:choose_results"), {"q": "needle"}
    )
    text = BeautifulSoup(response.content, "html.parser").get_text()
    assert "Needle Forensics" in text and "Haystack Labs" not in text


def test_partners_chosen_are_saved_in_order_and_readers_see_the_public_ones(admin_client, client, update):
    second, first = public_partner(name="Zulu Partner"), public_partner(name="Alpha Partner")
    data = nested_form_data(
        {
            "title": update.title,
            "slug": update.slug,
            "date": "2031-01-01",
            "summary": update.summary,
            "body": streamfield([]),
            "related_partner_links": inline_formset(
                [{"partner": second.pk, "ORDER": 1}, {"partner": first.pk, "ORDER": 2}]
            ),
            "action-publish": "action-publish",
        }
    )
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[update.pk]), data)
    assert response.status_code == 302, response.context and response.context["form"].errors
    update.refresh_from_db()
    assert [link.partner for link in update.related_partner_links.all()] == [second, first]
    page = BeautifulSoup(client.get(update.url).content, "html.parser")
    assert [link.text for link in page.select("article li a")] == ["Alpha Partner", "Zulu Partner"]


def test_a_translation_names_the_same_source_partners(update):
    partner = public_partner(name="Shared Partner")
    update.related_partner_links = related_partner_links([partner])
    update.save_revision().publish()
    french = update.copy_for_translation(Locale.objects.get(language_code="fr"))
    assert [link.partner for link in french.related_partner_links.all()] == [partner]
