"""The Wagtail admin for the records: who may do what, what each group sees, and how refusals read."""

import pytest

from django.contrib.messages import get_messages
from django.urls import reverse

from wagtail.models import TaskState, WorkflowState
from wagtail.snippets.models import get_snippet_models
from wagtail.test.utils.form_data import querydict_from_html

from partnerships.models import DueDiligenceReview, Partner, ReviewDecision
from tests.factories import REVIEW_ADD_URL, PartnerFactory, ReviewFactory, login, public_partner, review_form

pytestmark = pytest.mark.django_db

INTERNAL_MARKERS = [
    "INTERNAL-RATIONALE",
    "INTERNAL-NOTE",
    "INTERNAL-REVIEWER",
    "due_diligence_reviews-TOTAL_FORMS",
]


def partner_url(name, *args):
    return reverse(f"wagtailsnippets_partnerships_partner:{name}", args=args)


def edit_form(client, partner, **changes):
    """What the browser would post from the edit page, with some fields changed."""
    response = client.get(partner_url("edit", partner.pk))
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="w-editor-form")
    for key, value in changes.items():
        data[key] = value
    return data


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def submit_for_review(client, partner):
    response = client.post(
        partner_url("edit", partner.pk), edit_form(client, partner, **{"action-submit": "1"})
    )
    assert response.status_code == 302
    partner.refresh_from_db()
    assert partner.workflow_in_progress
    return partner.current_workflow_task_state


def approve(client, partner, task_state, **headers):
    return client.post(
        partner_url("workflow_action", partner.pk, "approve", task_state.pk), {"comment": ""}, **headers
    )


# Editors -------------------------------------------------------------------------------------------


def test_an_editor_creates_a_draft_and_submits_it_for_review(client, editor):
    login(client, editor)
    response = client.get(partner_url("add"))
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="w-editor-form")
    data.update(
        {
            "name": "Northwind Forensics",
            "slug": "northwind-forensics",
            "partner_type": "for_profit_company",
            "country": "NL",
            "summary": "Donates forensic software.",
            "relationship_status": "active",
        }
    )
    response = client.post(partner_url("add"), data)
    assert response.status_code == 302, response.context and response.context["form"].errors
    partner = Partner.objects.get(slug="northwind-forensics")
    assert not partner.live
    assert partner.latest_revision is not None

    task_state = submit_for_review(client, partner)
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    assert task_state.task.name == "Transparency reviewers' approval"
    assert not Partner.objects.get(pk=partner.pk).live


@pytest.mark.parametrize("model", ["partner", "contribution", "cooperationarea"])
def test_new_records_start_in_the_source_language(client, reviewer, model):
    url = reverse(f"wagtailsnippets_partnerships_{model}:add")
    response = login(client, reviewer).get(url, {"locale": "fr"})
    assert response.status_code == 200
    assert response.context["locale"].language_code == "en"
    assert not response.context["translations"]


def test_a_partner_posted_with_another_locale_is_created_in_english(client, editor):
    url = partner_url("add") + "?locale=fr"
    login(client, editor)
    data = querydict_from_html(client.get(url).content.decode(), form_id="w-editor-form")
    data.update(
        name="Zqx Locale Test",
        slug="zqx-locale-test",
        partner_type="ngo_nonprofit",
        country="FR",
        summary="A test.",
        relationship_status="active",
    )
    assert client.post(url, data).status_code == 302
    assert Partner.objects.get(slug="zqx-locale-test").locale.language_code == "en"


def test_an_editor_has_no_publish_action_and_cannot_publish_by_posting_it(client, editor):
    partner = PartnerFactory()
    ReviewFactory(partner=partner)  # Publishable: only the permission stands in the way.
    login(client, editor)
    response = client.get(partner_url("edit", partner.pk))
    assert b'name="action-publish"' not in response.content
    assert b'name="action-submit"' in response.content

    data = edit_form(client, partner, summary="Edited by an editor.", **{"action-publish": "1"})
    response = client.post(partner_url("edit", partner.pk), data)
    assert response.status_code == 302
    partner.refresh_from_db()
    assert not partner.live
    assert partner.get_latest_revision_as_object().summary == "Edited by an editor."


