"""The read-only API under /api/: public records only, the downloads' field names, the register's
counts and figures, strict parameters answered in JSON, no write method, CORS and caching, a valid
OpenAPI document and a constant number of queries."""

import datetime
import json
from decimal import Decimal

import pytest
import schemathesis

from django.db import connection
from django.http import QueryDict
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import get_resolver
from django.utils import timezone, translation

from partnerships import figures
from partnerships.models import Contribution, Partner, ReviewDecision
from partnerships.opendata import api, schema
from partnerships.opendata.selection import contribution_selection
from tests.directory_helpers import bulk_public_contributions
from tests.factories import (
    CooperationAreaFactory,
    PartnerFactory,
    ReviewFactory,
    public_contribution,
    public_partner,
    translate,
)
from tests.register_helpers import non_public_records, tag

pytestmark = pytest.mark.django_db

LIST_PATHS = ["/api/partners/", "/api/contributions/", "/api/cooperation-areas/"]
PATHS = [*LIST_PATHS, "/api/figures/", "/api/openapi.json"]


def get(client, url, **params):
    response = client.get(url, params)
    assert response["Content-Type"].startswith("application/json"), (url, response.status_code)
    return response.status_code, response.json()


@pytest.fixture
def planted():
    """Public records beside every kind of record that must stay off the API."""
    area = CooperationAreaFactory(slug="hidden-area", name="Hidden area")
    hidden = non_public_records(area)
    draft_partner = PartnerFactory(name="HIDDEN draft partner")
    rejected = public_partner(name="HIDDEN rejected partner")
    ReviewFactory(partner=rejected, decision=ReviewDecision.REJECTED, decided_on=datetime.date(2026, 1, 2))
    visible = public_contribution(
        title="Visible", reference="VIS-1", partner=public_partner(name="Visible partner")
    )
    translate(visible, "es", live=False, title="HIDDEN borrador")
    return {"hidden": hidden, "partners": [draft_partner, rejected], "visible": visible}


def test_only_public_records_on_every_endpoint(client, planted):
    hidden_ids = {str(record.translation_key) for record in planted["hidden"]}
    hidden_ids |= {str(partner.translation_key) for partner in planted["partners"]}
    everything = ""
    for lang in ("en", "es"):
        for url in LIST_PATHS + ["/api/figures/"]:
            status, body = get(client, url, lang=lang)
            assert status == 200
            everything += json.dumps(body)
    assert "HIDDEN" not in everything and "INTERNAL" not in everything
    assert not any(key in everything for key in hidden_ids)
    _status, body = get(client, "/api/contributions/")
    assert [row["title"] for row in body["results"]] == ["Visible"]
    _status, body = get(client, "/api/figures/")
    assert body["count"] == 1
    for record in planted["hidden"]:
        status, body = get(client, f"/api/contributions/{record.translation_key}")
        assert status == 404 and body["detail"]
    for partner in planted["partners"]:
        status, _body = get(client, f"/api/partners/{partner.translation_key}")
        assert status == 404
    status, body = get(client, f"/api/contributions/{planted['visible'].translation_key}")
    assert status == 200 and body["title"] == "Visible"
    status, body = get(client, f"/api/partners/{planted['visible'].partner.translation_key}")
    assert status == 200 and body["name"] == "Visible partner"


def test_field_names_and_types_are_the_downloads():
    area = CooperationAreaFactory(slug="cyber", name="Cyber")
    contribution = tag(public_contribution(reference="T-1", amount=Decimal("123456789012.10")), area)
    client = Client()
    _status, body = get(client, "/api/contributions/")
    (row,) = body["results"]
    assert list(row) == schema.CONTRIBUTIONS.column_names
    assert row["cooperation_areas"] == ["cyber"]
    assert row["id"] == str(contribution.translation_key)
    assert row["url"].startswith("http://localhost/en/contributions/")
    # A JSON number, written exactly: no float, no string.
    assert b'"amount":123456789012.10,' in client.get("/api/contributions/").content
    assert json.loads(client.get("/api/contributions/").content, parse_float=Decimal)["results"][0][
        "amount"
    ] == Decimal("123456789012.10")
    assert row["signed_date"] == "2025-03-01"
    assert row["first_published"].endswith("Z")
    _status, body = get(client, "/api/partners/")
    assert list(body["results"][0]) == schema.PARTNERS.column_names
    _status, body = get(client, "/api/cooperation-areas/")
    assert list(body["results"][0]) == schema.COOPERATION_AREAS.column_names


