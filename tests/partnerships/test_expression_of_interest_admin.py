"""Expressions of interest in the admin: reviewers only, escaped, and "Start partner record"."""

import uuid

import pytest

from django.contrib.auth.models import Group, User
from django.urls import reverse
from django.utils import timezone

from partnerships.applications.partner_records import start_partner_record
from partnerships.models import ApplicationStatus, ExpressionOfInterest, Partner, ReviewDecision
from partnerships.publishing import PublishingBlocked
from tests.factories import CooperationAreaFactory, publish

pytestmark = pytest.mark.django_db


def member_of(group_name, username):
    user = User.objects.create_user(username, f"{username}@example.org", "pw")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def application():
    area = CooperationAreaFactory(slug="eoi-area")
    application = ExpressionOfInterest.objects.create(
        submission_token=uuid.uuid4(),
        language="es",
        organisation_name="<img src=x onerror=alert(1)> Fundación Prueba",
        organisation_type="philanthropic_foundation",
        country="ES",
        website="https://prueba.example",
        contact_name="Lucía",
        email="lucia@prueba.example",
        contribution_types=["training"],
        proposal="Proponemos cursos de formación.",
        alignment="Refuerza capacidades.",
        consent_given_at=timezone.now(),
    )
    application.cooperation_areas.add(area)
    return application


@pytest.fixture
def reviewer_client(client):
    client.force_login(member_of("Transparency reviewers", "eoi-reviewer"))
    return client


def test_reviewers_list_read_and_export_submissions(reviewer_client, application):
    index = reviewer_client.get(reverse("expressions_of_interest:index"))
    assert index.status_code == 200
    assert application.reference in index.content.decode()
    inspect = reviewer_client.get(reverse("expressions_of_interest:inspect", args=[application.pk]))
    body = inspect.content.decode()
    assert "Proponemos cursos de formación." in body
    assert "<img src=x onerror=alert(1)>" not in body
    assert "&lt;img src=x onerror=alert(1)&gt;" in body
    export = reviewer_client.get(reverse("expressions_of_interest:index") + "?export=csv")
    assert export.status_code == 200
    assert b"lucia@prueba.example" in b"".join(export.streaming_content)


@pytest.mark.parametrize("who", ["anonymous", "Editors"])
def test_no_one_else_can_list_or_open_submissions(client, application, who):
    if who != "anonymous":
        client.force_login(member_of(who, "someone"))
    for url in [
        reverse("expressions_of_interest:index"),
        reverse("expressions_of_interest:inspect", args=[application.pk]),
        reverse("expressions_of_interest:edit", args=[application.pk]),
        reverse("expressions_of_interest:start_partner", args=[application.pk]),
    ]:
        response = client.get(url)
        assert response.status_code in (302, 403), url
        if response.status_code == 302:
            assert "login" in response["Location"] or response["Location"] == reverse("wagtailadmin_home")
        assert b"Fundaci" not in response.content


def test_reviewers_assign_and_change_status(reviewer_client, application, reviewer):
    response = reviewer_client.post(
        reverse("expressions_of_interest:edit", args=[application.pk]),
        {"status": "under_review", "assigned_to": reviewer.pk, "reviewer_notes": "Call them."},
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.UNDER_REVIEW
    assert application.assigned_to == reviewer
    assert application.organisation_name.endswith("Fundación Prueba")


def test_start_partner_record_creates_a_draft_partner_with_a_pending_review(reviewer_client, application):
    url = reverse("expressions_of_interest:start_partner", args=[application.pk])
    assert reviewer_client.get(url).status_code == 200
    response = reviewer_client.post(url)
    application.refresh_from_db()
    partner = application.partner
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailsnippets_partnerships_partner:edit", args=[partner.pk])
    assert application.status == ApplicationStatus.DUE_DILIGENCE
    assert partner.live is False
    assert partner.locale.language_code == "en"
    assert partner.partner_type == "philanthropic_foundation"
    assert list(partner.cooperation_areas.all()) == list(application.cooperation_areas.all())
    review = partner.due_diligence_reviews.get()
    assert review.decision == ReviewDecision.PENDING
    # Once more does nothing new.
    reviewer_client.post(url)
    assert Partner.objects.filter(name=partner.name).count() == 1


def test_the_new_partner_cannot_be_published_until_its_review_is_approved(application):
    partner = start_partner_record(application, user=None)
    partner.summary = "Written by the editor for the directory."
    partner.save()
    with pytest.raises(PublishingBlocked):
        publish(partner)
    review = partner.due_diligence_reviews.get()
    review.decision = ReviewDecision.APPROVED
    review.decided_on = timezone.localdate()
    review.values_result = review.activities_result = review.purpose_result = "meets"
    review.sanctions_screening = "clear"
    review.save()
    partner.refresh_from_db()
    assert publish(partner).live


def test_the_new_partner_record_holds_nothing_of_the_private_proposal(reviewer_client, application):
    application.proposal = "PRIVATE-PROPOSAL we can discount 40% if you drop the audit."
    application.alignment = "PRIVATE-ALIGNMENT our board asked for secrecy."
    application.save()
    reviewer_client.post(reverse("expressions_of_interest:start_partner", args=[application.pk]))
    partner = Partner.objects.get(pk=ExpressionOfInterest.objects.get(pk=application.pk).partner_id)
    assert partner.summary == ""
    draft = partner.get_latest_revision().content
    assert "PRIVATE-" not in str(draft)
    assert "PRIVATE-" not in str([getattr(partner, field.attname) for field in Partner._meta.concrete_fields])
    edit_form = reviewer_client.get(reverse("wagtailsnippets_partnerships_partner:edit", args=[partner.pk]))
    assert "PRIVATE-" not in edit_form.content.decode()