def test_the_partners_reviews_panel_is_for_reviewers_only(client, editor, reviewer):
    partner = PartnerFactory()
    ReviewFactory(partner=partner)
    partner.save_revision(log_action=True)
    reviews = reverse("partnership_reviews:index")

    editor_page = login(client, editor).get(partner_url("edit", partner.pk)).content.decode()
    assert partner.name in editor_page
    for marker in INTERNAL_MARKERS:
        assert marker not in editor_page
    assert "Due-diligence reviews" not in editor_page and reviews not in editor_page
    history = client.get(partner_url("history", partner.pk)).content.decode()
    for marker in INTERNAL_MARKERS:
        assert marker not in history

    reviewer_page = login(client, reviewer).get(partner_url("edit", partner.pk)).content.decode()
    assert "Due-diligence reviews" in reviewer_page and f"{reviews}?partner={partner.pk}" in reviewer_page
    # Reviews are not part of the partner's form, for anyone.
    assert "due_diligence_reviews-TOTAL_FORMS" not in reviewer_page
    assert "due_diligence_reviews-TOTAL_FORMS" not in client.get(partner_url("add")).content.decode()


def test_an_editors_save_leaves_the_reviews_untouched_even_when_a_formset_is_forged(client, editor):
    partner = PartnerFactory()
    review = ReviewFactory(partner=partner)
    login(client, editor)
    data = edit_form(client, partner, summary="New summary.")
    data.update(
        {
            "due_diligence_reviews-TOTAL_FORMS": "1",
            "due_diligence_reviews-INITIAL_FORMS": "1",
            "due_diligence_reviews-MIN_NUM_FORMS": "0",
            "due_diligence_reviews-MAX_NUM_FORMS": "1000",
            "due_diligence_reviews-0-id": str(review.pk),
            "due_diligence_reviews-0-DELETE": "1",
        }
    )
    assert client.post(partner_url("edit", partner.pk), data).status_code == 302

    review.refresh_from_db()
    assert review.values_rationale.startswith("INTERNAL-RATIONALE")
    latest = Partner.objects.get(pk=partner.pk).get_latest_revision_as_object()
    assert latest.summary == "New summary."
    assert [r.pk for r in partner.due_diligence_reviews.all()] == [review.pk]


def test_an_editor_reverting_to_an_old_revision_does_not_undo_a_recorded_rejection(client, editor, reviewer):
    partner = public_partner()
    old_revision = partner.live_revision
    # A reviewer records a later rejection: it takes effect at once.
    response = login(client, reviewer).post(
        REVIEW_ADD_URL,
        review_form(partner, decided_on="2025-06-01", values_result="does_not_meet", decision="rejected"),
    )
    assert response.status_code == 302, response.context and response.context["form"].errors
    partner.refresh_from_db()
    assert not partner.live

    login(client, editor)
    revert_url = partner_url("revisions_revert", partner.pk, old_revision.pk)
    response = client.get(revert_url)
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="w-editor-form")
    assert client.post(revert_url, data).status_code == 302
    assert ReviewDecision.REJECTED in [r.decision for r in partner.due_diligence_reviews.all()]
    partner.refresh_from_db()
    assert not partner.live
    assert not Partner.objects.public().filter(pk=partner.pk).exists()


def test_reviews_are_not_part_of_the_partners_revisions(client, editor, reviewer):
    partner = PartnerFactory()
    first = partner.save_revision()
    ReviewFactory(partner=partner, values_rationale="INTERNAL-RATIONALE changed after the board meeting")
    second = Partner.objects.get(pk=partner.pk).save_revision()
    assert "due_diligence_reviews" not in second.content
    url = partner_url("revisions_compare", partner.pk, first.pk, second.pk)
    for user in (editor, reviewer):
        page = login(client, user).get(url).content.decode()
        for marker in [
            "INTERNAL-RATIONALE",
            "INTERNAL-REVIEWER",
            "INTERNAL-NOTE",
            "board meeting",
            "Rationale",
        ]:
            assert marker not in page


# Publishing refused by the guard -------------------------------------------------------------------


