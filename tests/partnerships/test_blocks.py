"""The record-driven blocks: "Programme figures", "Partners in a cooperation area" and "Latest
contributions". They read public records only, at render time, in the reader's language, with a
constant number of queries. (That the demo's programme pages use them: tests/demo.)"""

import datetime
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup

from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from wagtail.models import Locale

from home.blocks import BaseStreamBlock
from home.models import ContentPage, HomePage
from partnerships.blocks import AreaPartnersBlock, LatestContributionsBlock, ProgrammeFiguresBlock
from partnerships.formatting import format_money, format_number
from partnerships.models import (
    Contribution,
    ContributionIndexPage,
    ContributionStatus,
    Partner,
    PartnerIndexPage,
    PartnerType,
    RelationshipStatus,
    ReviewDecision,
    StatusGroup,
)
from tests.factories import (
    ContributionFactory,
    CooperationAreaFactory,
    PartnerFactory,
    ReviewFactory,
    public_contribution,
    public_partner,
    translate,
)
from tests.register_helpers import index_page, non_public_records, tag

pytestmark = pytest.mark.django_db

AREA_SLUG = "blocks-test-area"


@pytest.fixture
def area():
    return CooperationAreaFactory(slug=AREA_SLUG, name="Blocks test area")


@pytest.fixture
def blocks_page(area):
    """A programme page with the three blocks, published in English and Arabic."""
    index_page(PartnerIndexPage)
    index_page(ContributionIndexPage)
    home = HomePage.objects.get(locale__language_code="en")
    page = ContentPage(
        title="Record blocks",
        slug="record-blocks-test",
        body=[
            ("programme_figures", {"heading": "Figures heading"}),
            ("area_partners", {"heading": "Area heading", "area": AREA_SLUG, "limit": 2}),
            ("latest_contributions", {"heading": "Latest heading", "number": 3}),
        ],
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    arabic = page.copy_for_translation(Locale.objects.get(language_code="ar"))
    arabic.save_revision().publish()
    return page


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def get(client, code):
    return soup(client.get(f"/{code}/record-blocks-test/", HTTP_ACCEPT_LANGUAGE=code))


def in_area(partner):
    return tag(partner, CooperationAreaFactory(slug=AREA_SLUG))


def render(block, value, code="en"):
    """A block rendered on its own, as a page's {% include_block %} does, with a request."""
    request = RequestFactory().get(f"/{code}/")
    with translation.override(code):
        return BeautifulSoup(
            block.render(block.to_python(value), context={"request": request}), "html.parser"
        )


# Programme figures -------------------------------------------------------------------------------


def expected_figures():
    """The figures worked out independently, record by record, from the public rows."""
    partners = Partner.objects.public().filter(relationship_status=RelationshipStatus.ACTIVE)
    contributions = list(Contribution.objects.public())
    committed = [c for c in contributions if c.status in ContributionStatus.in_group(StatusGroup.COMMITTED)]
    return {
        "partners": partners.count(),
        "for_profit": partners.filter(partner_type__in=PartnerType.for_profit()).count(),
        "committed": len(committed),
        "value": sum((c.reporting_value for c in committed if c.reporting_value is not None), Decimal(0)),
    }


def stats(block):
    return [stat.select_one(".stat__figure").text for stat in block.select(".stat")]


def test_programme_figures_count_public_committed_records_only(client, blocks_page, area):
    partner = public_partner(partner_type=PartnerType.ACADEMIC_RESEARCH)
    public_contribution(partner=partner, amount=Decimal("333333"))
    public_contribution(partner=partner, amount=Decimal("1000"), status=ContributionStatus.PLEDGED)
    public_contribution(
        partner=partner, amount=Decimal("7"), status=ContributionStatus.CANCELLED, end_reason="other"
    )
    public_partner(relationship_status=RelationshipStatus.CONCLUDED)  # public, but not active
    non_public_records(area)
    ReviewFactory(partner=PartnerFactory(), decision=ReviewDecision.REJECTED)

    expected = expected_figures()
    block = get(client, "en").select_one(".programme-figures")
    committed, _this_year, partners, share, pledged = stats(block)
    assert committed == format_money(expected["value"], "EUR", "en")
    assert f"{expected['committed']} committed contribution" in block.select(".stat")[0].text
    assert partners == format_number(expected["partners"], "en")
    assert f"{expected['for_profit']} for-profit" in block.select(".stat")[2].text
    assert share == "0%"
    assert pledged == "€1,000" and "1 pledge, not included" in block.select(".stat")[4].text
    assert "How these figures are calculated" in block.select_one(".figures-note").text
    assert "HIDDEN" not in str(block)
    assert "INTERNAL-" not in str(block)


def test_the_headline_gives_this_years_committed_value_and_the_share_in_kind(client, blocks_page):
    today = datetime.date.today()
    partner = public_partner()
    public_contribution(partner=partner, amount=Decimal("600"), signed_date=today, start_date=None)
    public_contribution(partner=partner, in_kind=True, estimated_value=Decimal("400"), signed_date=today)
    public_contribution(partner=partner, amount=Decimal("5000"), signed_date=datetime.date(2020, 5, 1))
    block = get(client, "en").select_one(".programme-figures")
    committed, this_year, _partners, share = stats(block)
    assert committed == "€6,000"
    assert this_year == "€1,000"
    assert f"committed in {today.year}" in block.select(".stat")[1].text
    assert share == "7%"  # 400 of 6,000


def test_programme_figures_follow_approvals_without_editing_the_page(client, blocks_page):
    before = expected_figures()
    public_contribution(amount=Decimal("1000"))
    block = get(client, "en").select_one(".programme-figures")
    assert stats(block)[0] == format_money(before["value"] + 1000, "EUR", "en")
    assert stats(block)[2] == format_number(before["partners"] + 1, "en")


def test_programme_figures_in_arabic_use_arabic_digits(client, blocks_page):
    public_contribution()
    expected = expected_figures()
    block = get(client, "ar").select_one(".programme-figures")
    partners = stats(block)[2]
    assert partners == format_number(expected["partners"], "ar")
    assert all(digit not in "".join(stats(block)) for digit in "0123456789")
    assert stats(block)[3] == "٠٪\u061c"  # the share in kind, with the Arabic per cent sign
    assert block.select_one("a[href='/ar/contributions/']") is not None


# Partners in a cooperation area ------------------------------------------------------------------


def test_area_partners_shows_public_partners_of_that_area_only(client, blocks_page, area):
    alpha = in_area(public_partner(name="Alpha Area Partner", slug="alpha-area"))
    in_area(public_partner(name="Beta Area Partner", slug="beta-area"))
    in_area(public_partner(name="Gamma Area Partner", slug="gamma-area"))
    public_partner(name="Elsewhere Partner")  # public, another area
    in_area(PartnerFactory(name="HIDDEN draft partner"))
    rejected = in_area(public_partner(name="HIDDEN rejected partner"))
    ReviewFactory(partner=rejected, decision=ReviewDecision.REJECTED, decided_on=datetime.date(2025, 9, 1))
    unpublished = in_area(public_partner(name="HIDDEN unpublished partner"))
    unpublished.unpublish()

    block = get(client, "en").select_one(".area-partners")
    assert [card.select_one("h3 bdi").text for card in block.select(".card")] == [
        "Alpha Area Partner",
        "Beta Area Partner",
    ]
    assert block.select_one(".card h3 a")["href"] == f"/en/partners/{alpha.slug}/"
    more = block.select_one(".record-block__more a")
    assert more["href"] == f"/en/partners/?area={AREA_SLUG}"
    assert "See all 3 partners working in Blocks test area" in " ".join(more.text.split())
    assert "HIDDEN" not in str(block) and "Elsewhere" not in str(block)
    assert "INTERNAL-" not in str(block)


def test_area_partners_in_arabic_show_translations_and_mark_fallbacks(client, blocks_page, area):
    alpha = in_area(public_partner(name="Alpha Area Partner", slug="alpha-area"))
    in_area(public_partner(name="Beta Area Partner", slug="beta-area"))
    translate(alpha, "ar", live=True, summary="ملخص الشريك ألفا")
    arabic_area = area.copy_for_translation(Locale.objects.get(language_code="ar"))
    arabic_area.name = "مجال الاختبار"
    arabic_area.save()

    block = get(client, "ar").select_one(".area-partners")
    cards = block.select(".card")
    assert "ملخص الشريك ألفا" in cards[0].text
    assert cards[0].select_one("[lang=en]") is None
    assert cards[1].select_one("p[lang=en]").text.startswith("Beta Area Partner")
    assert cards[1].select_one(".fallback-note") is not None
    assert "مجال الاختبار" in block.select_one(".record-block__more").text
    assert block.select_one(".card h3 a")["href"] == "/ar/partners/alpha-area/"


def test_area_partners_with_no_public_partner_says_so(area):
    in_area(PartnerFactory(name="HIDDEN draft partner"))
    block = render(AreaPartnersBlock(), {"heading": "Nobody", "area": AREA_SLUG, "limit": 4})
    assert block.select(".card") == []
    assert "No approved partner works in Blocks test area yet." in block.text


# Latest contributions ----------------------------------------------------------------------------


def test_latest_contributions_are_the_newest_public_ones(client, blocks_page, area):
    partner = public_partner(name="Latest Partner", slug="latest-partner")
    for day, title in [(1, "Newest but one"), (5, "Newest"), (2, "Third newest")]:
        public_contribution(partner=partner, title=title, signed_date=datetime.date(2099, 1, day))
    public_contribution(partner=partner, title="Older", signed_date=datetime.date(2098, 1, 1))
    ContributionFactory(partner=partner, title="HIDDEN draft", signed_date=datetime.date(2099, 12, 31))
    for record in non_public_records(area):
        Contribution.objects.filter(pk=record.pk).update(signed_date=datetime.date(2099, 12, 30))

    block = get(client, "en").select_one(".latest-contributions")
    assert [item.h3.text.strip() for item in block.select(".contribution-list__item")] == [
        "Newest",
        "Third newest",
        "Newest but one",
    ]
    first = block.select_one(".contribution-list__item")
    assert first.select_one("a[href='/en/partners/latest-partner/'] bdi").text == "Latest Partner"
    assert "€250,000" in first.text
    assert block.select_one(".record-block__more a")["href"] == "/en/contributions/"
    assert "HIDDEN" not in str(block)


def test_latest_contributions_in_arabic(client, blocks_page):
    partner = public_partner()
    newest = public_contribution(partner=partner, title="Newest", signed_date=datetime.date(2099, 1, 5))
    public_contribution(partner=partner, title="Untranslated", signed_date=datetime.date(2099, 1, 4))
    translate(newest, "ar", live=True, title="الأحدث")
    items = get(client, "ar").select(".latest-contributions .contribution-list__item")
    assert items[0].h3.text.strip() == "الأحدث"
    assert items[1].select_one("h3 [lang=en]").text == "Untranslated"
    assert "٢٥٠٬٠٠٠" in items[0].text


# Constant queries --------------------------------------------------------------------------------


def add_records(area, partners, contributions_each):
    for _ in range(partners):
        partner = in_area(public_partner())
        for _ in range(contributions_each):
            ContributionFactory(partner=partner, live=True)


@pytest.mark.parametrize(
    "block, value",
    [
        (ProgrammeFiguresBlock(), {"heading": "Figures"}),
        (AreaPartnersBlock(), {"heading": "Area", "area": AREA_SLUG, "limit": 6}),
        (LatestContributionsBlock(), {"heading": "Latest", "number": 5}),
    ],
)
@pytest.mark.parametrize("code", ["en", "ar"])
def test_each_block_renders_with_a_constant_number_of_queries(area, block, value, code):
    index_page(PartnerIndexPage)
    index_page(ContributionIndexPage)
    add_records(area, partners=2, contributions_each=2)
    render(block, value, code)
    with CaptureQueriesContext(connection) as few:
        render(block, value, code)
    add_records(area, partners=20, contributions_each=5)
    with CaptureQueriesContext(connection) as many:
        render(block, value, code)
    assert len(many) == len(few) <= 7


def test_the_page_with_all_three_blocks_keeps_its_query_count(client, blocks_page, area):
    def count():
        client.get("/en/record-blocks-test/")
        with CaptureQueriesContext(connection) as queries:
            client.get("/en/record-blocks-test/")
        return len(queries)

    add_records(area, partners=2, contributions_each=2)
    few = count()
    add_records(area, partners=20, contributions_each=5)
    assert count() == few


# Definitions -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, shown",
    [
        ("programme_figures", "1"),
        ("area_partners", "Preview Partner"),
        ("latest_contributions", "Preview contribution"),
    ],
)
def test_blocks_are_offered_on_every_page_body_with_template_icon_description_and_preview(name, shown):
    block = BaseStreamBlock().child_blocks[name]
    assert block.meta.template.startswith("components/")
    assert block.meta.icon and block.meta.description
    preview = block.get_preview_value()
    # Records for the preview to show (its area is one the demo has).
    area = CooperationAreaFactory(slug=preview.get("area") or "preview-area", name="Preview area")
    partner = tag(public_partner(name="Preview Partner"), area)
    public_contribution(partner=partner, title="Preview contribution")
    html = render(block, block.get_prep_value(preview))
    assert preview["heading"] in html.h2.text
    assert shown in [item.text.strip() for item in html.select(".stat__figure, .card h3 bdi, h3")]
