"""The open-data downloads under /data/ (partnerships.opendata.downloads): a data package and CSVs that
validate with frictionless, figures that add up to the register's, only public records and fields in
every format and language, the directory's and register's filters with what was ignored named in a
header, conditional requests, streaming, formulas neutralised, and a constant number of queries."""

import csv
import datetime
import io
import json
import random
import uuid
from decimal import Decimal

import frictionless
import openpyxl
import pytest

from django.db import connection
from django.http import StreamingHttpResponse
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from partnerships import figures
from partnerships.models import (
    Contribution,
    ContributionStatus,
    ContributionType,
    ExchangeRate,
    ExpressionOfInterest,
    ReviewDecision,
    StatusGroup,
)
from partnerships.opendata import schema
from tests.directory_helpers import bulk_public_contributions
from tests.factories import (
    ContributionFactory,
    CooperationAreaFactory,
    PartnerFactory,
    ReviewFactory,
    public_contribution,
    public_partner,
    translate,
)
from tests.register_helpers import non_public_records, tag

pytestmark = pytest.mark.django_db

HYPERLINK = '=HYPERLINK("https://evil.example","x")'
RECORD_FILES = [
    f"/data/{name}.{ext}" for name in ("partners", "contributions") for ext in ("csv", "json", "xlsx")
]
ALL_FILES = [
    *RECORD_FILES,
    "/data/cooperation-areas.csv",
    "/data/exchange-rates.csv",
    "/data/datapackage.json",
]


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def csv_rows(response):
    assert response.status_code == 200
    text = body(response).decode("utf-8")
    assert not text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def xlsx_rows(response):
    sheet = openpyxl.load_workbook(io.BytesIO(body(response)), read_only=True).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def as_text(response, path):
    """Everything a download says, as text, whatever its format."""
    if path.endswith(".xlsx"):
        return repr(xlsx_rows(response))
    return body(response).decode("utf-8")


def test_the_data_package_and_every_csv_validate(client, tmp_path):
    area = CooperationAreaFactory(slug="cyber", name="Cyber")
    partner = tag(public_partner(name="Validated partner", website="https://partner.example"), area)
    other = public_partner(name=HYPERLINK, partner_type="ngo_nonprofit")
    ExchangeRate.objects.create(
        currency="USD", month=datetime.date(2025, 3, 1), rate=Decimal("0.9"), source="T"
    )
    tag(public_contribution(partner=partner, currency="USD", signed_date=datetime.date(2025, 3, 9)), area)
    public_contribution(partner=other, in_kind=True, reference="IK-1")
    files = {"datapackage.json": "/data/datapackage.json"} | {
        resource.path: f"/data/{resource.path}" for resource in schema.RESOURCES
    }
    for name, url in files.items():
        response = client.get(url)
        assert response.status_code == 200, url
        (tmp_path / name).write_bytes(body(response))

    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    descriptor = json.loads((tmp_path / "datapackage.json").read_text())
    assert descriptor["licenses"][0]["name"] == "CC-BY-4.0"
    assert descriptor["profile"] == "tabular-data-package" and descriptor["last_modified"].endswith("Z")
    contributions = next(r for r in descriptor["resources"] if r["name"] == "contributions")
    assert contributions["schema"]["foreignKeys"][0]["reference"]["resource"] == "partners"
    for resource in descriptor["resources"]:
        # Alone, without the other files its foreign keys point to (the package checked them).
        resource["schema"].pop("foreignKeys", None)
        alone = frictionless.Resource(
            path=resource["path"],
            basepath=str(tmp_path),
            schema=frictionless.Schema.from_descriptor(resource["schema"]),
        )
        report = alone.validate()
        assert report.valid, (resource["name"], report.flatten(["rowNumber", "fieldName", "type", "note"]))
    assert (tmp_path / "contributions.csv").read_bytes().count(b"\r\n") == 3  # the header and two rows


def test_a_broken_foreign_key_fails_validation(client, tmp_path):
    """The package's keys are checked: a contribution whose partner is not in partners.csv fails."""
    public_contribution()
    (tmp_path / "datapackage.json").write_bytes(body(client.get("/data/datapackage.json")))
    for resource in schema.RESOURCES:
        (tmp_path / resource.path).write_bytes(body(client.get(f"/data/{resource.path}")))
    partners = (tmp_path / "partners.csv").read_text().splitlines()
    (tmp_path / "partners.csv").write_text(partners[0] + "\r\n")
    assert not frictionless.validate(str(tmp_path / "datapackage.json")).valid


