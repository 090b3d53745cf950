"""/<lang>/search/: pages, public partners and public contributions, in the reader's language."""

import pytest
from bs4 import BeautifulSoup

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.search import index

from partnerships.models import ReviewDecision
from tests.directory_helpers import (
    bulk_public_partners,
    directory_pages,
    public_contribution_of,
    public_partner_in,
    translate_contribution,
    translate_partner,
)
from tests.factories import ContributionFactory, PartnerFactory, ReviewFactory
from tests.pages_helpers import PROGRAMME, PROGRAMME_URLS, programme_page

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def group(page, kind):
    """The result titles under one kind of result ("pages", "partners", "contributions")."""
    section = page.select_one(f'section[aria-labelledby="results-{kind}"]')
    return [" ".join(h3.get_text().split()) for h3 in section.select("h3")] if section else []


@pytest.fixture
def records():
    directory_pages()
    zorbix = public_partner_in(
        name="Zorbix Forensics",
        slug="zorbix-forensics",
        summary="Zorbix lends spectrometers to laboratories.",
    )
    contribution = public_contribution_of(
        zorbix, reference="SRCH-001", title="Zorbix spectrometer loan", purpose="Spectrometers."
    )
    # Never public, though every save is indexed.
    draft = PartnerFactory(name="Zorbix Draftco", summary="Zorbix draft.")
    ReviewFactory(partner=draft)
    rejected = public_partner_in(name="Zorbix Rejectco", summary="Zorbix rejected.")
    public_contribution_of(rejected, reference="SRCH-R1", title="Zorbix rejected gift")
    ReviewFactory(partner=rejected, decision=ReviewDecision.REJECTED, decided_on="2025-06-01")
    withdrawn = public_partner_in(name="Zorbix Withdrawnco", summary="Zorbix withdrawn.")
    public_contribution_of(withdrawn, reference="SRCH-W1", title="Zorbix withdrawn gift")
    withdrawn.unpublish()
    ContributionFactory(partner=zorbix, reference="SRCH-D1", title="Zorbix draft gift")
    return {"zorbix": zorbix, "contribution": contribution}


def test_search_finds_public_partners_and_contributions_grouped_by_kind(client, records):
    response = client.get("/en/search/?q=zorbix")
    assert response.status_code == 200
    page = soup(response)
    assert group(page, "partners") == ["Zorbix Forensics"]
    assert group(page, "contributions") == ["Zorbix spectrometer loan"]
    assert page.select_one('section[aria-labelledby="results-partners"] a')["href"] == (
        "/en/partners/zorbix-forensics/"
    )
    assert page.select_one('section[aria-labelledby="results-contributions"] a')["href"] == (
        "/en/contributions/srch-001/"
    )


def test_search_still_finds_pages(client):
    programme_page(introduction="How the programme keeps its partnerships transparent.")
    page = soup(client.get("/en/search/?q=transparent"))
    assert group(page, "pages") == [PROGRAMME["en"]["title"]]
    assert page.select_one('section[aria-labelledby="results-pages"] a')["href"] == PROGRAMME_URLS["en"]


@pytest.mark.parametrize("code", ["en", "fr", "ar"])
def test_hidden_records_and_internal_fields_never_appear_in_search(client, records, code):
    for query in [
        "zorbix",
        "Draftco",
        "Rejectco",
        "Withdrawnco",
        "rejected",
        "withdrawn",
        "gift",
        "INTERNAL",
    ]:
        page = soup(client.get(f"/{code}/search/", {"q": query}))
        results = " ".join(section.get_text(" ") for section in page.select("section.search-group"))
        for secret in ["Draftco", "Rejectco", "Withdrawnco", "rejected gift", "withdrawn gift", "draft gift"]:
            assert secret not in results, (query, secret)
        assert "INTERNAL-" not in page.decode()
    page = soup(client.get(f"/{code}/search/", {"q": "zorbix"}))
    assert group(page, "partners") == ["Zorbix Forensics"]
    assert group(page, "contributions") == ["Zorbix spectrometer loan"]