def test_the_openapi_document_is_valid_and_names_the_contracts_fields(client):
    status, document = get(client, "/api/openapi.json")
    assert status == 200
    # Validated against the OpenAPI 3.1 meta-schema, as schemathesis does before fuzzing.
    schemathesis.openapi.from_dict(document).validate()
    # The fuzzing (test_open_data_api_fuzz) reads the same document from the API object.
    assert json.loads(json.dumps(api.api.get_openapi_schema())) == document
    assert set(document["paths"]) == {
        "/api/partners/",
        "/api/partners/{id}",
        "/api/contributions/",
        "/api/contributions/{id}",
        "/api/cooperation-areas/",
        "/api/figures/",
    }
    assert all(set(operations) == {"get"} for operations in document["paths"].values())
    components = document["components"]["schemas"]
    for name, resource in [
        ("Partner", schema.PARTNERS),
        ("Contribution", schema.CONTRIBUTIONS),
        ("CooperationArea", schema.COOPERATION_AREAS),
    ]:
        properties = components[name]["properties"]
        assert list(properties) == resource.column_names
        with translation.override("en"):
            assert all(
                properties[column.name]["description"] == str(column.description)
                for column in resource.columns
            )
    parameters = {p["name"]: p for p in document["paths"]["/api/contributions/"]["get"]["parameters"]}
    assert set(parameters) >= {"lang", "limit", "offset", "changed_since", "type", "area", "sort"}
    assert parameters["lang"]["schema"]["enum"] == ["en", "fr", "es", "ar"]
    assert parameters["limit"]["schema"]["maximum"] == 500


def test_the_api_filters_are_the_pages_filters():
    from partnerships.filters import PartnerFilterForm
    from partnerships.register import RegisterFilterForm

    assert set(api.ContributionFilters.model_fields) == set(RegisterFilterForm.base_fields)
    assert set(api.PartnerFilters.model_fields) == set(PartnerFilterForm.base_fields)


@pytest.mark.parametrize(
    "params",
    ["", "type=financial_earmarked", "status_group=committed&sector=non_profit", "q=lab", "year=2025"],
)
def test_counts_and_figures_are_the_registers(client, params):
    public_contribution(reference="A-1", contribution_type="financial_earmarked", title="Lab kit")
    public_contribution(
        reference="A-2", contribution_type="financial_unearmarked", status="pledged", amount=Decimal("10.50")
    )
    public_contribution(
        reference="A-3",
        contribution_type="financial_earmarked",
        status="cancelled",
        end_reason="partner_withdrew",
    )
    query = QueryDict(params)
    selection = contribution_selection(query)
    totals = figures.compute_figures(selection.records)
    _status, listed = get(client, "/api/contributions/", **query.dict())
    assert listed["count"] == selection.records.count() == totals.count
    _status, body = get(client, "/api/figures/", **query.dict())
    assert body["count"] == totals.count
    assert Decimal(str(body["committed"]["value"])) == totals.committed.value
    assert body["committed"]["count"] == totals.committed.count
    assert body["pledged"]["count"] == totals.pledged.count
    assert [(row["key"], row["count"]) for row in body["by_type"]] == [
        (row.key, row.count) for row in totals.by_type
    ]
    assert [row["key"] for row in body["by_year"]] == [row.key for row in totals.by_year]