def _generate(rng, partners, count):
    """`count` public contributions in two currencies, several types, statuses and years."""
    for number in range(count):
        ContributionFactory(
            partner=rng.choice(partners),
            reference=f"FIG-{number:03d}",
            live=True,
            status=rng.choice(
                [
                    s
                    for s in ContributionStatus.values
                    if s not in ContributionStatus.ended_without_completion()
                ]
            ),
            contribution_type=rng.choice(ContributionType.financial()),
            amount=Decimal(rng.randint(1, 5000) * 100) + Decimal("0.25"),
            currency=rng.choice(["EUR", "USD"]),
            signed_date=rng.choice([None, datetime.date(2024, 3, 5), datetime.date(2025, 3, 5)]),
        )


@pytest.mark.parametrize("seed", [3, 11])
def test_the_csv_adds_up_to_the_registers_figures(client, seed):
    rng = random.Random(seed)
    for year in (2024, 2025):
        ExchangeRate.objects.create(
            currency="USD", month=datetime.date(year, 3, 1), rate=Decimal("0.87"), source="T"
        )
    _generate(rng, [public_partner(), public_partner(partner_type="ngo_nonprofit")], 40)
    rows = csv_rows(client.get("/data/contributions.csv"))
    totals = figures.compute_figures(Contribution.objects.public())
    committed = [row for row in rows if row["status_group"] == StatusGroup.COMMITTED]

    def total(selected):
        return sum((Decimal(row["value_reporting_currency"] or 0) for row in selected), Decimal(0))

    assert len(rows) == totals.count == 40
    assert len(committed) == totals.committed.count
    assert total(committed) == totals.committed.value
    for figure in totals.by_type:
        assert total(r for r in committed if r["contribution_type"] == figure.key) == figure.value
    for figure in totals.by_year:
        year = "" if figure.key is None else str(figure.key)
        assert total(r for r in committed if r["signed_date"][:4] == year) == figure.value
    for kind in ContributionType.financial():
        register = client.get(f"/en/contributions/?type={kind}")
        filtered = csv_rows(client.get(f"/data/contributions.csv?type={kind}"))
        count = register.context["page_obj"].paginator.count if register.status_code == 200 else 0
        assert len(filtered) == count == sum(row["contribution_type"] == kind for row in rows)


def test_no_download_shows_what_is_not_public(client):
    area = CooperationAreaFactory(slug="hidden-area", name="Hidden area")
    non_public_records(area)
    PartnerFactory(name="HIDDEN draft partner")
    rejected = public_partner(name="HIDDEN rejected partner")
    ReviewFactory(partner=rejected, decision=ReviewDecision.REJECTED, decided_on=datetime.date(2026, 1, 2))
    unpublished = public_partner(name="HIDDEN unpublished partner")
    public_contribution(partner=unpublished, title="HIDDEN contribution of an unpublished partner")
    unpublished.unpublish()
    visible = public_contribution(title="Visible", partner=public_partner(name="Visible partner"))
    translate(visible, "fr", live=False, title="HIDDEN traduction non publiée")
    translate(visible.partner, "fr", live=False, summary="HIDDEN résumé non publié")
    ExpressionOfInterest.objects.create(
        submission_token=uuid.uuid4(),
        language="en",
        organisation_name="HIDDEN applicant",
        organisation_type="philanthropic_foundation",
        country="FR",
        contact_name="HIDDEN contact",
        email="hidden@example.org",
        contribution_types=["training"],
        proposal="HIDDEN proposal",
        alignment="HIDDEN alignment",
        consent_given_at=timezone.now(),
    )
    for language in ("en", "fr"):
        for path in ALL_FILES:
            text = as_text(client.get(f"{path}?lang={language}"), path)
            assert "HIDDEN" not in text, (path, language)
            assert "INTERNAL" not in text and "hidden@example.org" not in text, (path, language)
        assert "Visible" in as_text(client.get(f"/data/contributions.csv?lang={language}"), "csv")
        assert "Visible partner" in as_text(client.get(f"/data/partners.xlsx?lang={language}"), ".xlsx")


