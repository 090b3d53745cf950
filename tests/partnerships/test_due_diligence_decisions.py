"""A due-diligence decision takes effect when it is recorded (issue 10, deliverable 4).

Reviews are records of their own, recorded by reviewers in their own admin: a rejection or withdrawal
takes the partner and its contributions off every public surface at once, in every language, without
the partner's revision being published; an approval publishes nothing; a decided review is final; the
profile lists the public part of every decided review and nothing internal."""

import pytest
from bs4 import BeautifulSoup

from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import ModelLogEntry

from partnerships.models import (
    Contribution,
    ContributionIndexPage,
    DueDiligenceReview,
    Partner,
    ReviewDecision,
)
from partnerships.models.reviews import ReviewIsFinal
from partnerships.publishing import PublishingBlocked
from tests.directory_helpers import directory_pages, public_contribution_of, public_partner_in
from tests.factories import (
    LANGUAGES,
    REVIEW_ADD_URL,
    PartnerFactory,
    ReviewFactory,
    locale,
    login,
    publish,
    review_form,
    translate,
)
from tests.register_helpers import index_page

pytestmark = pytest.mark.django_db

REVIEWS = reverse("partnership_reviews:index")
INTERNAL = ["INTERNAL-", "board minutes", "Jane Doe", "do not publish", "SECRET-"]


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def live_partner():
    """A public partner and a public contribution, both live in the four languages."""
    directory_pages()
    partner = public_partner_in(name="Quorvex Analytics", slug="quorvex-analytics", summary="Quorvex lends.")
    contribution = public_contribution_of(partner, reference="QRV-001", title="Quorvex spectrometer loan")
    for code in LANGUAGES[1:]:
        translate(partner, code, live=True, summary=f"Quorvex ({code}).")
        translate(contribution, code, live=True, title=f"Quorvex spectrometer loan ({code})")
    return partner


def public_surfaces(client):
    """Where the partner or its contribution shows, by surface and language."""
    shown = []
    register = index_page(ContributionIndexPage)
    for code in LANGUAGES:
        if client.get(f"/{code}/partners/quorvex-analytics/").status_code == 200:
            shown.append(("profile", code))
        if "Quorvex" in client.get(f"/{code}/partners/").content.decode():
            shown.append(("directory", code))
        register_url = register.get_translation(locale(code)).url
        if "QRV-001" in client.get(register_url).content.decode():
            shown.append(("register", code))
        if "Quorvex" in client.get(f"/{code}/search/", {"q": "quorvex"}).content.decode():
            shown.append(("search", code))
    if "quorvex-analytics" in client.get("/sitemap.xml").content.decode():
        shown.append(("sitemap", "all"))
    return shown


def rejection(partner, **fields):
    return review_form(
        partner,
        **{
            "review_type": "triggered",
            "opened_on": "2025-05-01",
            "decided_on": "2025-06-01",
            "next_review_due": "",
            "values_result": "does_not_meet",
            "sanctions_screening": "confirmed_match",
            "risk_level": "high",
            "decision": ReviewDecision.REJECTED,
            "values_rationale": "SECRET-RATIONALE confirmed sanctions match",
            "reviewers": "SECRET-REVIEWER Ana Pereira",
            **fields,
        },
    )


@pytest.mark.parametrize(
    "decision", [ReviewDecision.REJECTED, ReviewDecision.WITHDRAWN], ids=["rejected", "withdrawn"]
)
def test_a_recorded_negative_decision_takes_the_partner_off_every_public_surface_at_once(
    client, reviewer, live_partner, decision
):
    everywhere = [
        (surface, code) for code in LANGUAGES for surface in ("profile", "directory", "register", "search")
    ]
    assert sorted(public_surfaces(client)) == sorted([*everywhere, ("sitemap", "all")])

    response = login(client, reviewer).post(REVIEW_ADD_URL, rejection(live_partner, decision=decision))
    assert response.status_code == 302, response.context and response.context["form"].errors
    [message] = [str(message) for message in get_messages(response.wsgi_request)]
    assert "off the public site, in every language" in message
    client.logout()

    assert public_surfaces(client) == []
    family = Partner.objects.filter(translation_key=live_partner.translation_key)
    assert family.count() == 4 and not family.filter(live=True).exists()
    contributions = Contribution.objects.filter(partner=live_partner)
    assert contributions.count() == 4 and not contributions.filter(live=True).exists()
    # Through Wagtail's unpublishing: logged as the reviewer's, for each language version.
    unpublished = ModelLogEntry.objects.filter(action="wagtail.unpublish", user=reviewer)
    assert unpublished.count() == 8
    # The partner's own draft was never needed, and publishing it now is refused.
    live_partner.refresh_from_db()
    with pytest.raises(PublishingBlocked):
        publish(live_partner)