def test_the_language_asked_for_with_the_source_as_fallback(client):
    contribution = public_contribution(title="Forensic lab kit")
    translate(contribution, "fr", live=True, title="Kit de laboratoire")
    _status, body = get(client, "/api/contributions/", lang="fr")
    (row,) = body["results"]
    assert row["title"] == "Kit de laboratoire"
    assert "/fr/contributions/" in row["url"]
    _status, body = get(client, "/api/contributions/", lang="es")
    assert body["results"][0]["title"] == "Forensic lab kit"


def test_changed_since(client):
    old = public_contribution(reference="OLD-1")
    Contribution.objects.filter(pk=old.pk).update(
        last_published_at=timezone.now() - datetime.timedelta(days=30)
    )
    public_contribution(reference="NEW-1")
    since = (timezone.now() - datetime.timedelta(days=1)).date().isoformat()
    for value in (since, since + "T00:00:00Z", since + "T00:00"):
        _status, body = get(client, "/api/contributions/", changed_since=value)
        assert [row["reference"] for row in body["results"]] == ["NEW-1"], value
    _status, body = get(client, "/api/contributions/", changed_since="2000-01-01")
    assert body["count"] == 2


def test_pagination_with_next_and_previous(client):
    partner = public_partner(name="Many")
    bulk_public_contributions(partner, 7, prefix="P")
    _status, first = get(client, "/api/contributions/", limit="3", sort="oldest")
    assert first["count"] == 7 and len(first["results"]) == 3 and first["previous"] is None
    assert first["next"].startswith("http://localhost/api/contributions/?")
    assert "sort=oldest" in first["next"] and "offset=3" in first["next"]
    second = client.get(first["next"].removeprefix("http://localhost")).json()
    assert "offset=0" in second["previous"]
    last = get(client, "/api/contributions/", limit="3", offset="6", sort="oldest")[1]
    assert len(last["results"]) == 1 and last["next"] is None
    seen = [row["id"] for row in first["results"] + second["results"] + last["results"]]
    assert len(set(seen)) == 7
    assert get(client, "/api/contributions/", offset="100")[1]["results"] == []
    assert get(client, "/api/contributions/", offset=str(10**30))[1]["results"] == []


BAD = [
    ("/api/partners/", {"lang": "xx"}, 400, ["lang"]),
    ("/api/contributions/", {"changed_since": "yesterday"}, 400, ["changed_since"]),
    ("/api/contributions/", {"changed_since": "2026-02-30"}, 400, ["changed_since"]),
    ("/api/contributions/", {"limit": "-1"}, 400, ["limit"]),
    ("/api/contributions/", {"limit": "100000"}, 400, ["limit"]),
    ("/api/partners/", {"offset": "abc"}, 400, ["offset"]),
    ("/api/contributions/", {"colour": "blue"}, 400, ["colour"]),
    ("/api/contributions/", {"page": "2"}, 400, ["page"]),
    ("/api/contributions/", {"year": "abcd"}, 400, ["year"]),
    ("/api/contributions/", {"area": "nowhere"}, 400, ["area"]),
    ("/api/contributions/", {"type": "gift"}, 400, ["type"]),
    ("/api/partners/", {"country": "XX"}, 400, ["country"]),
    ("/api/partners/", {"q": "x" * 300}, 400, ["q"]),
    ("/api/figures/", {"limit": "10"}, 400, ["limit"]),
    ("/api/cooperation-areas/", {"type": "x"}, 400, ["type"]),
    ("/api/partners/999999", {}, 404, []),
    ("/api/partners/abc", {}, 404, []),
    ("/api/contributions/00000000-0000-0000-0000-000000000000", {}, 404, []),
    ("/api/partners/00000000-0000-0000-0000-000000000000", {"colour": "x"}, 400, ["colour"]),
    ("/api/nothing/here/", {}, 404, []),
    ("/api/", {}, 404, []),
]


@pytest.mark.parametrize(("url", "params", "status", "names"), BAD)
def test_bad_input_is_a_json_error_never_a_500(client, url, params, status, names):
    response = client.get(url, params)
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"detail", "errors"} and body["detail"]
    assert [error["parameter"] for error in body["errors"]] == names
    assert all(error["message"] for error in body["errors"])