def test_the_language_asked_for_with_the_source_as_fallback(client):
    contribution = public_contribution(title="Forensic lab kit", purpose="Equip the lab.")
    translate(contribution, "fr", live=True, title="Kit de laboratoire", purpose="Équiper le labo.")
    response = client.get("/data/contributions.csv?lang=fr")
    (french,) = csv_rows(response)
    assert french["title"] == "Kit de laboratoire"
    with translation.override("fr"):
        label = str(dict(ContributionStatus.choices)[contribution.status])
    assert french["status_label"] == label != str(dict(ContributionStatus.choices)[contribution.status])
    assert french["url"] == f"http://localhost/fr/contributions/{contribution.slug}/"
    assert response["Content-Language"] == "fr" and "X-Ignored-Parameters" not in response
    assert 'filename="contributions-fr.csv"' in response["Content-Disposition"]
    (spanish,) = csv_rows(client.get("/data/contributions.csv?lang=es"))
    assert spanish["title"] == "Forensic lab kit"  # no Spanish text: the source's
    data = json.loads(body(client.get("/data/contributions.json?lang=fr")))
    assert data["language"] == "fr" and data["data"][0]["title"] == "Kit de laboratoire"
    assert xlsx_rows(client.get("/data/contributions.xlsx?lang=fr"))[1][5] == "Kit de laboratoire"
    package = json.loads(body(client.get("/data/datapackage.json?lang=fr")))
    with translation.override("fr"):
        assert package["resources"][0]["description"] == str(schema.PARTNERS.description)

    unknown = client.get("/data/contributions.csv?lang=xx")
    (english,) = csv_rows(unknown)
    assert english["title"] == "Forensic lab kit" and english["url"].startswith("http://localhost/en/")
    assert unknown["X-Ignored-Parameters"] == "lang" and unknown["Content-Language"] == "en"
    assert client.get("/data/contributions.csv?lang=fr&lang=es")["X-Ignored-Parameters"] == "lang"


def test_bad_filters_are_ignored_and_named(client):
    public_contribution(reference="T-1", contribution_type="financial_earmarked")
    public_contribution(reference="U-1", contribution_type="financial_unearmarked")
    response = client.get("/data/contributions.csv?type=financial_earmarked&year=abcd&colour=blue")
    assert [row["reference"] for row in csv_rows(response)] == ["T-1"]
    assert response["X-Ignored-Parameters"] == "colour, year"
    assert "X-Ignored-Parameters" not in client.get("/data/contributions.csv?type=financial_earmarked")
    partners = client.get("/data/partners.csv?sector=nowhere&lang=fr")
    assert partners["X-Ignored-Parameters"] == "sector" and len(csv_rows(partners)) == 2
    repeated = client.get("/data/contributions.csv?type=financial_earmarked&type=financial_unearmarked")
    assert repeated["X-Ignored-Parameters"] == "type"
    assert [row["reference"] for row in csv_rows(repeated)] == ["T-1"]
    for path in RECORD_FILES:
        for query in ("year=abcd", "year=2024&year=2025", "q=" + "x" * 10_000, "page=-1&sort=%00"):
            response = client.get(f"{path}?{query}")
            assert response.status_code == 200, (path, query)
            body(response)
    assert client.get(f"/data/contributions.csv?q={'x' * 10_000}")["X-Ignored-Parameters"] == "q"