def test_a_rejection_recorded_outside_the_admin_takes_effect_too(client, live_partner):
    ReviewFactory(partner=live_partner, decision=ReviewDecision.REJECTED, decided_on="2025-06-01")
    assert public_surfaces(client) == []
    assert not Partner.objects.filter(translation_key=live_partner.translation_key, live=True).exists()
    assert not Contribution.objects.filter(partner=live_partner, live=True).exists()


def test_recording_an_approval_publishes_nothing(client, reviewer):
    directory_pages()
    partner = PartnerFactory(name="Quorvex Analytics", slug="quorvex-analytics")
    response = login(client, reviewer).post(REVIEW_ADD_URL, review_form(partner))
    assert response.status_code == 302
    partner.refresh_from_db()
    assert partner.due_diligence_reviews.get().recorded_by == reviewer
    assert not partner.live
    assert not Partner.objects.public().filter(pk=partner.pk).exists()
    assert client.get("/en/partners/quorvex-analytics/").status_code == 404
    # Publishing is a separate step, now allowed.
    assert publish(partner).live


def test_a_partner_whose_latest_decision_is_negative_cannot_be_published_again(live_partner):
    ReviewFactory(partner=live_partner, decision=ReviewDecision.WITHDRAWN, decided_on="2025-06-01")
    with pytest.raises(PublishingBlocked, match="withdrawn"):
        publish(Partner.objects.get(pk=live_partner.pk))
    # A later approval (a new review) lets it be published again, by a separate Publish.
    ReviewFactory(partner=live_partner, decided_on="2025-09-01")
    assert not Partner.objects.get(pk=live_partner.pk).live
    assert publish(Partner.objects.get(pk=live_partner.pk)).live


def test_a_decided_review_cannot_be_edited_or_deleted(client, reviewer):
    review = ReviewFactory()
    pending = ReviewFactory(partner=review.partner, decision=ReviewDecision.PENDING, decided_on=None)
    login(client, reviewer)
    for name in ("edit", "delete"):
        url = reverse(f"partnership_reviews:{name}", args=[review.pk])
        assert client.get(url).status_code in (302, 403)
        assert client.post(url, review_form(review.partner, notes="changed")).status_code in (302, 403)
        assert client.get(reverse(f"partnership_reviews:{name}", args=[pending.pk])).status_code == 200
    assert client.get(reverse("partnership_reviews:inspect", args=[review.pk])).status_code == 200
    review.refresh_from_db()
    assert review.notes == "INTERNAL-NOTE do not publish"
    assert DueDiligenceReview.objects.filter(pk=review.pk).exists()
    # Nor from code.
    review.notes = "changed"
    with pytest.raises(ReviewIsFinal):
        review.save()
    with pytest.raises(ReviewIsFinal):
        review.delete()


def test_a_pending_review_is_decided_in_the_admin_and_then_final(client, reviewer, live_partner):
    pending = ReviewFactory(partner=live_partner, decision=ReviewDecision.PENDING, decided_on=None)
    url = reverse("partnership_reviews:edit", args=[pending.pk])
    response = login(client, reviewer).post(url, rejection(live_partner))
    assert response.status_code == 302, response.context and response.context["form"].errors
    pending.refresh_from_db()
    assert pending.decision == ReviewDecision.REJECTED and pending.recorded_by == reviewer
    assert not Partner.objects.get(pk=live_partner.pk).live
    assert client.get(url).status_code in (302, 403)


def test_the_history_lists_every_decided_review_newest_first_and_nothing_internal(client, live_partner):
    ReviewFactory(
        partner=live_partner,
        review_type="periodic",
        opened_on="2025-08-01",
        decided_on="2025-09-15",
        next_review_due="2028-09-15",
        decision=ReviewDecision.APPROVED_WITH_CONDITIONS,
        conditions="INTERNAL-CONDITION quarterly report",
        activities_result="meets_with_mitigation",
    )
    ReviewFactory(
        partner=live_partner, decision=ReviewDecision.PENDING, decided_on=None, opened_on="2026-01-05"
    )
    for code, newest, oldest in [
        ("en", "September 15, 2025", "January 10, 2024"),
        ("fr", "15 septembre 2025", "10 janvier 2024"),
    ]:
        page = soup(client.get(f"/{code}/partners/quorvex-analytics/"))
        reviews = [review.get_text(" ", strip=True) for review in page.select(".due-diligence__review")]
        assert len(reviews) == 2, code  # the pending review is not a decision
        assert newest in reviews[0] and oldest in reviews[1]
        html = page.decode()
        for secret in [*INTERNAL, "quarterly report", "Approved with conditions", "Sanctions", "Risk", "low"]:
            assert secret not in html, (code, secret)
    arabic = soup(client.get("/ar/partners/quorvex-analytics/"))
    assert len(arabic.select(".due-diligence__review")) == 2
    assert "Meets the criterion" not in arabic.select_one(".due-diligence").get_text()


