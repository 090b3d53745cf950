"""Which records lack a translation: the listing filter "Missing translation in" and the "Translation
status" report (Reports › Translation status)."""

import pytest
from bs4 import BeautifulSoup

from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import Page

from home.models import ContentPage, HomePage
from partnerships.admin.filters import ContributionFilterSet, CooperationAreaFilterSet, PartnerFilterSet
from partnerships.models import Contribution, CooperationArea, Partner
from tests.factories import (
    ContributionFactory,
    CooperationAreaFactory,
    PartnerFactory,
    locale,
    login,
    public_contribution,
    public_partner,
    publish,
    translate,
)
from tests.site import translated_page

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/translation-status/"
PARTNERS = reverse("wagtailsnippets_partnerships_partner:list")
CONTRIBUTIONS = reverse("wagtailsnippets_partnerships_contribution:list")
AREAS = reverse("wagtailsnippets_partnerships_cooperationarea:list")


def sources_of(model):
    sources = model.objects.filter(locale__language_code="en")
    return sources.filter(depth__gt=1) if model is Page else sources


def translations_by_hand(model, source, code, **conditions):
    rows = model.objects.filter(
        translation_key=source.translation_key, locale__language_code=code, **conditions
    )
    return rows.filter(alias_of=None) if model is Page else rows


def untranslated_by_hand(model, code):
    """The oracle for "missing": one look-up per source row."""
    return {
        source.pk for source in sources_of(model) if not translations_by_hand(model, source, code).exists()
    }


def draft_translated_by_hand(model, code):
    return {
        source.pk
        for source in sources_of(model)
        if translations_by_hand(model, source, code, live=False).exists()
    }


# The listing filter ------------------------------------------------------------------------------------


@pytest.fixture
def zqx_partners():
    """Three English partners: one translated into French only, one into French and Arabic, one not at all."""
    french_only = PartnerFactory(name="Zqx French only", translations={"fr": {}})
    both = PartnerFactory(name="Zqx French and Arabic", translations={"fr": {}, "ar": {}})
    untranslated = PartnerFactory(name="Zqx Untranslated")
    return french_only, both, untranslated


@pytest.fixture
def translation_world(zqx_partners):
    """Records and a page translated into some languages, as drafts in others, and left out of others:
    {kind: {language: (missing, draft)}} as counted by hand (draft is None for areas). The bare site's
    own pages are all translated and published."""
    live_french = public_partner(name="Zqx Live French", translations={"fr": {}})
    translate(live_french, "es")  # A draft.
    public_partner(name="Zqx Live Spanish and Arabic", translations={"es": {}, "ar": {}})

    public_contribution(partner=live_french, translations={"es": {}})
    translate(ContributionFactory(partner=live_french), "fr")  # Drafts.
    translate(ContributionFactory(partner=live_french), "ar")
    ContributionFactory(partner=live_french)

    CooperationAreaFactory(translations={"fr": {}})
    CooperationAreaFactory(translations={"es": {}})
    CooperationAreaFactory()

    page = translated_page(ContentPage, slug="zqx-status", titles={"en": "Zqx status", "fr": "Zqx statut"})
    page["en"].copy_for_translation(locale("es"))  # A draft.
    return {
        "Partners": {"fr": (2, 2), "es": (3, 1), "ar": (3, 1)},
        "Contributions": {"fr": (3, 1), "es": (3, 0), "ar": (3, 1)},
        "Cooperation areas": {"fr": (2, None), "es": (2, None), "ar": (3, None)},
        "Pages": {"fr": (0, 0), "es": (0, 1), "ar": (1, 0)},
    }


def filtered(filterset_class, model, code):
    filterset = filterset_class(data={"missing_translation": code}, queryset=model.objects.all())
    assert filterset.is_valid(), filterset.errors
    return set(filterset.qs.values_list("pk", flat=True))


@pytest.mark.parametrize("code", ["fr", "es", "ar"])
def test_the_partner_filter_keeps_exactly_the_source_partners_without_a_translation(zqx_partners, code):
    french_only, both, untranslated = zqx_partners
    missing = filtered(PartnerFilterSet, Partner, code)

    assert missing == untranslated_by_hand(Partner, code)
    expected_mine = {
        "fr": {untranslated.pk},
        "es": {french_only.pk, both.pk, untranslated.pk},
        "ar": {french_only.pk, untranslated.pk},
    }[code]
    mine = {french_only.pk, both.pk, untranslated.pk}
    assert missing & mine == expected_mine
    assert set(Partner.objects.filter(pk__in=missing).values_list("locale__language_code", flat=True)) <= {
        "en"
    }