def test_publishing_without_an_approved_review_is_refused_with_a_message_and_the_draft_is_kept(
    client, reviewer
):
    partner = PartnerFactory()
    login(client, reviewer)
    data = edit_form(client, partner, summary="Ready, or so we thought.", **{"action-publish": "1"})
    response = client.post(partner_url("edit", partner.pk), data)

    assert response.status_code == 302
    assert response["Location"] == partner_url("edit", partner.pk)
    [message] = messages_of(response)
    assert "was not published" in message
    assert "has no completed due-diligence review" in message
    assert "kept as a draft" in message
    partner.refresh_from_db()
    assert not partner.live
    assert partner.get_latest_revision_as_object().summary == "Ready, or so we thought."


def test_a_reviewer_records_an_approved_review_then_publishes(client, reviewer):
    partner = PartnerFactory()
    login(client, reviewer)
    response = client.post(
        REVIEW_ADD_URL, review_form(partner, values_rationale="INTERNAL-RATIONALE checked")
    )
    assert response.status_code == 302, response.context and response.context["form"].errors
    partner.refresh_from_db()
    assert not partner.live  # an approval publishes nothing by itself
    data = edit_form(client, partner, **{"action-publish": "1"})
    assert client.post(partner_url("edit", partner.pk), data).status_code == 302
    partner.refresh_from_db()
    assert partner.live
    assert Partner.objects.public().filter(pk=partner.pk).exists()
    assert partner.due_diligence_reviews.get().values_rationale == "INTERNAL-RATIONALE checked"


def test_the_refusal_is_in_the_reviewers_admin_language(client, reviewer):
    from django.utils import translation

    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(reviewer)
    profile.preferred_language = "fr"
    profile.save()
    partner = PartnerFactory()
    login(client, reviewer)
    data = edit_form(client, partner, **{"action-publish": "1"})
    response = client.post(partner_url("edit", partner.pk), data)
    [message] = messages_of(response)
    with translation.override("fr"):
        [expected_reason] = Partner.objects.get(pk=partner.pk).get_publish_blockers()
    assert str(expected_reason) in message


def test_publishing_a_contribution_of_a_draft_partner_is_refused(client, reviewer):
    from tests.factories import ContributionFactory

    contribution = ContributionFactory()
    url = reverse("wagtailsnippets_partnerships_contribution:edit", args=[contribution.pk])
    login(client, reviewer)
    data = querydict_from_html(client.get(url).content.decode(), form_id="w-editor-form")
    data["action-publish"] = "1"
    response = client.post(url, data)
    assert response.status_code == 302
    assert response["Location"] == url
    assert any("not on the public register" in message for message in messages_of(response))
    contribution.refresh_from_db()
    assert not contribution.live


# The workflow -------------------------------------------------------------------------------------


def test_a_reviewer_approving_a_submitted_partner_publishes_it(client, editor, reviewer):
    partner = PartnerFactory()
    ReviewFactory(partner=partner)
    task_state = submit_for_review(login(client, editor), partner)

    response = approve(login(client, reviewer), partner, task_state)
    assert response.status_code == 302
    partner.refresh_from_db()
    assert partner.live
    assert Partner.objects.public().filter(pk=partner.pk).exists()
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_APPROVED


def test_an_editor_cannot_approve(client, editor):
    partner = PartnerFactory()
    ReviewFactory(partner=partner)
    task_state = submit_for_review(login(client, editor), partner)
    response = approve(client, partner, task_state)
    assert response.status_code in (302, 403)
    partner.refresh_from_db()
    assert not partner.live
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS


def assert_still_in_review(partner, task_state):
    partner = Partner.objects.get(pk=partner.pk)
    assert not partner.live
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    assert task_state.workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_approving_a_partner_without_an_approved_review_gives_a_message_not_a_500(client, editor, reviewer):
    partner = PartnerFactory()
    task_state = submit_for_review(login(client, editor), partner)

    client.raise_request_exception = False
    response = approve(login(client, reviewer), partner, task_state)
    assert response.status_code == 302
    assert response["Location"] == partner_url("edit", partner.pk)
    assert any("no completed due-diligence review" in message for message in messages_of(response))
    assert_still_in_review(partner, task_state)

    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "no completed due-diligence review" in page.content.decode()