def test_the_history_costs_the_same_queries_for_one_or_many_reviews(client, live_partner):
    def count():
        client.get("/en/partners/quorvex-analytics/")
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/en/partners/quorvex-analytics/").status_code == 200
        return len(queries)

    one = count()
    for year in range(2015, 2023):
        ReviewFactory(partner=live_partner, decided_on=f"{year}-03-01", next_review_due=f"{year + 1}-03-01")
    assert count() == one


def test_editors_cannot_reach_the_reviews_admin(client, editor, live_partner):
    review = ReviewFactory(partner=live_partner)
    pending = ReviewFactory(partner=live_partner, decision=ReviewDecision.PENDING, decided_on=None)
    login(client, editor)
    urls = [
        REVIEWS,
        reverse("partnership_reviews:index_results"),
        REVIEW_ADD_URL,
        reverse("partnership_reviews:inspect", args=[review.pk]),
        reverse("partnership_reviews:edit", args=[pending.pk]),
        reverse("partnership_reviews:delete", args=[pending.pk]),
        reverse("partnership_reviews:history", args=[review.pk]),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code in (302, 403), url
        if response.status_code == 302:
            assert not response["Location"].startswith("/admin/partnerships/due-diligence-reviews/"), url
    assert client.post(REVIEW_ADD_URL, rejection(live_partner)).status_code in (302, 403)
    assert Partner.objects.get(pk=live_partner.pk).live
    assert not DueDiligenceReview.objects.filter(decision=ReviewDecision.REJECTED).exists()
    editor_page = client.get(reverse("wagtailsnippets_partnerships_partner:edit", args=[live_partner.pk]))
    assert REVIEWS not in editor_page.content.decode()


def test_the_reviews_listing_filtered_to_rejected_lists_a_recorded_rejection(client, reviewer, live_partner):
    other = public_partner_in(name="Zentaro Approved", slug="zentaro-approved")
    login(client, reviewer).post(REVIEW_ADD_URL, rejection(live_partner))
    html = client.get(REVIEWS, {"decision": ReviewDecision.REJECTED}).content.decode()
    assert "Quorvex Analytics" in html and "Zentaro Approved" not in html
    html = client.get(REVIEWS, {"partner": other.pk}).content.decode()
    assert "Zentaro Approved" in html and "Rejected" not in html.split("<tbody")[-1]
    for bad in ({"partner": "nope"}, {"decision": "<script>"}, {"partner": "99999999"}):
        assert client.get(REVIEWS, bad).status_code == 200


def test_the_partner_edit_view_links_reviewers_to_its_reviews(client, reviewer, live_partner):
    ReviewFactory(partner=live_partner, decision=ReviewDecision.PENDING, decided_on=None)
    page = login(client, reviewer).get(
        reverse("wagtailsnippets_partnerships_partner:edit", args=[live_partner.pk])
    )
    html = page.content.decode()
    assert f"{REVIEWS}?partner={live_partner.pk}" in html
    assert f"{REVIEW_ADD_URL}?partner={live_partner.pk}" in html
    assert (
        reverse(
            "partnership_reviews:edit", args=[live_partner.due_diligence_reviews.get(decision="pending").pk]
        )
        in html
    )
    # The add form starts with the partner chosen.
    form = client.get(f"{REVIEW_ADD_URL}?partner={live_partner.pk}").context["form"]
    assert str(form.initial["partner"]) == str(live_partner.pk)


def test_the_reviews_listing_costs_the_same_queries_for_few_or_many_reviews(client, reviewer):
    def count():
        client.get(REVIEWS)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(REVIEWS).status_code == 200
        return len(queries)

    login(client, reviewer)
    for _ in range(3):
        ReviewFactory()
    few = count()
    for _ in range(30):
        ReviewFactory(partner__live=False)
    assert count() == few