def test_a_draft_translation_counts_as_a_translation():
    partner = public_partner(name="Zqx Draft In Spanish")
    spanish = translate(partner, "es")
    assert not spanish.live
    assert partner.pk not in filtered(PartnerFilterSet, Partner, "es")


def test_the_contribution_and_area_filters(editor):
    translated = ContributionFactory(title="Zqx translated")
    translate(translated, "fr")
    untranslated = ContributionFactory(title="Zqx untranslated")
    missing = filtered(ContributionFilterSet, Contribution, "fr")
    assert missing == untranslated_by_hand(Contribution, "fr")
    assert untranslated.pk in missing and translated.pk not in missing

    area = CooperationAreaFactory(name="Zqx area")
    translate(area, "es")
    assert area.pk not in filtered(CooperationAreaFilterSet, CooperationArea, "es")
    assert area.pk in filtered(CooperationAreaFilterSet, CooperationArea, "fr")
    assert filtered(CooperationAreaFilterSet, CooperationArea, "fr") == untranslated_by_hand(
        CooperationArea, "fr"
    )


def filter_queries(code):
    """The queries of building the partner filter for `code` and reading the records it keeps."""
    with CaptureQueriesContext(connection) as queries:
        list(PartnerFilterSet(data={"missing_translation": code}, queryset=Partner.objects.all()).qs)
    return [query["sql"] for query in queries]


def test_the_filter_takes_one_query_however_many_records_it_checks(zqx_partners):
    few = filter_queries("ar")
    for number in range(8):
        translate(PartnerFactory(name=f"Zqx more {number}"), "fr")
    many = filter_queries("ar")
    assert len(many) == len(few)
    # The partners and their missing translations are read by one query, not one query per partner.
    record_queries = [sql for sql in many if 'FROM "partnerships_partner"' in sql]
    assert len(record_queries) == 1
    assert "EXISTS" in record_queries[0]


def listed(response, *names):
    html = response.content.decode()
    return [name for name in names if name in html]


def test_the_listings_offer_the_filter_in_the_translation_languages(client, editor, zqx_partners):
    login(client, editor)
    response = client.get(PARTNERS, {"q": "zqx", "missing_translation": "ar"})
    assert response.status_code == 200
    assert listed(response, "Zqx French only", "Zqx French and Arabic", "Zqx Untranslated") == [
        "Zqx French only",
        "Zqx Untranslated",
    ]
    filter_field = response.context["filters"].form["missing_translation"]
    assert filter_field.label == "Missing translation in"
    offered = [(value, str(label)) for value, label in filter_field.field.choices if value]
    assert offered == [("fr", "French"), ("es", "Spanish"), ("ar", "Arabic")]

    for url in (CONTRIBUTIONS, AREAS):
        page = client.get(url, {"missing_translation": "fr"})
        assert page.status_code == 200
        assert "Missing translation in" in page.content.decode()


def test_a_language_that_is_not_a_choice_is_ignored_not_an_error(client, editor):
    response = login(client, editor).get(PARTNERS, {"missing_translation": "en"})
    assert response.status_code == 200
    response = client.get(PARTNERS, {"missing_translation": "<script>"})
    assert response.status_code == 200


# The report ------------------------------------------------------------------------------------------


def report(client):
    response = client.get(REPORT)
    assert response.status_code == 200
    return {
        status.locale.language_code: {str(row.label): row for row in status.rows}
        for status in response.context["object_list"]
    }


def test_the_report_lists_the_three_translation_languages_and_the_four_kinds(client, editor):
    counts = report(login(client, editor))
    assert list(counts) == ["fr", "es", "ar"]
    for rows in counts.values():
        assert list(rows) == ["Pages", "Partners", "Contributions", "Cooperation areas"]
        assert rows["Cooperation areas"].draft is None  # Areas have no drafts.


@pytest.mark.parametrize("code", ["fr", "es", "ar"])
def test_the_report_counts_agree_with_a_row_by_row_count(client, reviewer, translation_world, code):
    counts = report(login(client, reviewer))[code]
    for label, model in [
        ("Pages", Page),
        ("Partners", Partner),
        ("Contributions", Contribution),
        ("Cooperation areas", CooperationArea),
    ]:
        row = counts[label]
        assert row.source.number == sources_of(model).count(), label
        assert row.missing.number == len(untranslated_by_hand(model, code)), label
        if row.draft is not None:
            assert row.draft.number == len(draft_translated_by_hand(model, code)), label
        draft = row.draft.number if row.draft is not None else None
        assert (row.missing.number, draft) == translation_world[label][code], label
    sources = {
        label: counts[label].source.number for label in ("Partners", "Contributions", "Cooperation areas")
    }
    assert sources == {"Partners": 5, "Contributions": 4, "Cooperation areas": 3}


