"""The demo records that `load_demo` makes (tests/conftest.py runs it once per session): published
through the review workflow, translated with wagtail-localize, and showing every invariant."""

from collections import Counter

import pytest

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

from wagtail.models import ModelLogEntry, Page, Revision, Workflow, WorkflowState
from wagtail_localize.models import Translation, TranslationSource

from home.demo.contributions import contribution_specs
from home.demo.partners import (
    DRAFT_PARTNERS,
    DRAFT_TRANSLATION_PARTNERS,
    PARTNERS,
    REJECTED_PARTNER,
    UNTRANSLATED_PARTNERS,
)
from home.demo.records import WORKFLOW_DEMONSTRATIONS
from partnerships.models import (
    Contribution,
    ContributionStatus,
    ContributionType,
    CooperationArea,
    DueDiligenceReview,
    Partner,
    PartnerIndexPage,
    PartnerType,
    RelationshipStatus,
    ReviewDecision,
)
from partnerships.publishing import PublishingBlocked

pytestmark = pytest.mark.django_db

LANGUAGES = ["fr", "es", "ar"]
SPECS = contribution_specs()
LIVE_SPECS = [spec for spec in SPECS if spec["state"] == "live"]


def source(model):
    return model.objects.filter(locale__language_code="en")


def record_counts():
    return {
        "areas": CooperationArea.objects.count(),
        "partners": Partner.objects.count(),
        "live partners": Partner.objects.filter(live=True).count(),
        "contributions": Contribution.objects.count(),
        "live contributions": Contribution.objects.filter(live=True).count(),
        "reviews": DueDiligenceReview.objects.count(),
        "revisions": Revision.objects.count(),
        "translations": Translation.objects.count(),
        "translation sources": TranslationSource.objects.count(),
        "workflow states": WorkflowState.objects.count(),
        "log entries": ModelLogEntry.objects.count(),
    }


# --- what the demo contains ---------------------------------------------------------------------


def test_about_thirty_public_partners_and_the_unpublished_ones():
    assert source(Partner).count() == len(PARTNERS) + len(DRAFT_PARTNERS) + 1
    assert set(source(Partner).filter(live=True).values_list("slug", flat=True)) == {
        spec["slug"] for spec in PARTNERS
    }


def test_about_a_hundred_and_twenty_public_contributions():
    assert source(Contribution).count() == len(SPECS)
    assert set(Contribution.objects.public().values_list("reference", flat=True)) == {
        spec["reference"] for spec in LIVE_SPECS
    }


def test_every_live_partner_has_a_positive_current_review():
    live = set(source(Partner).filter(live=True))
    assert set(Partner.objects.public()) == live
    # Read from the reviews themselves, not from the queryset that decides what is public.
    for partner in live:
        decided = [review for review in partner.due_diligence_reviews.all() if review.decided_on]
        latest = max(decided, key=lambda review: (review.decided_on, review.pk))
        assert latest.decision in ReviewDecision.positive(), partner


def test_public_contributions_belong_to_public_partners():
    public_partners = set(Partner.objects.public().values_list("pk", flat=True))
    live = source(Contribution).filter(live=True)
    assert set(live.values_list("partner_id", flat=True)) <= public_partners
    assert set(Contribution.objects.public()) == set(live)


def test_the_demo_covers_every_type_status_and_currency():
    public = list(Contribution.objects.public())
    assert {c.contribution_type for c in public} == set(ContributionType.values)
    assert {c.status for c in public} == set(ContributionStatus.values)
    partners = list(Partner.objects.public())
    assert {p.partner_type for p in partners} == set(PartnerType.values)
    assert {p.relationship_status for p in partners} == set(RelationshipStatus.values)
    assert len({p.country.code for p in partners}) >= 20
    financial = [c for c in public if c.is_financial]
    assert all(c.amount and c.currency for c in financial)
    assert {"EUR", "USD", "CHF", "GBP"} <= {c.currency for c in financial}
    in_kind = [c for c in public if not c.is_financial]
    assert all(c.quantity and c.unit for c in in_kind)
    valued = [c for c in in_kind if c.estimated_value is not None]
    assert valued and all(c.currency and c.valuation_method != "not_valued" for c in valued)
    assert {c.valuation_method for c in valued} == {"market_fair_value", "donor_declared", "cost_basis"}
    assert any(c.valuation_method == "not_valued" for c in in_kind)
    years = {c.signed_date.year for c in public if c.signed_date}
    assert years == set(range(2019, 2027))


