"""The register as a research tool: keyword search (accent- and case-blind, over title, purpose,
reference and partner name, in the reader's language too), every filter, sort orders, numbered pages,
bad input answered with a notice, the same answer to a page past the end on every list page, and a
constant number of queries with a keyword search."""

import datetime
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup

from home.models import ContentPage
from partnerships import register
from partnerships.models import (
    Contribution,
    ContributionIndexPage,
    ContributionStatus,
    ContributionType,
    EndReason,
    PartnerIndexPage,
    PartnerType,
)
from tests.directory_helpers import bulk_public_contributions
from tests.factories import (
    LANGUAGES,
    CooperationAreaFactory,
    public_contribution,
    public_partner,
)
from tests.pages_helpers import update_in_languages
from tests.query_helpers import PAGE_QUERY_BUDGET, page_queries
from tests.register_helpers import (
    REGISTER_QUERIES,
    index_page,
    non_public_records,
    tag,
)
from tests.site import translated_page

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def references(response):
    return [row.select_one("td bdi").text for row in soup(response).select(".register-table tbody tr")]


def notices(response):
    return [" ".join(notice.text.split()) for notice in soup(response).select(".notice--warning")]


def get(client, code, query=""):
    return client.get(f"/{code}/contributions/{query}", HTTP_ACCEPT_LANGUAGE=code, follow=True)


@pytest.fixture
def pages():
    index_page(PartnerIndexPage)
    return index_page(ContributionIndexPage)


@pytest.fixture
def world(pages):
    """Three public contributions of two partners, in two areas, three years, two currencies and
    every status group, translated into French, Spanish and Arabic; and records that must never show."""
    solar = CooperationAreaFactory(slug="research-solar", name="Solar")
    water = CooperationAreaFactory(slug="research-water", name="Water")
    energie = public_partner(name="Énergie Solaire SA", slug="energie-solaire", country="FR")
    agua = public_partner(
        name="Água Limpa", slug="agua-limpa", country="BR", partner_type=PartnerType.NGO_NONPROFIT
    )
    panels = public_contribution(
        partner=energie,
        reference="RES-001",
        title="Solar panels for clinics",
        purpose="Photovoltaïque installation on twelve roofs.",
        status=ContributionStatus.IN_DELIVERY,
        signed_date=datetime.date(2023, 5, 1),
        translations={
            "fr": {"title": "Panneaux solaires pour dispensaires", "purpose": "Installation photovoltaïque."},
            "es": {"title": "Paneles solares para clínicas", "purpose": "Instalación fotovoltaica."},
            "ar": {"title": "ألواح شمسية للعيادات", "purpose": "تركيب ألواح."},
        },
    )
    wells = public_contribution(
        partner=agua,
        reference="RES-002",
        title="Clean water wells",
        purpose="Drilling in the northern districts.",
        status=ContributionStatus.PLEDGED,
        currency="USD",
        amount=Decimal("50000"),
        signed_date=datetime.date(2024, 2, 1),
        translations={
            "fr": {"title": "Puits d'eau potable", "purpose": "Forages dans le nord."},
            "es": {"title": "Pozos de agua potable", "purpose": "Perforaciones en el norte."},
            "ar": {"title": "آبار مياه نظيفة", "purpose": "حفر في الشمال."},
        },
    )
    training = public_contribution(
        partner=energie,
        reference="RES-003",
        title="Technician training",
        purpose="Cancelled before it began.",
        contribution_type=ContributionType.FINANCIAL_UNEARMARKED,
        status=ContributionStatus.CANCELLED,
        end_reason=EndReason.NO_LONGER_NEEDED,
        amount=Decimal("10000"),
        signed_date=datetime.date(2025, 1, 10),
        translations={
            "fr": {"title": "Formation de techniciens", "purpose": "Annulée."},
            "es": {"title": "Formación de técnicos", "purpose": "Cancelada."},
            "ar": {"title": "تدريب الفنيين", "purpose": "ألغيت."},
        },
    )
    tag(panels, solar), tag(training, solar), tag(wells, water)
    non_public_records(solar, title_prefix="Solar hidden")
    return {"energie": energie, "agua": agua}


