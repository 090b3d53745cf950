"""The admin listings of the records: filters, search, export, the partner chooser and the reviews report."""

import csv
import datetime
import io
import re

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail import hooks
from wagtail.models import Locale

from partnerships.models import DueDiligenceReview, Partner, ReviewDecision
from tests.factories import (
    ContributionFactory,
    CooperationAreaFactory,
    PartnerFactory,
    ReviewFactory,
    login,
    public_partner,
    translate,
)

pytestmark = pytest.mark.django_db


PARTNERS = reverse("wagtailsnippets_partnerships_partner:list")
CONTRIBUTIONS = reverse("wagtailsnippets_partnerships_contribution:list")
AREAS = reverse("wagtailsnippets_partnerships_cooperationarea:list")
REVIEWS = reverse("partnership_reviews:index")


def listed(response, *names):
    html = response.content.decode()
    return [name for name in names if name in html]


def test_partners_are_listed_with_their_columns(client, editor):
    PartnerFactory(name="Orbis Labs Zqx", partner_type="academic_research", country="KE")
    response = login(client, editor).get(PARTNERS, {"q": "zqx"})
    assert response.status_code == 200
    html = response.content.decode()
    for text in ["Orbis Labs Zqx", "Academic or research institution", "Kenya", "Active", "English"]:
        assert text in html
    assert "draft" in html.lower()


@pytest.mark.parametrize(
    "query, shown, hidden",
    [
        ("partner_type=ngo_nonprofit", "Helping Hands Zqx", "Orbis Labs Zqx"),
        ("relationship_status=suspended", "Orbis Labs Zqx", "Helping Hands Zqx"),
        ("country=KE", "Orbis Labs Zqx", "Helping Hands Zqx"),
        ("live=true", "Helping Hands Zqx", "Orbis Labs Zqx"),
        ("live=false", "Orbis Labs Zqx", "Helping Hands Zqx"),
        ("q=orbis+labs", "Orbis Labs Zqx", "Helping Hands Zqx"),
        ("country=KE&live=false&partner_type=for_profit_company", "Orbis Labs Zqx", "Helping Hands Zqx"),
    ],
)
def test_partner_filters_and_search(client, editor, query, shown, hidden):
    PartnerFactory(name="Orbis Labs Zqx", country="KE", relationship_status="suspended")
    public_partner(name="Helping Hands Zqx", partner_type="ngo_nonprofit", country="FR")
    response = login(client, editor).get(f"{PARTNERS}?q=zqx&{query}")
    assert response.status_code == 200
    assert listed(response, shown, hidden) == [shown]


def test_partners_filter_by_cooperation_area(client, editor):
    area = CooperationAreaFactory(name="Ballistics test", slug="ballistics-test")
    orbis = PartnerFactory(name="Orbis Labs Zqx")
    orbis.cooperation_areas.add(area)
    orbis.save()
    PartnerFactory(name="Helping Hands Zqx")
    response = login(client, editor).get(PARTNERS, {"q": "zqx", "cooperation_area": area.pk})
    assert listed(response, "Orbis Labs Zqx", "Helping Hands Zqx") == ["Orbis Labs Zqx"]


def test_partners_filter_by_locale(client, editor):
    english = PartnerFactory(name="Orbis Labs Zqx")
    french = PartnerFactory(
        name="Orbis Labs FR", slug="orbis-fr", locale=Locale.objects.get(language_code="fr")
    )
    login(client, editor)
    assert listed(client.get(PARTNERS, {"locale": "fr"}), french.name, english.name) == [french.name]
    assert listed(client.get(PARTNERS, {"locale": "en"}), french.name, english.name) == [english.name]


@pytest.mark.parametrize(
    "query",
    [
        "country=ZZ",
        "live=maybe",
        "partner_type=<script>",
        "cooperation_area=abc",
        "locale=xx",
        "p=abc",
        "p=999",
    ],
)
def test_bad_filter_values_never_give_a_500(client, editor, query):
    PartnerFactory(name="Orbis Labs Zqx")
    response = login(client, editor).get(f"{PARTNERS}?{query}")
    # An unknown locale is a 404 (Wagtail's), which the portal's LocaleMiddleware turns into a redirect.
    assert response.status_code in (200, 302, 404)