def test_ended_contributions_give_their_reason():
    ended = source(Contribution).filter(status__in=ContributionStatus.ended_without_completion())
    assert ended.exists()
    assert not ended.filter(end_reason="").exists()
    assert not source(Contribution).exclude(pk__in=ended).exclude(end_reason="").exists()


def test_every_record_and_review_passes_model_validation():
    for record in [*Partner.objects.all(), *Contribution.objects.all(), *CooperationArea.objects.all()]:
        record.full_clean()
    for review in DueDiligenceReview.objects.all():
        review.full_clean()


def test_names_are_invented_and_websites_use_the_reserved_example_domain():
    for partner in source(Partner):
        assert partner.website.endswith(".example")
    assert source(Partner).filter(name="Northwind Forensic Systems").exists()


# --- how it was published -------------------------------------------------------------------------


def test_every_live_record_was_published_by_the_reviewer():
    for model in (Partner, Contribution):
        for record in model.objects.filter(live=True):
            published = ModelLogEntry.objects.for_instance(record).filter(action="wagtail.publish").first()
            assert published is not None, record
            if getattr(settings, "PORTAL_CREATE_DEMO_ADMIN", False):
                assert published.user.username == "reviewer"
                assert published.user.groups.filter(name="Transparency reviewers").exists()


@pytest.mark.parametrize("model", [Partner, Contribution])
def test_records_and_their_translations_were_approved_through_the_transparency_review_workflow(model):
    """The first partners, their contributions and their translations show the workflow in the admin."""
    workflow = Workflow.objects.get(name="Transparency review")
    approved = WorkflowState.objects.filter(
        workflow=workflow,
        status=WorkflowState.STATUS_APPROVED,
        base_content_type=ContentType.objects.get_for_model(model),
    )
    approved_languages = set(
        model.objects.filter(pk__in=[int(pk) for pk in approved.values_list("object_id", flat=True)])
        .values_list("locale__language_code", flat=True)
        .distinct()
    )
    assert approved_languages == {"en", "fr", "es", "ar"}


def test_the_demo_editor_wrote_the_drafts_and_cannot_publish():
    editor_revisions = Revision.objects.filter(user__username="editor")
    assert editor_revisions.exists()
    from django.contrib.auth import get_user_model

    editor = get_user_model().objects.get(username="editor")
    assert editor.groups.filter(name="Editors").exists()
    assert not editor.has_perm("partnerships.publish_partner")


def test_the_rejected_partner_is_not_live_and_the_guard_refuses_it(django_capture_on_commit_callbacks):
    partner = source(Partner).get(slug=REJECTED_PARTNER["slug"])
    assert not partner.live
    assert partner.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert partner.due_diligence_reviews.get().decision == ReviewDecision.REJECTED
    assert not Partner.objects.public().filter(pk=partner.pk).exists()
    # Neither a direct publish …
    with pytest.raises(PublishingBlocked, match="rejected"):
        partner.save_revision().publish()
    # … nor a reviewer approving a fresh submission puts it live.
    partner.current_workflow_state.cancel()
    workflow = Workflow.objects.get(name="Transparency review")
    state = workflow.start(partner, None)
    task_state = state.current_task_state
    with pytest.raises(PublishingBlocked):
        task_state.task.specific.on_action(task_state, None, "approve")
    assert not Partner.objects.get(pk=partner.pk).live


def test_drafts_were_never_submitted():
    for spec in DRAFT_PARTNERS:
        partner = source(Partner).get(slug=spec["slug"])
        assert not partner.live
        assert partner.latest_revision is not None
        assert not partner.workflow_states.exists()
    drafts = [spec for spec in SPECS if spec["state"] == "draft"]
    assert drafts
    for spec in drafts:
        contribution = source(Contribution).get(reference=spec["reference"])
        assert not contribution.live
        assert not contribution.workflow_states.exists()