# Keyword search ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "words, expected",
    [
        ("solar", ["RES-001"]),  # the title ("Solaire" does not contain "solar")
        ("SOLAIRE", ["RES-003", "RES-001"]),  # the partner's name, any case
        ("energie", ["RES-003", "RES-001"]),  # "Énergie" without its accent
        ("agua", ["RES-002"]),  # "Água"
        ("photovoltaique", ["RES-001"]),  # the purpose, accent-blind
        ("res-002", ["RES-002"]),  # the reference
        ("wells  CLEAN", ["RES-002"]),  # every word, in any order
        ("wells solar", []),
    ],
)
def test_the_keyword_search_is_accent_and_case_blind(client, world, words, expected):
    response = get(client, "en", f"?q={words}")
    assert response.status_code == 200
    assert references(response) == expected


@pytest.mark.parametrize(
    "code, words, expected",
    [
        ("fr", "dispensaires", ["RES-001"]),
        ("fr", "PUITS", ["RES-002"]),
        ("fr", "clinics", ["RES-001"]),  # the English text is searched too
        ("es", "clinicas", ["RES-001"]),  # "clínicas"
        ("es", "tecnicos", ["RES-003"]),
        ("ar", "آبار", ["RES-002"]),
        ("ar", "energie", ["RES-003", "RES-001"]),  # the partner's name, in every language
    ],
)
def test_the_keyword_search_reads_the_reader_language(client, world, code, words, expected):
    assert references(get(client, code, f"?q={words}")) == expected


def test_a_translation_in_another_language_is_not_searched(client, world):
    assert references(get(client, "en", "?q=puits")) == []
    assert references(get(client, "es", "?q=puits")) == []


def test_renaming_a_partner_renews_the_search(client, world):
    partner = world["agua"]
    partner.name = "Aqua Nova"
    partner.save_revision().publish()
    assert references(get(client, "en", "?q=nova")) == ["RES-002"]
    assert references(get(client, "en", "?q=limpa")) == []


def test_a_draft_edit_is_not_searched_before_it_is_published(client, world):
    draft = Contribution.objects.get(reference="RES-002", locale__language_code="en")
    draft.title = "Secret draft title"
    draft.save_revision()
    assert references(get(client, "en", "?q=secret")) == []
    assert references(get(client, "en", "?q=wells")) == ["RES-002"]


# Filters and sort orders -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query, expected",
    [
        ("partner=energie-solaire", ["RES-003", "RES-001"]),
        ("year=2024", ["RES-002"]),
        ("status_group=committed", ["RES-001"]),
        ("status_group=pledged", ["RES-002"]),
        ("status_group=not_counted", ["RES-003"]),
        ("status=cancelled", ["RES-003"]),
        ("type=financial_unearmarked", ["RES-003"]),
        ("area=research-water", ["RES-002"]),
        ("currency=USD", ["RES-002"]),
        ("country=BR", ["RES-002"]),
        ("sector=for_profit", ["RES-003", "RES-001"]),
        ("partner_type=ngo_nonprofit", ["RES-002"]),
    ],
)
@pytest.mark.parametrize("code", LANGUAGES)
def test_each_filter_narrows_the_register(client, world, code, query, expected):
    response = get(client, code, f"?{query}")
    assert response.status_code == 200
    assert notices(response) == []
    assert references(response) == expected


@pytest.mark.parametrize(
    "sort, expected",
    [
        ("", ["RES-003", "RES-002", "RES-001"]),
        ("newest", ["RES-003", "RES-002", "RES-001"]),
        ("oldest", ["RES-001", "RES-002", "RES-003"]),
        ("partner", ["RES-002", "RES-001", "RES-003"]),  # Água, then Énergie (accent-blind: A < E)
        ("partner-desc", ["RES-001", "RES-003", "RES-002"]),
        # In euros: 250,000 and 10,000; the dollars have no exchange rate here, so no value: last.
        ("value-high", ["RES-001", "RES-003", "RES-002"]),
        ("value-low", ["RES-003", "RES-001", "RES-002"]),
    ],
)
def test_the_sort_orders(client, world, sort, expected):
    response = get(client, "en", f"?sort={sort}" if sort else "")
    assert references(response) == expected


