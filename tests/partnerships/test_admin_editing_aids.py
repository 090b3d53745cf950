"""What the admin tells editors before they act: the currencies in use first, why a partner cannot be
published yet, and the partner's slug following its name."""

import datetime

import pytest
from bs4 import BeautifulSoup

from django.urls import reverse

from wagtail.models import Site
from wagtail.users.models import UserProfile

from partnerships.currencies import codes_in_use
from partnerships.models import ExchangeRate, PartnershipSettings, ReviewDecision
from tests.factories import ContributionFactory, PartnerFactory, ReviewFactory, login, public_contribution

pytestmark = pytest.mark.django_db


def snippet_url(model, name, *args):
    return reverse(f"wagtailsnippets_partnerships_{model}:{name}", args=args)


def page_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def currency_groups(select):
    return [
        (group["label"], [option["value"] for option in group.select("option")])
        for group in select.select("optgroup")
    ]


@pytest.fixture
def currencies_in_use():
    """A published contribution in CHF (booked in USD), a draft one in JPY, a rate for GBP, and the
    reporting currency EUR."""
    public_contribution(currency="CHF", booked_value="10.00", booked_currency="USD")
    ContributionFactory(currency="JPY")
    ExchangeRate.objects.create(currency="GBP", month=datetime.date(2025, 1, 1), rate="1.2", source="UN")
    PartnershipSettings.for_site(Site.objects.get(is_default_site=True)).save()


def test_the_currencies_in_use_are_read_in_one_query(currencies_in_use, django_assert_num_queries):
    with django_assert_num_queries(1):
        codes = codes_in_use()
    assert codes == {"CHF", "USD", "GBP", "EUR"}


@pytest.mark.parametrize(
    "model,field,url_name",
    [
        ("contribution", "currency", "add"),
        ("contribution", "booked_currency", "add"),
        ("exchangerate", "currency", "add"),
    ],
)
def test_a_currency_list_starts_with_the_currencies_in_use_then_every_currency(
    client, reviewer, currencies_in_use, model, field, url_name
):
    login(client, reviewer)
    select = page_of(client.get(snippet_url(model, url_name))).select_one(f"select[name={field}]")
    (in_use_label, in_use), (all_label, every_currency) = currency_groups(select)
    assert (in_use_label, all_label) == ("Currencies in use", "All currencies")
    assert in_use == ["CHF", "EUR", "GBP", "USD"]
    assert "JPY" not in in_use and "JPY" in every_currency and len(every_currency) > 150
    # Only the first of the two options of a chosen currency is selected.
    assert len(select.select("option[selected]")) <= 1


def test_the_reporting_currency_setting_lists_the_currencies_in_use_first(
    client, django_user_model, currencies_in_use
):
    admin = django_user_model.objects.create_superuser("currency-admin", "a@example.org", "x")
    client.force_login(admin)
    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=["partnerships", "partnershipsettings", site.pk])
    select = page_of(client.get(url)).select_one("select[name=reporting_currency]")
    assert currency_groups(select)[0] == ("Currencies in use", ["CHF", "EUR", "GBP", "USD"])
    assert select.select("option[selected]")[0]["value"] == "EUR"


def test_a_chosen_currency_outside_the_ones_in_use_is_still_accepted(client, reviewer, currencies_in_use):
    login(client, reviewer)
    response = client.post(
        snippet_url("exchangerate", "add"),
        {"currency": "JPY", "month": "2025-02-01", "rate": "0.006", "source": "UN"},
    )
    assert response.status_code == 302
    assert ExchangeRate.objects.filter(currency="JPY").exists()


def blockers_panel(client, partner):
    return page_of(client.get(snippet_url("partner", "edit", partner.pk))).select_one(".publish-blockers")


def test_the_status_panel_says_a_partner_without_an_approved_review_cannot_be_published(client, editor):
    login(client, editor)
    partner = PartnerFactory(name="Unreviewed Ltd")
    panel = blockers_panel(client, partner)
    assert panel is not None
    assert "Cannot be published yet" in panel.get_text()
    assert "Unreviewed Ltd has no completed due-diligence review" in panel.get_text()


def test_the_status_panel_says_why_in_the_editors_language(client, editor):
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "fr"
    profile.save()
    login(client, editor)
    partner = PartnerFactory(name="Unreviewed Ltd")
    ReviewFactory(partner=partner, decision=ReviewDecision.REJECTED)
    text = blockers_panel(client, partner).get_text()
    assert "Publication impossible pour l’instant" in text
    assert "a rejeté le partenariat" in text


def test_the_status_panel_says_nothing_once_the_review_is_approved(client, editor):
    login(client, editor)
    partner = PartnerFactory()
    ReviewFactory(partner=partner, decision=ReviewDecision.APPROVED)
    assert blockers_panel(client, partner) is None


def test_a_contributions_status_panel_says_its_partner_is_not_public(client, editor):
    login(client, editor)
    contribution = ContributionFactory(partner=PartnerFactory(name="Draft Partner Co"))
    page = page_of(client.get(snippet_url("contribution", "edit", contribution.pk)))
    assert "Cannot be published yet" in page.select_one(".publish-blockers").get_text()


def test_a_draft_partners_slug_follows_its_name_and_stays_editable(client, editor):
    login(client, editor)
    page = page_of(client.get(snippet_url("partner", "add")))
    name, slug = page.select_one("input[name=name]"), page.select_one("input[name=slug]")
    assert "w-sync" in name["data-controller"].split()
    assert "w-sync#apply" in name["data-action"]
    assert name["data-w-sync-target-value"] == "#id_slug"
    assert "w-slug" in slug["data-controller"].split()
    # SlugField takes ASCII only: the slug made from the name must too.
    assert slug["data-w-slug-allow-unicode-value"] == "false"
    assert not slug.has_attr("readonly") and not slug.has_attr("disabled")


def test_a_published_partners_slug_no_longer_follows_its_name(client, reviewer):
    login(client, reviewer)
    partner = public_contribution().partner
    name = page_of(client.get(snippet_url("partner", "edit", partner.pk))).select_one("input[name=name]")
    assert "w-sync#apply" not in name.get("data-action", "")