def test_one_contribution_is_waiting_for_review():
    in_review = [spec for spec in SPECS if spec["state"] == "review"]
    assert len(in_review) == 1
    contribution = source(Contribution).get(reference=in_review[0]["reference"])
    assert not contribution.live
    assert contribution.workflow_in_progress
    assert Partner.objects.public().filter(pk=contribution.partner_id).exists()


def test_pending_and_withdrawn_reviews_are_kept():
    decisions = Counter(DueDiligenceReview.objects.values_list("decision", flat=True))
    assert decisions[ReviewDecision.PENDING] == 1
    assert decisions[ReviewDecision.WITHDRAWN] == 1
    assert decisions[ReviewDecision.REJECTED] == 1
    assert decisions[ReviewDecision.APPROVED_WITH_CONDITIONS] >= 5
    assert decisions[ReviewDecision.APPROVED] >= 20
    assert DueDiligenceReview.objects.filter(review_type="periodic").exists()
    assert DueDiligenceReview.objects.filter(review_type="triggered").exists()


# --- translations -----------------------------------------------------------------------------------


@pytest.mark.parametrize("code", LANGUAGES)
def test_partners_are_translated_except_the_deliberate_gaps(code):
    missing = set(UNTRANSLATED_PARTNERS.get(code, []))
    drafts = set(DRAFT_TRANSLATION_PARTNERS.get(code, []))
    translated = {
        p.slug: p for p in Partner.objects.filter(locale__language_code=code).select_related("locale")
    }
    for spec in PARTNERS:
        slug = spec["slug"]
        if slug in missing:
            assert slug not in translated
        elif slug in drafts:
            assert not translated[slug].live
        else:
            partner = translated[slug]
            assert partner.live, slug
            assert partner.summary == spec["summary"].in_language(code)
            assert spec["about"].in_language(code) in partner.description


@pytest.mark.parametrize("code", LANGUAGES)
def test_contributions_are_translated_except_the_deliberate_gaps(code):
    translated = {c.reference: c for c in Contribution.objects.filter(locale__language_code=code)}
    gaps = drafts = 0
    for spec in LIVE_SPECS:
        if code in spec["untranslated"]:
            assert spec["reference"] not in translated
            gaps += 1
        elif code in spec["draft_translations"]:
            assert not translated[spec["reference"]].live
            drafts += 1
        else:
            contribution = translated[spec["reference"]]
            assert contribution.live
            assert contribution.title == spec["title"].in_language(code)
            assert contribution.purpose == spec["purpose"].in_language(code)
    assert set(translated) <= {spec["reference"] for spec in LIVE_SPECS}
    assert gaps + drafts == len(
        [s for s in LIVE_SPECS if code in s["untranslated"] | s["draft_translations"]]
    )


def test_some_translations_are_deliberately_missing_or_drafts():
    assert UNTRANSLATED_PARTNERS["ar"] and DRAFT_TRANSLATION_PARTNERS
    assert any(spec["untranslated"] for spec in LIVE_SPECS)
    assert any(spec["draft_translations"] for spec in LIVE_SPECS)
    assert Partner.objects.filter(live=False).exclude(locale__language_code="en").exists()


def test_translations_share_the_source_relations():
    for translation in Contribution.objects.exclude(locale__language_code="en").select_related(
        "partner__locale"
    ):
        assert translation.partner.locale.language_code == "en"
        source_row = translation.get_source()
        assert set(translation.cooperation_areas.all()) == set(source_row.cooperation_areas.all())
        assert (translation.amount, translation.currency, translation.status) == (
            source_row.amount,
            source_row.currency,
            source_row.status,
        )
    for translation in Partner.objects.exclude(locale__language_code="en"):
        assert not translation.due_diligence_reviews.exists()


def test_translations_are_made_with_wagtail_localize():
    for model in (Partner, Contribution, CooperationArea):
        for row in model.objects.exclude(locale__language_code="en"):
            assert Translation.objects.filter(
                source__object_id=row.translation_key, target_locale=row.locale
            ).exists(), row