def test_approving_from_the_moderation_modal_answers_the_modal(client, editor, reviewer):
    partner = PartnerFactory()
    ReviewFactory(partner=partner, decision=ReviewDecision.REJECTED)
    task_state = submit_for_review(login(client, editor), partner)

    response = approve(login(client, reviewer), partner, task_state, HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    assert response.status_code == 200
    payload = response.json()
    assert payload["step"] == "success"
    assert payload["redirect"] == partner_url("edit", partner.pk)
    assert any("rejected the partnership" in message for message in messages_of(response))
    assert_still_in_review(partner, task_state)


def test_approving_from_the_edit_view_without_a_review_gives_a_message(client, editor, reviewer):
    partner = PartnerFactory()
    task_state = submit_for_review(login(client, editor), partner)

    login(client, reviewer)
    data = edit_form(
        client,
        partner,
        summary="Tidied by the reviewer.",
        **{"action-workflow-action": "1", "workflow-action-name": "approve"},
    )
    response = client.post(partner_url("edit", partner.pk), data)
    assert response.status_code == 302
    assert any("no completed due-diligence review" in message for message in messages_of(response))
    assert_still_in_review(partner, task_state)
    # The reviewer's edit is kept as the latest draft.
    assert (
        Partner.objects.get(pk=partner.pk).get_latest_revision_as_object().summary
        == "Tidied by the reviewer."
    )


def french_draft_of(partner, user):
    """A French translation made with wagtail-localize and saved as a draft, as its editor does."""
    from wagtail.models import Locale
    from wagtail_localize.models import StringTranslation, Translation, TranslationSource

    french = Locale.objects.get(language_code="fr")
    source, _created = TranslationSource.get_or_create_from_instance(partner)
    translation = Translation.objects.create(source=source, target_locale=french)
    for segment in source.stringsegment_set.select_related("string", "context"):
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=french,
            context=segment.context,
            data=f"[fr] {segment.string.data}",
        )
    translation.save_target(user=user, publish=False)
    return partner.get_translation(french)


def test_a_reviewer_approves_a_french_translation_through_the_same_workflow(
    client, editor, reviewer, django_capture_on_commit_callbacks
):
    partner = public_partner(summary="Supplies ballistic comparison equipment.")
    with django_capture_on_commit_callbacks(execute=True):
        french_partner = french_draft_of(partner, editor)
    assert not french_partner.live
    assert french_partner.get_latest_revision_as_object().summary.startswith("[fr]")

    french_partner.get_workflow().start(french_partner, editor)
    french_partner.refresh_from_db()
    task_state = french_partner.current_workflow_task_state
    assert not Partner.objects.get(pk=french_partner.pk).live

    login(client, reviewer)
    with django_capture_on_commit_callbacks(execute=True):
        response = approve(client, french_partner, task_state)
    assert response.status_code == 302
    french_partner.refresh_from_db()
    assert french_partner.live
    assert french_partner.summary.startswith("[fr]")


def test_approving_a_translation_whose_original_is_not_live_gives_a_message(client, editor, reviewer):
    partner = public_partner()
    french_partner = french_draft_of(partner, editor)
    french_partner.get_workflow().start(french_partner, editor)
    partner.unpublish()
    french_partner.refresh_from_db()
    task_state = french_partner.current_workflow_task_state

    response = approve(login(client, reviewer), french_partner, task_state)
    assert response.status_code == 302
    assert any("Publish the original record" in message for message in messages_of(response))
    assert_still_in_review(french_partner, task_state)