@pytest.mark.parametrize("code", LANGUAGES)
def test_search_filters_and_sort_together_in_every_language(client, world, code):
    response = get(client, code, "?q=energie&area=research-solar&status_group=not_counted&sort=oldest")
    assert response.redirect_chain == [
        (f"/{code}/contributions/?q=energie&status_group=not_counted&area=research-solar&sort=oldest", 302)
    ]
    assert references(response) == ["RES-003"]
    page = soup(response)
    form = page.select_one("form.filters")
    assert form.select_one("input[name=q]")["value"] == "energie"
    assert form.select_one("select[name=sort] option[selected]")["value"] == "oldest"
    links = {link["hreflang"]: link["href"] for link in page.select(".language-selector a[hreflang]")}
    other = "ar" if code != "ar" else "en"
    assert links[other] == (
        f"/{other}/contributions/?q=energie&status_group=not_counted&area=research-solar&sort=oldest"
    )


def test_the_filter_form_offers_the_partners_and_countries_present(client, world):
    form = soup(get(client, "fr", "")).select_one("form.filters")
    partners = [(option["value"], option.text) for option in form.select("select[name=partner] option")]
    assert partners[1:] == [("agua-limpa", "Água Limpa"), ("energie-solaire", "Énergie Solaire SA")]
    countries = [option["value"] for option in form.select("select[name=country] option")]
    assert countries == ["", "BR", "FR"]
    assert form.select_one("select[name=sort]") is not None
    assert form.select_one("label[for=filter-q]") is not None


# Bad input ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query, said",
    [
        ("sort=unknown", "Sort by"),
        ("year=abcd", "Year signed"),
        ("year=99999", "Year signed"),
        ("partner=no-such-partner", "Partner"),
        ("status_group=everything", "Counted as"),
        ("country=ZZ", "Partner's country"),
    ],
)
@pytest.mark.parametrize("code", ["en", "ar"])
def test_a_bad_value_shows_the_unfiltered_register_with_a_notice(client, world, code, query, said):
    response = get(client, code, f"?{query}")
    assert response.status_code == 200
    assert references(response) == ["RES-003", "RES-002", "RES-001"]
    assert len(notices(response)) == 1
    if code == "en":
        assert said in notices(response)[0]


def test_an_empty_value_redirects_to_the_clean_address(client, world):
    response = get(client, "en", "?status=&year=2024")
    assert response.redirect_chain == [("/en/contributions/?year=2024", 302)]
    assert references(response) == ["RES-002"]


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_repeated_parameter_keeps_its_first_value_and_says_so(client, world, code):
    response = get(client, code, "?year=2024&year=2023&partner=agua-limpa&partner=energie-solaire")
    assert response.status_code == 200
    assert references(response) == ["RES-002"]
    assert len(notices(response)) == 2
    if code == "en":
        assert notices(response) == [
            "“Partner” was given more than once, so only its first value was used.",
            "“Year signed” was given more than once, so only its first value was used.",
        ]


def test_a_very_long_search_is_cut_with_a_notice(client, world):
    response = get(client, "en", "?q=" + "wells " + "x" * 10000)
    assert response.status_code == 200
    assert notices(response) == [
        "Your search text was longer than 200 characters, so only the first 200 were used."
    ]
    assert references(response) == []
    assert len(soup(response).select_one("input[name=q]")["value"]) <= 200


# Pagination --------------------------------------------------------------------------------------