@pytest.mark.parametrize("code", LANGUAGES)
def test_cooperation_areas_exist_in_every_language(code):
    english = dict(source(CooperationArea).values_list("translation_key", "name"))
    translated = dict(
        CooperationArea.objects.filter(locale__language_code=code).values_list("translation_key", "name")
    )
    assert set(translated) == set(english)
    assert len(english) >= 11
    assert all(translated[key] != english[key] for key in english if code != "en")
    assert source(CooperationArea).filter(slug="cybersecurity").exists()


# --- the register pages in the page tree ------------------------------------------------------------


@pytest.mark.parametrize("code", ["en", *LANGUAGES])
def test_directory_and_register_pages_are_in_every_language_and_menu(code):
    home = Page.objects.get(depth=2, locale__language_code=code)
    children = list(home.get_children().live().in_menu().specific())
    slugs = [page.slug for page in children]
    assert "partners" in slugs and "contributions" in slugs
    assert slugs.index("partners") + 1 == slugs.index("contributions")
    assert slugs[-2:] == ["apply", "updates"]
    assert isinstance(children[slugs.index("partners")], PartnerIndexPage)
    english_home = Page.objects.get(depth=2, locale__language_code="en")
    english = [p.translation_key for p in english_home.get_children().live().in_menu()]
    assert [p.translation_key for p in children] == english


# --- idempotence ---------------------------------------------------------------------------------------


def test_load_demo_twice_changes_no_record_count(django_capture_on_commit_callbacks):
    before = record_counts()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", verbosity=0)
    assert record_counts() == before


def test_load_demo_prints_a_summary(capsys):
    call_command("load_demo", verbosity=1)
    output = capsys.readouterr().out
    assert f"{len(PARTNERS)} public" in output
    assert f"{len(LIVE_SPECS)} public" in output
    assert "Added 0 records" in output


def fully_translated(specs):
    return [s for s in specs if not s["untranslated"] and not s["draft_translations"]]


def data_spec():
    """A live contribution loaded as data: of a partner after those that demonstrate the workflow."""
    demonstrations = {spec["slug"] for spec in PARTNERS[:WORKFLOW_DEMONSTRATIONS]}
    return fully_translated([s for s in LIVE_SPECS if s["partner"] not in demonstrations])[0]


@override_settings(PORTAL_CREATE_DEMO_ADMIN=False)
@pytest.mark.parametrize("which", ["through the workflow", "as data"])
def test_a_missing_record_is_made_again_without_demo_accounts(which, django_capture_on_commit_callbacks):
    spec = fully_translated(LIVE_SPECS)[0] if which == "through the workflow" else data_spec()
    original = source(Contribution).get(reference=spec["reference"])
    original.get_translations().delete()
    original.delete()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", verbosity=0)
    again = source(Contribution).get(reference=spec["reference"])
    assert again.pk != original.pk
    assert Contribution.objects.public().filter(pk=again.pk).exists()
    assert again.latest_revision.user is None
    assert {t.locale.language_code for t in again.get_translations().filter(live=True)} == set(LANGUAGES)
    assert again.signed_date == spec["signed"]
    # Indexed for search at the end of the load, as every save would have (by its title: PostgreSQL's
    # full-text search does not find a reference such as "PSP-2019-003" as a word).
    assert again in list(Contribution.objects.filter(locale=again.locale).search(again.title))


def test_a_translation_loaded_as_data_opens_in_wagtail_localize_editor(client, django_user_model):
    spec = data_spec()
    french = Contribution.objects.get(reference=spec["reference"], locale__language_code="fr")
    assert french.live and french.live_revision_id == french.latest_revision_id
    admin = django_user_model.objects.create_superuser("demo-check", "demo-check@example.org", "pw")
    client.force_login(admin)
    response = client.get(reverse(Contribution.snippet_viewset.get_url_name("edit"), args=[french.pk]))
    assert response.status_code == 200
    assert "wagtail_localize/admin/edit_translation.html" in [t.name for t in response.templates]
    assert response.context["translation"].source.object_id == french.translation_key