def test_contribution_filters(client, editor):
    partner = public_partner(name="Helping Hands Zqx")
    ContributionFactory(partner=partner, reference="AGR-1", title="Laboratory grant Zqx", status="pledged")
    ContributionFactory(
        partner=PartnerFactory(name="Orbis Labs Zqx"), reference="AGR-2", title="Staff Zqx", in_kind=True
    )
    login(client, editor)

    def titles(**query):
        return listed(client.get(CONTRIBUTIONS, {"q": "zqx", **query}), "Laboratory grant Zqx", "Staff Zqx")

    assert titles() == ["Laboratory grant Zqx", "Staff Zqx"]
    assert titles(contribution_type="seconded_personnel") == ["Staff Zqx"]
    assert titles(partner=partner.pk) == ["Laboratory grant Zqx"]
    assert titles(status="pledged") == ["Laboratory grant Zqx"]
    assert titles(live="true") == []
    assert listed(client.get(CONTRIBUTIONS, {"q": "Orbis Labs"}), "Laboratory grant Zqx", "Staff Zqx") == [
        "Staff Zqx"
    ]


@pytest.mark.parametrize("url", [PARTNERS, CONTRIBUTIONS])
def test_the_listing_columns_take_a_constant_number_of_queries(client, editor, monkeypatch, url):
    """wagtail-localize's listing buttons query per row; what this app adds must not."""
    localize_buttons = [
        entry
        for entry in hooks._hooks.get("register_snippet_listing_buttons", [])
        if not entry[0].__module__.startswith("wagtail_localize")
    ]
    monkeypatch.setitem(hooks._hooks, "register_snippet_listing_buttons", localize_buttons)
    area = CooperationAreaFactory()

    def add_records(count):
        for _n in range(count):
            contribution = ContributionFactory(partner=PartnerFactory(name=f"Zqx {_n}"), title=f"Zqx {_n}")
            contribution.partner.cooperation_areas.add(area)
            contribution.cooperation_areas.add(area)
            # As the admin saves them: every record has a latest revision.
            contribution.partner.save_revision()
            contribution.save_revision()

    add_records(2)
    login(client, editor)
    client.get(url, {"q": "zqx"})  # Warm the caches (locales, content types).
    with CaptureQueriesContext(connection) as few:
        assert client.get(url, {"q": "zqx"}).status_code == 200
    # Read at once: the captured queries are a slice of the connection's log, which the next request
    # empties.
    few_queries = few.captured_queries
    add_records(10)
    with CaptureQueriesContext(connection) as many:
        assert client.get(url, {"q": "zqx"}).status_code == 200
    many_queries = many.captured_queries
    assert "Zqx 9" in client.get(url, {"q": "zqx"}).content.decode()
    assert few_queries
    assert len(many_queries) == len(few_queries), [query["sql"] for query in many_queries]


def test_the_partner_export_spells_out_labels_and_leaves_reviews_out(client, editor):
    area = CooperationAreaFactory(name="Digital forensics test")
    partner = PartnerFactory(name="Orbis Labs Zqx", country="KE", partner_type="academic_research")
    partner.cooperation_areas.add(area)
    partner.save()
    ReviewFactory(partner=partner)
    response = login(client, editor).get(PARTNERS, {"export": "csv"})
    assert response.status_code == 200
    assert "partners.csv" in response["Content-Disposition"]
    content = b"".join(response.streaming_content).decode()
    rows = {row["Name"]: row for row in csv.DictReader(io.StringIO(content))}
    row = rows["Orbis Labs Zqx"]
    assert row["Type"] == "Academic or research institution"
    assert row["Country"] == "Kenya"
    assert row["Country code"] == "KE"
    assert row["Cooperation areas"] == "Digital forensics test"
    assert row["Live"] == "No"
    assert "INTERNAL" not in content


def test_the_contribution_export(client, editor):
    ContributionFactory(partner=PartnerFactory(name="Orbis Labs Zqx"), reference="AGR-9", in_kind=True)
    response = login(client, editor).get(CONTRIBUTIONS, {"export": "xlsx"})
    assert response.status_code == 200
    assert "contributions.xlsx" in response["Content-Disposition"]


def test_cooperation_areas_are_listed(client, editor):
    CooperationAreaFactory(name="Ballistics test")
    assert "Ballistics test" in login(client, editor).get(AREAS).content.decode()


# The partner chooser on a contribution --------------------------------------------------------------


