"""Search that understands the languages: the directory's name filter, the register's keywords and
site search ignore case and accents, and Arabic spelling variants and the article, on real phrases of
the demo content; results mark the words found, say their kind and language, and an empty search
suggests browsing the records."""

import pytest
from bs4 import BeautifulSoup

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from wagtail.search import index

from home.demo.areas import AREAS
from home.demo.pages import PROGRAMME_PAGES
from home.demo.partners import PARTNERS
from home.models import ContentPage
from tests.directory_helpers import (
    bulk_public_partners,
    directory_pages,
    public_contribution_of,
    public_partner_in,
    translate_contribution,
    translate_partner,
)
from tests.pages_helpers import page_in_languages, update_in_languages

pytestmark = pytest.mark.django_db

# "رابطة يونانية لشركات التأمين البحري تتقاسم بيانات الخسائر والقرصنة …": the Aegean underwriters.
UNDERWRITERS = next(partner for partner in PARTNERS if partner["slug"] == "aegean-underwriters-association")
# "Seguridad marítima", "الأمن البحري".
MARITIME_SECURITY = next(area for area in AREAS if area["slug"] == "maritime-security")["name"]
# "برنامج التعاون", introduced by "نعمل مع المنظمات الربحية وغير الربحية على تبادل المعارف …".
PROGRAMME = PROGRAMME_PAGES[0]
PARTNER_URL = "/{code}/partners/aegean-underwriters/"
CONTRIBUTION_URL = "/{code}/contributions/aeg-001/"


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def links(client, url, query):
    page = soup(client.get(url, {"q": query}, follow=True))
    return {a["href"] for a in page.select("main a[href]")}


@pytest.fixture
def underwriters():
    """The demo's underwriters as a public partner in English, Spanish ("… aseguradoras marítimas …")
    and Arabic, with a contribution titled after its cooperation area."""
    directory_pages()
    partner = public_partner_in(
        name=UNDERWRITERS["name"], slug="aegean-underwriters", summary=UNDERWRITERS["summary"].en
    )
    translate_partner(partner, "es", summary=UNDERWRITERS["summary"].es, live=True)
    translate_partner(partner, "ar", summary=UNDERWRITERS["summary"].ar, live=True)
    contribution = public_contribution_of(
        partner, reference="AEG-001", title=MARITIME_SECURITY.en, purpose="Piracy data."
    )
    translate_contribution(contribution, "es", title=MARITIME_SECURITY.es)
    translate_contribution(contribution, "ar", title=MARITIME_SECURITY.ar)
    return partner


def test_the_demo_texts_are_what_these_tests_say():
    assert "marítimas" in UNDERWRITERS["summary"].es
    assert "التأمين" in UNDERWRITERS["summary"].ar and "الخسائر" in UNDERWRITERS["summary"].ar
    assert MARITIME_SECURITY.ar == "الأمن البحري" and MARITIME_SECURITY.es == "Seguridad marítima"


@pytest.mark.parametrize(
    "code,query",
    [
        ("es", "maritimas"),
        ("es", "MARÍTIMAS"),
        ("en", "aegean UNDERWRITERS"),
        ("en", "underwriters' association"),
        ("ar", "التأمين"),
        ("ar", "التامين"),  # no hamza
        ("ar", "تأمين"),  # no article
        ("ar", "بالتأمين"),  # a preposition fused with the article
        ("ar", "الخساير"),  # hamza on yaa typed as yaa
        ("ar", "رابطه يونانيه"),  # taa marbuta typed as haa
        ("ar", "القَرْصَنَة"),  # with harakat
    ],
)
def test_the_directory_name_filter_ignores_case_accents_and_arabic_variants(
    client, underwriters, code, query
):
    assert PARTNER_URL.format(code=code) in links(client, f"/{code}/partners/", query)


@pytest.mark.parametrize("code,query", [("es", "maritimos"), ("ar", "الأمن"), ("en", "aviation")])
def test_the_directory_name_filter_still_narrows(client, underwriters, code, query):
    assert PARTNER_URL.format(code=code) not in links(client, f"/{code}/partners/", query)


@pytest.mark.parametrize(
    "code,query",
    [
        ("es", "seguridad maritima"),
        ("es", "MARÍTIMA"),
        ("ar", "الأمن"),
        ("ar", "الامن"),  # no hamza
        ("ar", "أمن"),  # no article
        ("ar", "امن البحرى"),  # neither, and alef maqsura for yaa
        ("ar", "والأمن"),
        ("ar", "aeg-001"),
        ("ar", "٠٠١"),  # the reference in Arabic-Indic digits
    ],
)
def test_the_register_keywords_ignore_case_accents_and_arabic_variants(client, underwriters, code, query):
    assert CONTRIBUTION_URL.format(code=code) in links(client, f"/{code}/contributions/", query)


@pytest.mark.parametrize("code,query", [("es", "maritimos"), ("ar", "الأمن السيبراني")])
def test_the_register_keywords_still_narrow(client, underwriters, code, query):
    assert CONTRIBUTION_URL.format(code=code) not in links(client, f"/{code}/contributions/", query)