def test_errors_are_in_the_language_asked_for(client):
    english = get(client, "/api/contributions/", colour="x")[1]
    french = get(client, "/api/contributions/", colour="x", lang="fr")[1]
    with translation.override("fr"):
        assert french["errors"][0]["message"] == api.parameter_message("colour")
    assert set(english) == set(french)


def test_a_404_is_not_redirected_to_a_language_prefix(client):
    response = client.get("/api/partners/abc/")
    assert response.status_code == 404 and "Location" not in response
    response = client.get("/api/partners/00000000-0000-0000-0000-000000000000")
    assert response.status_code == 404 and "Location" not in response


@pytest.mark.parametrize("url", [*PATHS, "/api/partners/abc", "/api/docs", "/api/anything"])
@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_no_write_method(client, url, method):
    response = getattr(client, method)(url, data="{}", content_type="application/json")
    assert response.status_code == 405
    assert response.json()["detail"]
    assert "POST" not in response["Allow"]


@pytest.mark.parametrize("url", PATHS)
def test_cors_and_caching(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Cache-Control"] == "public, max-age=300"
    head = client.head(url)
    assert head.status_code == 200 and head.content == b""
    assert head["Access-Control-Allow-Origin"] == "*"
    options = client.options(url)
    assert options.status_code == 204 and options["Access-Control-Allow-Origin"] == "*"
    assert options["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"


def test_no_wagtail_api_is_exposed(client):
    """Wagtail's v3 API (django-ninja) is not installed and no v2 router is included; the admin's own
    page API is behind the sign-in."""
    namespaces = set(get_resolver().namespace_dict)
    assert "wagtailapi_v3" not in namespaces and "wagtailapi" not in namespaces
    assert "opendata_api" in namespaces
    from django.conf import settings

    assert not any(app.startswith("wagtail.api") for app in settings.INSTALLED_APPS)
    response = client.get("/admin/api/main/pages/")
    assert response.status_code in (302, 403)
    response = client.post("/admin/api/main/pages/", {})
    assert response.status_code in (302, 403, 405)


def test_the_docs_page_describes_the_api_under_the_strict_policy(client):
    response = client.get("/api/docs", {"lang": "fr"})
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fr"' in html
    assert "/api/contributions/{id}" in html and "changed_since" in html
    assert "<script" not in html and "style=" not in html and "https://" not in html.split("</head>")[0]
    assert "script-src 'self'" in response["Content-Security-Policy"]
    with translation.override("fr"):
        assert str(schema.CONTRIBUTIONS.columns[0].description) in html


def test_a_page_costs_the_same_queries_however_many_records(client):
    def count_queries(number, prefix):
        partner = public_partner(name=f"{prefix} partner")
        bulk_public_contributions(partner, number, prefix=prefix, translate_to="fr")
        client.get("/api/contributions/", {"lang": "fr"})  # the locales and the Site, read once
        with CaptureQueriesContext(connection) as contributions:
            assert client.get("/api/contributions/", {"lang": "fr"}).json()["count"] == number
        with CaptureQueriesContext(connection) as partners:
            client.get("/api/partners/", {"lang": "fr"})
        return len(contributions), len(partners)

    few = count_queries(5, "few")
    Contribution.objects.all().delete()
    Partner.objects.all().delete()
    many = count_queries(50, "many")
    assert many == few


def test_the_docs_language_selector_leads_to_the_docs_in_each_language(client):
    from bs4 import BeautifulSoup

    page = BeautifulSoup(client.get("/api/docs", {"lang": "fr"}).content, "html.parser")
    links = {link["hreflang"]: link["href"] for link in page.select("a[hreflang]")}
    assert links == {code: f"/api/docs?lang={code}" for code in ("en", "es", "ar")}
    # Each wide table scrolls in its own focusable box rather than widening a phone's page.
    assert page.select("table") and all(
        table.parent.get("class") == ["table-scroll"] and table.parent.get("tabindex") == "0"
        for table in page.select("table")
    )