def test_the_partner_chooser_offers_source_language_partners_only(client, editor):
    per_page = Partner.snippet_viewset.chooser_per_page
    PartnerFactory(name="Orbis Labs Zqx")
    PartnerFactory(
        name="Orbis Labs en français", slug="orbis-fr", locale=Locale.objects.get(language_code="fr")
    )
    # More than a page of English partners, each translated into French and Arabic: every page of the
    # chooser, in whatever language it is asked for, has translations it could offer.
    for n in range(per_page + 1):
        PartnerFactory(name=f"Chooser Zqx {n:02d}", translations={"fr": {}, "ar": {}})
    assert Partner.objects.exclude(locale__language_code="en").count() == 2 * (per_page + 1) + 1
    chooser = reverse("wagtailsnippetchoosers_partnerships_partner:choose")
    login(client, editor)
    for params in ({"q": "Orbis"}, {"q": "Orbis", "locale": "fr"}):
        html = client.get(chooser, params).json()["html"]
        assert "Orbis Labs Zqx" in html, params
        assert "en français" not in html, params
    # The English partners: Orbis Labs Zqx and the others, a full first page and two on the second.
    pages = [({}, per_page), ({"locale": "fr"}, per_page), ({"locale": "ar", "p": "2"}, 2)]
    for params, count in pages:
        html = client.get(chooser, params).json()["html"]
        offered = {int(pk) for pk in re.findall(r"/chosen/(\d+)/", html)}
        assert len(offered) == count, params
        assert set(
            Partner.objects.filter(pk__in=offered).values_list("locale__language_code", flat=True)
        ) == {"en"}


def test_a_contribution_cannot_point_at_a_translated_partner(client, editor):
    from wagtail.test.utils.form_data import querydict_from_html

    french_partner = PartnerFactory(slug="orbis-fr", locale=Locale.objects.get(language_code="fr"))
    contribution = ContributionFactory()
    url = reverse("wagtailsnippets_partnerships_contribution:edit", args=[contribution.pk])
    login(client, editor)
    data = querydict_from_html(client.get(url).content.decode(), form_id="w-editor-form")
    data["partner"] = str(french_partner.pk)
    response = client.post(url, data)
    assert response.status_code == 200  # The form comes back with an error.
    assert "partner" in response.context["form"].errors
    contribution.refresh_from_db()
    assert contribution.partner_id != french_partner.pk


# The due-diligence reviews report -----------------------------------------------------------------


def test_editors_cannot_open_the_reviews_report(client, editor):
    response = login(client, editor).get(REVIEWS)
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"] != REVIEWS


def test_the_reviews_report_lists_reviews_soonest_due_first_without_internal_text(client, reviewer):
    DueDiligenceReview.objects.all().delete()  # Only this test's reviews, whatever the site holds.
    today = datetime.date.today()
    soon = ReviewFactory(
        partner=PartnerFactory(name="Due Soon"), next_review_due=today + datetime.timedelta(days=30)
    )
    ReviewFactory(
        partner=PartnerFactory(name="Due Later"), next_review_due=today + datetime.timedelta(days=400)
    )
    ReviewFactory(
        partner=PartnerFactory(name="Overdue Ltd"),
        decided_on=today - datetime.timedelta(days=800),
        next_review_due=today - datetime.timedelta(days=5),
    )
    response = login(client, reviewer).get(REVIEWS)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.index("Overdue Ltd") < html.index("Due Soon") < html.index("Due Later")
    assert "INTERNAL" not in html
    assert reverse("wagtailsnippets_partnerships_partner:edit", args=[soon.partner.pk]) in html

    response = client.get(REVIEWS, {"due": "90"})
    assert listed(response, "Overdue Ltd", "Due Soon", "Due Later") == ["Overdue Ltd", "Due Soon"]
    response = client.get(REVIEWS, {"due": "overdue"})
    assert listed(response, "Overdue Ltd", "Due Soon", "Due Later") == ["Overdue Ltd"]
    response = client.get(REVIEWS, {"decision": ReviewDecision.REJECTED})
    assert listed(response, "Overdue Ltd", "Due Soon", "Due Later") == []
    assert client.get(REVIEWS, {"due": "<script>", "ordering": "nonsense"}).status_code == 200


def test_translations_of_partners_do_not_appear_twice_in_the_reviews_report(client, reviewer):
    DueDiligenceReview.objects.all().delete()
    partner = PartnerFactory(name="Single Entry")
    ReviewFactory(partner=partner)
    for code in ("fr", "ar"):  # Copied after the review, as a translator would.
        translate(partner, code)
    assert Partner.objects.filter(name="Single Entry").count() == 3
    html = login(client, reviewer).get(REVIEWS).content.decode()
    assert html.count("Single Entry") == 1