def test_conditional_requests_get_304_until_something_is_published(client):
    public_contribution()
    for path in [*RECORD_FILES, "/data/datapackage.json", "/data/cooperation-areas.csv"]:
        first = client.get(path)
        assert first["Cache-Control"] == "public, max-age=300"
        etag = first["ETag"]
        assert client.get(path, HTTP_IF_NONE_MATCH=etag).status_code == 304, path
        if "Last-Modified" in first:
            assert client.get(path, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304
    before = client.get("/data/contributions.csv")
    assert client.get("/data/contributions.csv?lang=fr")["ETag"] != before["ETag"]
    public_contribution(reference="NEW-1")
    after = client.get("/data/contributions.csv", HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200 and after["ETag"] != before["ETag"]
    assert "NEW-1" in body(after).decode()


def test_a_record_leaving_the_site_changes_the_etag(client):
    partner = public_partner()
    public_contribution(partner=partner)
    public_contribution()
    before = client.get("/data/contributions.csv")
    ReviewFactory(partner=partner, decision=ReviewDecision.REJECTED, decided_on=datetime.date(2026, 2, 1))
    after = client.get("/data/contributions.csv", HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200 and len(csv_rows(after)) == 1


def test_a_new_exchange_rate_changes_the_contributions_etag(client):
    public_contribution(currency="USD", signed_date=datetime.date(2025, 5, 2))
    before = client.get("/data/contributions.csv")
    ExchangeRate.objects.create(
        currency="USD", month=datetime.date(2025, 5, 1), rate=Decimal("0.8"), source="T"
    )
    assert client.get("/data/contributions.csv", HTTP_IF_NONE_MATCH=before["ETag"]).status_code == 200


def test_streamed_files_and_the_spreadsheet(client):
    partner = public_partner(name=HYPERLINK)
    public_contribution(partner=partner, amount=Decimal("1234567.89"), title="+cmd|' /C calc'!A0")
    public_contribution(partner=partner, in_kind=True)
    for name in ("partners", "contributions"):
        resource = next(r for r in schema.RESOURCES if r.name == name)
        streamed = client.get(f"/data/{name}.csv")
        assert isinstance(streamed, StreamingHttpResponse)
        assert streamed["Content-Type"] == "text/csv; charset=utf-8"
        raw = body(streamed)
        assert raw.count(b"\r\n") == raw.count(b"\n")  # CRLF line ends only
        rows = list(csv.reader(io.StringIO(raw.decode(), newline="")))
        assert rows[0] == resource.column_names
        as_json = client.get(f"/data/{name}.json")
        assert isinstance(as_json, StreamingHttpResponse)
        data = json.loads(body(as_json))
        assert data["resource"] == name and len(data["data"]) == len(rows) - 1
        assert all(list(item) == resource.column_names for item in data["data"])
        sheet = xlsx_rows(client.get(f"/data/{name}.xlsx"))
        assert sheet[0] == resource.column_names and len(sheet) == len(rows)

    (partner_csv,) = csv_rows(client.get("/data/partners.csv"))
    assert partner_csv["name"] == "'" + HYPERLINK
    contributions = csv_rows(client.get("/data/contributions.csv"))
    assert {row["partner_name"] for row in contributions} == {"'" + HYPERLINK}
    assert "'+cmd|' /C calc'!A0" in [row["title"] for row in contributions]

    workbook = openpyxl.load_workbook(io.BytesIO(body(client.get("/data/partners.xlsx"))))
    cell = workbook.active["C2"]
    assert (cell.value, cell.data_type) == (HYPERLINK, "s")  # text, never a formula
    sheet = openpyxl.load_workbook(io.BytesIO(body(client.get("/data/contributions.xlsx")))).active
    header = [c.value for c in sheet[1]]
    cells = {row[header.index("reference")].value: row for row in sheet.iter_rows(min_row=2)}
    assert all(c.data_type != "f" for row in cells.values() for c in row)
    money = next(row for row in cells.values() if row[header.index("amount")].value is not None)
    assert money[header.index("amount")].value == pytest.approx(1234567.89)
    assert isinstance(money[header.index("first_published")].value, datetime.datetime)

    data = json.loads(body(client.get("/data/contributions.json")), parse_float=Decimal)
    money = next(item for item in data["data"] if item["amount"] is not None)
    assert money["amount"] == Decimal("1234567.89") and money["partner_name"] == HYPERLINK
    assert money["first_published"].endswith("Z") and isinstance(money["cooperation_areas"], list)
    in_kind = next(item for item in data["data"] if item["amount"] is None)
    assert in_kind["quantity"] == Decimal("12") and in_kind["unit"] == "staff_months"


def test_only_get_and_head(client):
    public_contribution(title="Headed")
    for path in ALL_FILES:
        assert client.post(path).status_code == 405, path
        head = client.head(path)
        assert head.status_code == 200 and body(head) == b"", path
    assert client.get("/data/").status_code == 302


def test_a_csv_download_costs_the_same_queries_however_many_records(client):
    def count_queries(number, prefix):
        bulk_public_contributions(
            public_partner(name=f"{prefix} partner"), number, prefix=prefix, translate_to="fr"
        )
        body(client.get("/data/contributions.csv?lang=fr"))  # the locales and the Site, once a process
        with CaptureQueriesContext(connection) as queries:
            rows = csv_rows(client.get("/data/contributions.csv?lang=fr"))
        assert len(rows) == number
        return len(queries)

    few = count_queries(5, "few")
    Contribution.objects.all().delete()
    many = count_queries(50, "many")
    assert many == few


def test_a_conditional_request_costs_one_query(client):
    public_contribution()
    etag = client.get("/data/contributions.csv")["ETag"]
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/data/contributions.csv", HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert len(queries) == 1


def test_list_pages_link_to_their_filtered_downloads(client):
    public_contribution(
        contribution_type="financial_unearmarked", partner=public_partner(partner_type="ngo_nonprofit")
    )
    register = client.get("/fr/contributions/?type=financial_unearmarked").content.decode()
    for extension in ("csv", "json", "xlsx"):
        assert f'href="/data/contributions.{extension}?type=financial_unearmarked&amp;lang=fr"' in register
    directory = client.get("/es/partners/?sector=non_profit").content.decode()
    assert 'href="/data/partners.csv?sector=non_profit&amp;lang=es"' in directory
    assert client.get("/data/partners.csv?sector=non_profit&lang=es").status_code == 200