def test_the_open_data_api_filters_the_same_way(client, underwriters):
    partners = client.get("/api/partners/", {"q": "التامين", "lang": "ar"}).json()["results"]
    contributions = client.get("/api/contributions/", {"q": "امن", "lang": "ar"}).json()["results"]
    assert [record["name"] for record in partners] == [UNDERWRITERS["name"]]
    assert [record["reference"] for record in contributions] == ["AEG-001"]
    assert client.get("/api/partners/", {"q": "maritimas", "lang": "ar"}).json()["results"] == []


def search(client, code, query, **params):
    return soup(client.get(f"/{code}/search/", {"q": query, **params}))


def result_links(page, kind):
    section = page.select_one(f'section[aria-labelledby="results-{kind}"]')
    return [a["href"] for a in section.select("h3 a")] if section else []


@pytest.fixture
def programme():
    texts = {
        code: {
            "title": PROGRAMME["title"].in_language(code),
            "slug": f"programme-{code}",
            "introduction": PROGRAMME["introduction"].in_language(code),
        }
        for code in ("en", "ar")
    }
    return page_in_languages(ContentPage, texts=texts)


@pytest.mark.parametrize(
    "code,query,kind,url",
    [
        ("es", "maritimas", "partners", PARTNER_URL),
        ("es", "SEGURIDAD MARITIMA", "contributions", CONTRIBUTION_URL),
        ("ar", "التامين", "partners", PARTNER_URL),
        ("ar", "تأمين", "partners", PARTNER_URL),
        ("ar", "الأمن", "contributions", CONTRIBUTION_URL),
        ("ar", "الامن", "contributions", CONTRIBUTION_URL),
        ("ar", "أمن", "contributions", CONTRIBUTION_URL),
        ("ar", "البحرى", "contributions", CONTRIBUTION_URL),
        ("ar", "تعاون", "pages", "/ar/programme-ar/"),  # "برنامج التعاون"
        ("ar", "المنظمات الربحيه", "pages", "/ar/programme-ar/"),
    ],
)
def test_site_search_ignores_case_accents_and_arabic_variants(
    client, underwriters, programme, code, query, kind, url
):
    assert result_links(search(client, code, query), kind) == [url.format(code=code)]


def test_site_search_marks_the_words_found(client, underwriters):
    page = search(client, "ar", "الامن")
    title = page.select_one('section[aria-labelledby="results-contributions"] h3')
    assert [mark.get_text() for mark in title.select("mark")] == ["الأمن"]
    page = search(client, "es", "maritimas")
    summary = page.select_one('section[aria-labelledby="results-partners"] li > p:not([class])')
    assert [mark.get_text() for mark in summary.select("mark")] == ["marítimas", "marítimas"]


def test_marking_the_words_found_escapes_the_text_and_the_query(client):
    directory_pages()
    public_partner_in(name="Zeta <b>Bold</b> Labs", slug="zeta", summary='Zeta <script>alert("x")</script>.')
    response = client.get("/en/search/", {"q": "<script>zeta bold</script>"})
    html = response.content.decode()
    assert "<script>alert" not in html and "<b>Bold" not in html
    assert "<mark>Zeta</mark> &lt;b&gt;<mark>Bold</mark>&lt;/b&gt; Labs" in html
    assert "<mark>Zeta</mark> &lt;<mark>script</mark>&gt;alert(&quot;x&quot;)" in html
    assert "<script>zeta" not in html


def test_each_result_says_its_kind_and_language(client, underwriters, programme):
    update_in_languages("aegean-news", "2025-05-01", {"en": "Aegean news"})
    page = search(client, "en", "aegean")
    kinds = {
        kind: [
            " ".join(p.get_text().split())
            for p in page.select(f'[aria-labelledby="results-{kind}"] .search-results__kind')
        ]
        for kind in ("pages", "partners", "contributions")
    }
    assert kinds == {
        "pages": ["Update Language: English"],
        "partners": ["Partner Language: English"],
        "contributions": ["Contribution Language: English"],
    }
    page = search(client, "ar", "التامين")
    assert [" ".join(p.get_text().split()) for p in page.select(".search-results__kind")] == [
        "شريك اللغة: العربية"
    ]
    # Untranslated into French: found, and said to be in English.
    page = search(client, "fr", "underwriters")
    with translation.override("fr"):
        english = translation.get_language_info("en")["name_translated"]
    assert (
        " ".join(page.select_one(".search-results__kind").get_text().split())
        == f"Partenaire Langue : {english}"
    )


@pytest.mark.parametrize("code", ["en", "fr", "ar"])
def test_an_empty_search_suggests_browsing_the_records(client, code):
    directory_pages()
    page = search(client, code, "zzyzxnothing")
    suggestions = [a["href"] for a in page.select(".search-browse a")]
    assert suggestions == [f"/{code}/partners/", f"/{code}/contributions/"]


def count_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("code", ["en", "ar"])
def test_search_costs_the_same_queries_for_few_or_many_results(client, code):
    directory_pages()
    urls = [f"/{code}/search/?q=xylo", f"/{code}/search/?q=xylo&kind=partners", f"/{code}/search/?q=zzyzx"]
    for partner in bulk_public_partners(3, prefix="Xylo"):
        index.insert_or_update_object(partner)
    few = [count_queries(client, url) for url in urls]
    for partner in bulk_public_partners(30, prefix="Xylomany"):
        index.insert_or_update_object(partner)
    many = [count_queries(client, url) for url in urls]
    assert few == many