def test_the_report_counts_new_records_and_their_translations(client, editor):
    login(client, editor)
    before = report(client)

    PartnerFactory(name="Zqx Untranslated")
    draft_in_french = PartnerFactory(name="Zqx Draft in French")
    translate(draft_in_french, "fr")
    live_in_french = public_partner(name="Zqx Live in French")
    publish(translate(live_in_french, "fr"))
    area = CooperationAreaFactory()
    translate(area, "ar")
    english_page = HomePage.objects.get(locale__language_code="en").add_child(
        instance=ContentPage(title="Zqx Page", slug="zqx-page")
    )
    # Even asked for as an alias, a copy for translation is a draft translation (`translations.guards`):
    # French readers still get no translation, and the report counts it with the drafts.
    english_page.copy_for_translation(locale("fr"), alias=True)

    after = report(client)

    def change(code, label, column):
        return getattr(after[code][label], column).number - getattr(before[code][label], column).number

    assert change("fr", "Partners", "source") == 3
    assert change("fr", "Partners", "missing") == 1
    assert change("fr", "Partners", "draft") == 1
    assert change("ar", "Partners", "missing") == 3
    assert change("ar", "Partners", "draft") == 0
    assert change("fr", "Cooperation areas", "missing") == 1
    assert change("ar", "Cooperation areas", "missing") == 0
    assert change("es", "Contributions", "source") == 0
    for code in ("fr", "es", "ar"):
        assert change(code, "Pages", "source") == 1
    assert change("fr", "Pages", "missing") == 0
    assert change("fr", "Pages", "draft") == 1
    for code in ("es", "ar"):
        assert change(code, "Pages", "missing") == 1


def test_the_counts_link_to_the_filtered_listings(client, editor, translation_world):
    response = login(client, editor).get(REPORT)
    html = response.content.decode()
    assert f'href="{PARTNERS}?missing_translation=ar"' in html
    assert f'href="{CONTRIBUTIONS}?missing_translation=es"' in html
    assert f'href="{AREAS}?missing_translation=fr"' in html
    assert f'href="{PARTNERS}?locale=fr&amp;live=false"' in html
    counts = report(client)
    assert counts["fr"]["Pages"].missing.url == ""  # The admin has no listing of untranslated pages.

    # Each link leads to as many records as the report counted.
    for code, rows in counts.items():
        for label in ("Partners", "Contributions", "Cooperation areas"):
            row = rows[label]
            assert row.missing.number == translation_world[label][code][0]
            listing = client.get(row.missing.url)
            assert listing.context["paginator"].count == row.missing.number, (code, label)
            if row.draft is not None:
                assert row.draft.number == translation_world[label][code][1]
                listing = client.get(row.draft.url)
                assert listing.context["paginator"].count == row.draft.number, (code, label)
    spanish_drafts = counts["es"]["Partners"].draft
    assert spanish_drafts.number == 1
    assert spanish_drafts.url == f"{PARTNERS}?locale=es&live=false"


def test_the_report_is_in_the_reports_menu_for_editors_and_reviewers(client, editor, reviewer):
    for user in (editor, reviewer):
        home = login(client, user).get(reverse("wagtailadmin_home")).content.decode()
        assert REPORT in home
        assert client.get(REPORT).status_code == 200


def test_anonymous_users_are_sent_to_the_login_page(client):
    response = client.get(REPORT)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_an_admin_user_outside_the_translating_groups_may_not_read_it(client, django_user_model):
    outsider = django_user_model.objects.create_user("status-test-outsider", password="pw")
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    login(client, outsider)
    assert REPORT not in client.get(reverse("wagtailadmin_home")).content.decode()
    response = client.get(REPORT)
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"] != REPORT


def test_the_languages_are_named_in_the_admin_users_language(client, editor):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "fr"
    profile.save()
    response = login(client, editor).get(REPORT)
    headings = [
        heading.get_text(strip=True)
        for heading in BeautifulSoup(response.content, "html.parser").select("main h2")
    ]
    assert headings == ["Français", "Espagnol", "Arabe"]


def add_records(count):
    for n in range(count):
        partner = PartnerFactory(name=f"Zqx Bulk {n}")
        translate(partner, "fr")
        ContributionFactory(partner=partner)
        CooperationAreaFactory()


def test_the_report_takes_a_constant_number_of_queries(client, editor):
    add_records(2)
    login(client, editor)
    client.get(REPORT)  # Warm the caches (content types, the admin menu).
    with CaptureQueriesContext(connection) as few:
        assert client.get(REPORT).status_code == 200
    add_records(8)
    with CaptureQueriesContext(connection) as many:
        assert client.get(REPORT).status_code == 200
    assert len(many) == len(few), [query["sql"] for query in many.captured_queries]