def test_numbered_pages_with_first_previous_next_and_last(client, pages):
    partner = public_partner(slug="paging-partner")
    bulk_public_contributions(partner, register.PER_PAGE * 7 + 1, prefix="PAGED")
    page = soup(get(client, "en", "?partner=paging-partner&page=4"))
    nav = page.select_one("nav.pagination")
    links = {link.text.strip(): link["href"] for link in nav.select("a")}
    base = "/en/contributions/?partner=paging-partner"
    assert links["First"] == base
    assert links["Previous"] == base + "&page=3"
    assert links["Next"] == base + "&page=5"
    assert links["Last"] == base + "&page=8"
    numbers = [item.text.strip() for item in nav.select("li:not(.pagination__step)")]
    assert numbers == ["1", "2", "3", "4", "5", "6", "…", "8"]
    assert nav.select_one("[aria-current=page]").text == "4"
    first = soup(get(client, "en", "?partner=paging-partner")).select_one("nav.pagination")
    assert {link.text.strip() for link in first.select("a")} == {"2", "3", "…", "8", "Next", "Last"} - {"…"}


@pytest.fixture
def long_lists(pages):
    """More than one page on every list page: the register, the directory, updates and search."""
    partner = public_partner(name="Xylo Partner", slug="xylo-partner")
    bulk_public_contributions(partner, register.PER_PAGE + 1, prefix="LONG")
    for number in range(25):
        public_partner(name=f"Xylo {number:02d}", slug=f"xylo-{number:02d}")
    for number in range(11):
        update_in_languages(
            f"paged-{number}",
            datetime.date(2030, 1, 1 + number),
            {"en": f"Update {number}", "fr": f"Nouvelle {number}"},
        )


@pytest.mark.parametrize(
    "url, last",
    [
        ("/{code}/contributions/?page=9", "/{code}/contributions/?page=2"),
        ("/{code}/partners/?page=9", "/{code}/partners/?page=2"),
        ("/{code}/updates/?page=9", "/{code}/updates/?page=2"),
        ("/{code}/search/?q=xylo&kind=partners&page=9", "/{code}/search/?q=xylo&kind=partners&page=3"),
        ("/{code}/search/?q=xylo&page=2", "/{code}/search/?q=xylo"),
    ],
)
@pytest.mark.parametrize("code", ["en", "fr"])
def test_a_page_past_the_end_links_to_the_last_page_on_every_list_page(client, long_lists, code, url, last):
    response = client.get(url.format(code=code), HTTP_ACCEPT_LANGUAGE=code)
    assert response.status_code == 404
    page = soup(response)
    assert page.html["lang"] == code
    link = page.select_one(f"main a[href='{last.format(code=code)}']")
    assert link is not None
    if code == "en":
        assert page.select_one("h1").text == "There is no such page of results"
        assert link.text == "Go to the last page"


def test_an_unknown_address_still_gets_the_usual_not_found_page(client, pages):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert soup(response).select_one("h1").text == "Page not found"


# Queries -----------------------------------------------------------------------------------------


def count_queries(client, url, code):
    return page_queries(client, url, HTTP_ACCEPT_LANGUAGE=code)[0]


# As tests/partnerships/test_register.py: what the register adds to a plain page's queries.


@pytest.mark.parametrize("code", ["en", "ar"])
def test_a_keyword_search_costs_the_same_queries_for_5_or_200_contributions(client, pages, code):
    translated_page(ContentPage, slug="plain-text", titles={"en": "Plain text", "ar": "نص عادي"})
    partner = public_partner(name="Bulk Énergie", slug="bulk-energie")
    urls = [
        f"/{code}/contributions/?q=energie",
        f"/{code}/contributions/?q=CONTRIBUTION&partner=bulk-energie&year=2024&sort=partner-desc",
    ]
    bulk_public_contributions(partner, 5, prefix="FEW", translate_to="ar")
    few = [count_queries(client, url, code) for url in urls]
    bulk_public_contributions(partner, 200, prefix="MANY", translate_to="ar")
    many = [count_queries(client, url, code) for url in urls]
    assert many == few
    # Both searches match every contribution (the partner's name, the titles): full pages of rows.
    for url in urls:
        assert len(references(client.get(url, HTTP_ACCEPT_LANGUAGE=code))) == register.PER_PAGE
    baseline = count_queries(client, f"/{code}/plain-text/", code)
    assert max(many) - baseline <= REGISTER_QUERIES[code], (many, baseline)
    assert max(many) <= PAGE_QUERY_BUDGET