def test_a_french_reader_searches_the_french_text(client, records):
    translate_partner(records["zorbix"], "fr", summary="Zorbix prête des spectromètres aux laboratoires.")
    translate_contribution(records["contribution"], "fr", title="Prêt de spectromètre Zorbix")
    page = soup(client.get("/fr/search/?q=spectromètres"))
    assert group(page, "partners") == ["Zorbix Forensics"]
    summary = page.select_one('section[aria-labelledby="results-partners"] li p:not(.search-results__meta)')
    assert summary.get_text() == "Zorbix prête des spectromètres aux laboratoires." and not summary.get(
        "lang"
    )
    page = soup(client.get("/fr/search/?q=zorbix"))
    assert group(page, "contributions") == ["Prêt de spectromètre Zorbix"]
    # The English text of a translated record is not what a French reader sees, so it does not match.
    assert group(soup(client.get("/fr/search/?q=lends")), "partners") == []


def test_an_untranslated_record_is_found_in_english_and_marked_as_english(client, records):
    page = soup(client.get("/ar/search/?q=spectrometers"))
    assert group(page, "partners") == ["Zorbix Forensics"]
    summary = page.select_one('section[aria-labelledby="results-partners"] p[lang]')
    assert summary["lang"] == "en" and summary["dir"] == "ltr"


def test_a_draft_translation_is_not_searched(client, records):
    translate_partner(records["zorbix"], "fr", summary="Brouillonmot secret.", live=False)
    assert group(soup(client.get("/fr/search/?q=brouillonmot")), "partners") == []


def test_all_results_of_one_kind_page_by_page(client, records):
    for partner in bulk_public_partners(12, prefix="Xyloquartz"):
        index.insert_or_update_object(partner)  # bulk inserts send no signal to the search index
    page = soup(client.get("/en/search/?q=xyloquartz"))
    assert len(group(page, "partners")) == 5
    more = page.select_one('section[aria-labelledby="results-partners"] a[href*="kind=partners"]')
    assert more
    page = soup(client.get("/en/search/?q=xyloquartz&kind=partners"))
    assert len(group(page, "partners")) == 10
    assert group(page, "pages") == [] and group(page, "contributions") == []
    page = soup(client.get("/en/search/?q=xyloquartz&kind=partners&page=2"))
    assert len(group(page, "partners")) == 2
    assert client.get("/en/search/?q=xyloquartz&kind=partners&page=3").status_code == 404


@pytest.mark.parametrize(
    "query,notice",
    [
        ({"q": "x" * 10_000}, "200 characters"),
        ({"q": "zorbix", "kind": "<script>"}, "Kind of result"),
        ({"q": "zorbix", "page": "abc"}, "page number was not valid"),
        ({"q": "zorbix", "kind": "partners", "page": "abc"}, "page number was not valid"),
        ({"q": '"'}, "no words"),
        ({"q": "***"}, "no words"),
    ],
)
def test_bad_search_input_is_ignored_and_said(client, records, query, notice):
    response = client.get("/en/search/", query)
    assert response.status_code == 200
    notices = " ".join(p.get_text() for p in soup(response).select(".notice"))
    assert notice in notices
    assert "<script>" not in response.content.decode()


@pytest.mark.parametrize("query", ['zorbix "forensics', "zorbix*", "-zorbix", "(zorbix)", "zorbix'"])
def test_search_syntax_characters_are_read_as_plain_words(client, records, query):
    response = client.get("/en/search/", {"q": query})
    assert response.status_code == 200
    assert group(soup(response), "partners") == ["Zorbix Forensics"]


@pytest.mark.parametrize("query", ["zorbix) OR (x", "NEAR(zorbix", 'a"b', "AND", "\\", "%", "_"])
def test_search_syntax_characters_never_break_the_search(client, records, query):
    assert client.get("/en/search/", {"q": query}).status_code == 200


@pytest.mark.parametrize(
    "query", [{"q": "zorbix", "page": "99999"}, {"q": "zorbix", "kind": "pages", "page": "99"}]
)
def test_a_results_page_past_the_end_is_not_found(client, records, query):
    assert client.get("/en/search/", query).status_code == 404


@pytest.mark.skipif(
    connection.vendor != "sqlite", reason="the cost is that of Wagtail's SQLite search backend"
)
def test_on_sqlite_records_are_not_scored_one_full_text_query_each(client, records):
    """Wagtail's SQLite backend scores each hit with a correlated full-text query: a word found in
    every record of a large register took minutes. There the records come unranked."""
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/en/search/?q=zorbix").status_code == 200
    record_searches = [
        query["sql"]
        for query in captured.captured_queries
        if query["sql"].startswith(('SELECT "partnerships_partner"', 'SELECT "partnerships_contribution"'))
        and "MATCH" in query["sql"].upper()
    ]
    assert len(record_searches) == 2
    assert not [sql for sql in record_searches if "_score" in sql]