# Access ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "wagtailsnippets_partnerships_partner:list",
        "wagtailsnippets_partnerships_partner:add",
        "wagtailsnippets_partnerships_contribution:list",
        "wagtailsnippets_partnerships_cooperationarea:list",
        "partnership_reviews:index",
    ],
)
def test_anonymous_users_are_sent_to_the_login_page(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_anonymous_users_cannot_open_a_partner(client):
    partner = PartnerFactory()
    response = client.get(partner_url("edit", partner.pk))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_due_diligence_reviews_are_not_a_snippet_of_their_own():
    assert DueDiligenceReview not in get_snippet_models()
    assert Partner in get_snippet_models()


def test_the_partnerships_menu_groups_the_records_and_hides_the_reviews_report_from_editors(
    client, editor, reviewer
):
    home = reverse("wagtailadmin_home")
    editor_page = login(client, editor).get(home).content.decode()
    assert "Partnerships" in editor_page
    assert reverse("wagtailsnippets_partnerships_partner:list") in editor_page
    assert reverse("partnership_reviews:index") not in editor_page

    reviewer_page = login(client, reviewer).get(home).content.decode()
    assert reverse("partnership_reviews:index") in reviewer_page


def test_an_editor_may_not_open_the_reviews_report_by_its_address(client, editor, reviewer):
    for url in (reverse("partnership_reviews:index"), reverse("partnership_reviews:index_results")):
        assert login(client, editor).get(url).status_code in (302, 403)
        assert login(client, reviewer).get(url).status_code == 200


# Submitting a translation that wagtail-localize's editor saved as a draft ---------------------------


def test_an_editor_submits_a_translation_for_review_from_the_listing(client, editor, reviewer):
    partner = public_partner(name="Zqx Translated Partner")
    french_partner = french_draft_of(partner, editor)
    assert not french_partner.live
    login(client, editor)

    listing = client.get(partner_url("list"), {"q": "zqx", "locale": "fr"}).content.decode()
    submit_url = partner_url("submit_translation", french_partner.pk)
    assert submit_url in listing
    assert (
        partner_url("submit_translation", partner.pk)
        not in client.get(partner_url("list"), {"q": "zqx", "locale": "en"}).content.decode()
    )

    confirmation = client.get(submit_url)
    assert confirmation.status_code == 200
    assert "French" in confirmation.content.decode()
    response = client.post(submit_url)
    assert response.status_code == 302
    french_partner.refresh_from_db()
    assert french_partner.workflow_in_progress
    assert not french_partner.live
    assert submit_url not in client.get(partner_url("list"), {"q": "zqx", "locale": "fr"}).content.decode()
    assert client.post(submit_url).status_code == 302  # A second submission is refused with a message.
    assert any("already awaiting review" in message for message in messages_of(client.get(submit_url)))

    response = approve(login(client, reviewer), french_partner, french_partner.current_workflow_task_state)
    assert response.status_code == 302
    french_partner.refresh_from_db()
    assert french_partner.live


def test_the_original_record_is_not_submitted_through_the_translation_view(client, editor):
    partner = PartnerFactory()
    response = login(client, editor).post(partner_url("submit_translation", partner.pk))
    assert response.status_code == 302
    partner.refresh_from_db()
    assert not partner.workflow_in_progress


def test_a_user_without_change_permission_cannot_submit_a_translation(client, django_user_model, editor):
    partner = public_partner()
    french_partner = french_draft_of(partner, editor)
    outsider = django_user_model.objects.create_user("admin-test-outsider", password="pw")
    from django.contrib.auth.models import Permission

    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    response = login(client, outsider).post(partner_url("submit_translation", french_partner.pk))
    assert response.status_code in (302, 403)
    french_partner.refresh_from_db()
    assert not french_partner.workflow_in_progress


def test_a_partner_with_a_decided_review_stays_on_file(client, reviewer):
    """Deleting a partner would delete its reviews: with a decided one it is neither offered nor done,
    by address or in bulk; a partner with only a pending review may still be deleted."""
    kept = PartnerFactory(name="Zqx Kept")
    decided = ReviewFactory(partner=kept, decision=ReviewDecision.REJECTED)
    deletable = PartnerFactory(name="Zqx Deletable")
    ReviewFactory(partner=deletable, decision=ReviewDecision.PENDING, decided_on=None)
    login(client, reviewer)

    listing = client.get(partner_url("list"), {"q": "zqx"}).content.decode()
    assert partner_url("delete", kept.pk) not in listing
    assert partner_url("delete", deletable.pk) in listing
    assert (
        b'href="%s"' % partner_url("delete", kept.pk).encode()
        not in client.get(partner_url("edit", kept.pk)).content
    )

    bulk = reverse("wagtail_bulk_action", args=["partnerships", "partner", "delete"])
    client.post(f"{bulk}?id={kept.pk}")
    assert Partner.objects.filter(pk=kept.pk).exists()
    assert client.post(partner_url("delete", kept.pk)).status_code in (302, 403)
    assert Partner.objects.filter(pk=kept.pk).exists()
    assert DueDiligenceReview.objects.filter(pk=decided.pk).exists()

    assert client.post(partner_url("delete", deletable.pk)).status_code == 302
    assert not Partner.objects.filter(pk=deletable.pk).exists()
