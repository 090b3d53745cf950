"""Who may do what in the admin (issue 13): one table, each row tried through the admin's own addresses
with the test client signed in as that role, and judged by what it did, not by the status code.

The answers come from the product brief and docs/editors.md: editors keep the records, write the pages
and updates, translate them and submit them for review, and nothing reaches the public until a
Transparency reviewer approves it, so editors never publish, unpublish or delete what is live. Reviewers
approve, and alone see the due-diligence reviews and the expressions of interest and keep the exchange
rates and the partnership settings. Superusers may do everything Wagtail lets anyone do.

"allowed" means the action took effect (the draft saved, the record live, the lock taken, the
translation made…); "refused" means it did not (the record still not live, still there, still locked…).
Anonymous visitors are also sent to the sign-in page, every time."""

import datetime
import itertools
import uuid
from dataclasses import dataclass

import pytest

from django.contrib.admin.utils import quote
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Locale, Site
from wagtail.test.utils.form_data import querydict_from_html
from wagtail_localize.models import Translation, TranslationSource

from home.models import ContentPage, HomePage, UpdateIndexPage, UpdatePage
from partnerships.models import (
    Contribution,
    CooperationArea,
    ExchangeRate,
    ExpressionOfInterest,
    Partner,
    PartnershipSettings,
    ReviewDecision,
)
from tests.factories import (
    REVIEW_ADD_URL,
    ContributionFactory,
    CooperationAreaFactory,
    PartnerFactory,
    ReviewFactory,
    make_user,
    public_partner,
    publish,
    review_form,
)
from tests.localize import edit_url, submit_for_review_url, translate_url

pytestmark = pytest.mark.django_db

ANONYMOUS, EDITOR, REVIEWER, SUPERUSER = ROLES = ("anonymous", "editor", "reviewer", "superuser")
Y, N = "allowed", "refused"

# fmt: off
MATRIX = [
    # object kind             action                                   anonymous editor reviewer superuser
    ("partner",               "open the edit view",                      N, Y, Y, Y),
    ("partner",               "save a draft",                            N, Y, Y, Y),
    ("partner",               "submit for review",                       N, Y, Y, Y),
    ("partner",               "approve a submission",                    N, N, Y, Y),
    ("partner",               "publish",                                 N, N, Y, Y),
    ("partner",               "unpublish",                               N, N, Y, Y),
    ("partner",               "delete a draft",                          N, N, Y, Y),
    # A decided due-diligence review stays on file (docs/editors.md, 2.2 and 7), and deleting its
    # partner would delete it: a live partner always has one, a rejected one has one too.
    ("partner",               "delete a live one",                       N, N, N, N),
    ("partner",               "delete a rejected one",                   N, N, N, N),
    ("partner",               "lock",                                    N, Y, Y, Y),
    ("partner",               "unlock their own lock",                   N, Y, Y, Y),
    ("partner",               "unlock someone else's lock",              N, N, Y, Y),
    ("partner",               "translate",                               N, Y, Y, Y),
    ("partner",               "submit a translation for review",         N, Y, Y, Y),
    ("partner",               "publish a translation",                   N, N, Y, Y),
    ("partner",               "sync translations",                       N, Y, Y, Y),
    ("partner",               "sync and publish translations at once",   N, N, Y, Y),

    ("contribution",          "open the edit view",                      N, Y, Y, Y),
    ("contribution",          "save a draft",                            N, Y, Y, Y),
    ("contribution",          "submit for review",                       N, Y, Y, Y),
    ("contribution",          "approve a submission",                    N, N, Y, Y),
    ("contribution",          "publish",                                 N, N, Y, Y),
    ("contribution",          "unpublish",                               N, N, Y, Y),
    ("contribution",          "delete a draft",                          N, N, Y, Y),
    ("contribution",          "delete a live one",                       N, N, Y, Y),
    ("contribution",          "lock",                                    N, Y, Y, Y),
    ("contribution",          "unlock their own lock",                   N, Y, Y, Y),
    ("contribution",          "unlock someone else's lock",              N, N, Y, Y),
    ("contribution",          "translate",                               N, Y, Y, Y),
    ("contribution",          "submit a translation for review",         N, Y, Y, Y),
    ("contribution",          "publish a translation",                   N, N, Y, Y),
    ("contribution",          "sync translations",                       N, Y, Y, Y),
    ("contribution",          "sync and publish translations at once",   N, N, Y, Y),

    ("page",                  "open the edit view",                      N, Y, Y, Y),
    ("page",                  "save a draft",                            N, Y, Y, Y),
    ("page",                  "submit for review",                       N, Y, Y, Y),
    ("page",                  "approve a submission",                    N, N, Y, Y),
    ("page",                  "publish",                                 N, N, Y, Y),
    ("page",                  "unpublish",                               N, N, Y, Y),
    # Wagtail's rule for pages: whoever may change a page may delete it while nothing of it is live.
    ("page",                  "delete a draft",                          N, Y, Y, Y),
    ("page",                  "delete a live one",                       N, N, Y, Y),
    ("page",                  "lock",                                    N, Y, Y, Y),
    ("page",                  "unlock their own lock",                   N, Y, Y, Y),
    ("page",                  "unlock someone else's lock",              N, N, Y, Y),
    ("page",                  "translate",                               N, Y, Y, Y),
    ("page",                  "submit a translation for review",         N, Y, Y, Y),
    ("page",                  "publish a translation",                   N, N, Y, Y),
    ("page",                  "sync translations",                       N, Y, Y, Y),
    ("page",                  "sync and publish translations at once",   N, N, Y, Y),

    ("update",                "open the edit view",                      N, Y, Y, Y),
    ("update",                "save a draft",                            N, Y, Y, Y),
    ("update",                "submit for review",                       N, Y, Y, Y),
    ("update",                "approve a submission",                    N, N, Y, Y),
    ("update",                "publish",                                 N, N, Y, Y),
    ("update",                "unpublish",                               N, N, Y, Y),
    ("update",                "delete a draft",                          N, Y, Y, Y),
    ("update",                "delete a live one",                       N, N, Y, Y),
    ("update",                "lock",                                    N, Y, Y, Y),
    ("update",                "unlock their own lock",                   N, Y, Y, Y),
    ("update",                "unlock someone else's lock",              N, N, Y, Y),
    ("update",                "translate",                               N, Y, Y, Y),
    ("update",                "submit a translation for review",         N, Y, Y, Y),
    ("update",                "publish a translation",                   N, N, Y, Y),
    ("update",                "sync translations",                       N, Y, Y, Y),
    ("update",                "sync and publish translations at once",   N, N, Y, Y),

    # Cooperation areas have no drafts: a translated name is public as soon as it is saved.
    ("cooperation area",      "add",                                     N, N, Y, Y),
    ("cooperation area",      "translate",                               N, N, Y, Y),

    ("due-diligence review",  "view",                                    N, N, Y, Y),
    ("due-diligence review",  "record",                                  N, N, Y, Y),
    ("due-diligence review",  "complete a pending one",                  N, N, Y, Y),
    ("due-diligence review",  "delete a pending one",                    N, N, Y, Y),
    # A decided review is final, for superusers too: a correction is a new review.
    ("due-diligence review",  "change a decided one",                    N, N, N, N),
    ("expression of interest", "view",                                   N, N, Y, Y),
    ("expression of interest", "change",                                 N, N, Y, Y),
    ("exchange rate",         "view",                                    N, N, Y, Y),
    ("exchange rate",         "add",                                     N, N, Y, Y),
    ("exchange rate",         "change",                                  N, N, Y, Y),
    ("exchange rate",         "delete",                                  N, N, Y, Y),
    ("partnership settings",  "view",                                    N, N, Y, Y),
    ("partnership settings",  "change",                                  N, N, Y, Y),
]
# fmt: on

ROWS = [
    pytest.param(role, kind, action, expected, id=f"{role}-{kind}-{action}-{expected}".replace(" ", "_"))
    for kind, action, *answers in MATRIX
    for role, expected in zip(ROLES, answers, strict=True)
]

serial = itertools.count(1)


# The four kinds of content, as the admin reaches them -----------------------------------------------


class RecordKind:
    """A partner or a contribution: a snippet with drafts, workflow, locking and translations."""

    form_id = "w-editor-form"
    unscripted_fields = {}

    def __init__(self, model, text_field):
        self.model = model
        self.text_field = text_field

    def new(self, live, review=ReviewDecision.APPROVED):
        """A draft that a reviewer could publish (its partner's review is approved), or a live one; a
        partner's draft may have another review."""
        if self.model is Partner:
            record = PartnerFactory()
            ReviewFactory(
                partner=record, decision=review, decided_on=None if review == "pending" else "2024-01-10"
            )
        else:
            record = ContributionFactory(partner=public_partner())
        return publish(record) if live else record

    def url(self, name, record, *args):
        return reverse(
            f"wagtailsnippets_partnerships_{self.model._meta.model_name}:{name}",
            args=[quote(record.pk), *args],
        )

    def title(self, record):
        return record.name if self.model is Partner else record.title


class PageKind:
    """A content page under the English home page, or an update under "Updates"."""

    form_id = "page-edit-form"
    # The body's StreamField is drawn by script, so the form in the HTML lacks it: the pages' is empty.
    unscripted_fields = {"body-count": "0"}

    def __init__(self, model, parent_model, text_field):
        self.model = model
        self.parent_model = parent_model
        self.text_field = text_field

    def new(self, live, review=None):
        parent = self.parent_model.objects.get(locale__language_code="en")
        number = next(serial)
        page = self.model(title=f"Matrix page {number}", slug=f"matrix-page-{number}", live=False)
        setattr(page, self.text_field, "The English text.")
        parent.add_child(instance=page)
        revision = page.save_revision()
        if live:
            revision.publish()
        return self.model.objects.get(pk=page.pk)

    def url(self, name, page, *args):
        return reverse(f"wagtailadmin_pages:{name}", args=[page.pk, *args])

    def title(self, page):
        return page.title


KINDS = {
    "partner": RecordKind(Partner, "summary"),
    "contribution": RecordKind(Contribution, "purpose"),
    "page": PageKind(ContentPage, HomePage, "introduction"),
    "update": PageKind(UpdatePage, UpdateIndexPage, "summary"),
}


def reload(obj):
    return type(obj).objects.filter(pk=obj.pk).first()


def localized_draft(obj, locale):
    """A French translation made with wagtail-localize, as "Translate" leaves it: a draft."""
    source, _ = TranslationSource.get_or_create_from_instance(obj)
    Translation.objects.create(source=source, target_locale=locale).save_target(publish=False)
    translation = obj.get_translation(locale)
    assert not translation.live
    return translation


# The people, and one action at a time ---------------------------------------------------------------


@dataclass
class Actor:
    role: str
    client: Client
    people: dict
    admin_client: Client
    french: Locale
    on_commit: object

    @property
    def user(self):
        return self.people.get(self.role)

    def post(self, url, data=None):
        with self.on_commit(execute=True):
            return self.client.post(url, data or {})

    def post_edit_form(self, kind, obj, **changes):
        """What the browser posts from the edit view, with `changes`; anonymous visitors post the form a
        superuser was shown."""
        reader = self.admin_client if self.role == ANONYMOUS else self.client
        response = reader.get(kind.url("edit", obj))
        assert response.status_code == 200
        data = querydict_from_html(response.content.decode(), form_id=kind.form_id)
        for key, value in {**kind.unscripted_fields, **changes}.items():
            data[key] = value
        return self.post(kind.url("edit", obj), data)


def lock(obj, user):
    obj.locked, obj.locked_by, obj.locked_at = True, user, timezone.now()
    obj.save(update_fields=["locked", "locked_by", "locked_at"])


def someone_else(actor):
    return actor.people[EDITOR] if actor.role == REVIEWER else actor.people[REVIEWER]


def open_edit_view(actor, kind):
    obj = kind.new(live=False)
    response = actor.client.get(kind.url("edit", obj))
    return response, response.status_code == 200 and kind.title(obj) in response.content.decode()


def save_draft(actor, kind):
    obj = kind.new(live=False)
    text = f"Changed by the {actor.role}."
    response = actor.post_edit_form(kind, obj, **{kind.text_field: text})
    return response, getattr(reload(obj).get_latest_revision_as_object(), kind.text_field) == text


def submit_for_review(actor, kind):
    obj = kind.new(live=False)
    response = actor.post_edit_form(kind, obj, **{"action-submit": "1"})
    return response, reload(obj).workflow_in_progress


def approve(actor, kind):
    obj = kind.new(live=False)
    editor = actor.people[EDITOR]
    obj.save_revision(user=editor)
    obj.get_workflow().start(obj, editor)
    task_state = reload(obj).current_workflow_task_state
    response = actor.post(kind.url("workflow_action", obj, "approve", task_state.pk), {"comment": ""})
    return response, reload(obj).live


def publish_action(actor, kind):
    obj = kind.new(live=False)
    response = actor.post_edit_form(kind, obj, **{"action-publish": "1"})
    return response, reload(obj).live


def unpublish(actor, kind):
    obj = kind.new(live=True)
    response = actor.post(kind.url("unpublish", obj))
    return response, not reload(obj).live


def delete(live, review=ReviewDecision.APPROVED):
    def action(actor, kind):
        obj = kind.new(live=live, review=review)
        response = actor.post(kind.url("delete", obj))
        return response, reload(obj) is None

    return action


def lock_action(actor, kind):
    obj = kind.new(live=False)
    response = actor.post(kind.url("lock", obj))
    obj = reload(obj)
    return response, obj.locked and actor.user is not None and obj.locked_by == actor.user


def unlock(whose):
    def action(actor, kind):
        obj = kind.new(live=False)
        holder = someone_else(actor) if whose == "else" else actor.user or actor.people[EDITOR]
        lock(obj, holder)
        response = actor.post(kind.url("unlock", obj))
        return response, not reload(obj).locked

    return action


def translate(actor, kind):
    obj = kind.new(live=True)
    response = actor.post(translate_url(obj), {"locales": [actor.french.pk]})
    translation = obj.get_translation_or_none(actor.french)
    # Translating makes a draft, whoever asks: it goes live only through review (invariant 4).
    assert translation is None or not translation.live
    return response, translation is not None


def submit_translation(actor, kind):
    draft = localized_draft(kind.new(live=True), actor.french)
    response = actor.post(submit_for_review_url(draft))
    return response, reload(draft).workflow_in_progress


def publish_translation(actor, kind):
    """The "Publish" of wagtail-localize's translation editor, which the translator works in."""
    draft = localized_draft(kind.new(live=True), actor.french)
    response = actor.post(edit_url(draft), {"action": "publish"})
    return response, reload(draft).live


def sync(publish_translations):
    def action(actor, kind):
        obj = kind.new(live=True)
        draft = localized_draft(obj, actor.french)
        # The English text changes and is approved; then someone syncs the translations.
        setattr(obj, kind.text_field, "The revised English text.")
        obj.save_revision().publish()
        source = TranslationSource.objects.get(object_id=obj.translation_key, locale=obj.locale)
        data = {"publish_translations": "on"} if publish_translations else {}
        response = actor.post(reverse("wagtail_localize:update_translations", args=[source.pk]), data)
        if publish_translations:
            return response, reload(draft).live
        source.refresh_from_db()
        # Syncing alone never publishes.
        assert not reload(draft).live
        return response, "The revised English text." in source.content_json

    return action


CONTENT_ACTIONS = {
    "open the edit view": open_edit_view,
    "save a draft": save_draft,
    "submit for review": submit_for_review,
    "approve a submission": approve,
    "publish": publish_action,
    "unpublish": unpublish,
    "delete a draft": delete(live=False, review=ReviewDecision.PENDING),
    "delete a live one": delete(live=True),
    "delete a rejected one": delete(live=False, review=ReviewDecision.REJECTED),
    "lock": lock_action,
    "unlock their own lock": unlock("own"),
    "unlock someone else's lock": unlock("else"),
    "translate": translate,
    "submit a translation for review": submit_translation,
    "publish a translation": publish_translation,
    "sync translations": sync(publish_translations=False),
    "sync and publish translations at once": sync(publish_translations=True),
}


# Due-diligence reviews, expressions of interest, exchange rates, settings ---------------------------


def add_area(actor):
    response = actor.post(reverse("wagtailsnippets_partnerships_cooperationarea:add"), AREA)
    return response, CooperationArea.objects.filter(slug=AREA["slug"]).exists()


def translate_area(actor):
    area = CooperationAreaFactory()
    response = actor.post(translate_url(area), {"locales": [actor.french.pk]})
    return response, area.has_translation(actor.french)


AREA = {"name": "Matrix forensics", "slug": "matrix-forensics"}


def review_url(name, review):
    return reverse(f"partnership_reviews:{name}", args=[review.pk])


def view_review(actor):
    review = ReviewFactory()
    index = actor.client.get(reverse("partnership_reviews:index"))
    inspect = actor.client.get(review_url("inspect", review))
    shown = index.status_code == 200 and review.partner.name in index.content.decode()
    return inspect, shown and inspect.status_code == 200 and "INTERNAL-RATIONALE" in inspect.content.decode()


def record_review(actor):
    partner = PartnerFactory()
    response = actor.post(REVIEW_ADD_URL, review_form(partner))
    return response, partner.due_diligence_reviews.exists()


def pending_review():
    return ReviewFactory(decision=ReviewDecision.PENDING, decided_on=None)


def complete_pending_review(actor):
    review = pending_review()
    response = actor.post(review_url("edit", review), review_form(review.partner))
    return response, reload(review).decision == ReviewDecision.APPROVED


def delete_pending_review(actor):
    review = pending_review()
    response = actor.post(review_url("delete", review))
    return response, reload(review) is None


def change_decided_review(actor):
    review = ReviewFactory()
    response = actor.post(review_url("edit", review), review_form(review.partner, decision="rejected"))
    return response, reload(review).decision != ReviewDecision.APPROVED


def expression_of_interest():
    return ExpressionOfInterest.objects.create(
        submission_token=uuid.uuid4(),
        language="en",
        organisation_name="Matrix Foundation",
        organisation_type="philanthropic_foundation",
        country="ES",
        contact_name="Ana",
        email="ana@matrix.example",
        contribution_types=["training"],
        proposal="PRIVATE-PROPOSAL training courses.",
        alignment="Builds capacity.",
        consent_given_at=timezone.now(),
    )


def view_expression_of_interest(actor):
    application = expression_of_interest()
    index = actor.client.get(reverse("expressions_of_interest:index"))
    inspect = actor.client.get(reverse("expressions_of_interest:inspect", args=[application.pk]))
    listed = index.status_code == 200 and application.reference in index.content.decode()
    return inspect, listed and inspect.status_code == 200 and "PRIVATE-PROPOSAL" in inspect.content.decode()


def change_expression_of_interest(actor):
    application = expression_of_interest()
    url = reverse("expressions_of_interest:edit", args=[application.pk])
    response = actor.post(
        url, {"status": "under_review", "assigned_to": "", "reviewer_notes": "Matrix note."}
    )
    return response, reload(application).reviewer_notes == "Matrix note."


def rate_url(name, *args):
    return reverse(f"wagtailsnippets_partnerships_exchangerate:{name}", args=args)


RATE = {"currency": "USD", "month": "2025-01-01", "rate": "0.9", "source": "Matrix rates of exchange"}


def a_rate():
    return ExchangeRate.objects.create(
        currency="USD", month=datetime.date(2025, 1, 1), rate="0.9", source="Matrix"
    )


def view_rates(actor):
    a_rate()
    response = actor.client.get(rate_url("list"))
    return response, response.status_code == 200 and "Matrix" in response.content.decode()


def add_rate(actor):
    response = actor.post(rate_url("add"), RATE)
    return response, ExchangeRate.objects.filter(source=RATE["source"]).exists()


def change_rate(actor):
    rate = a_rate()
    response = actor.post(rate_url("edit", rate.pk), {**RATE, "rate": "0.8"})
    return response, str(reload(rate).rate).startswith("0.8")


def delete_rate(actor):
    rate = a_rate()
    response = actor.post(rate_url("delete", rate.pk))
    return response, reload(rate) is None


def settings_url():
    return reverse(
        "wagtailsettings:edit",
        args=["partnerships", "partnershipsettings", Site.objects.get(is_default_site=True).pk],
    )


def view_settings(actor):
    response = actor.client.get(settings_url())
    return response, response.status_code == 200 and 'name="reviewers_email"' in response.content.decode()


def change_settings(actor):
    data = {"reviewers_email": "matrix@example.org", "privacy_page": "", "reporting_currency": "EUR"}
    response = actor.post(settings_url(), data)
    return response, PartnershipSettings.for_site(
        Site.objects.get(is_default_site=True)
    ).reviewers_email == data["reviewers_email"]


OTHER_ACTIONS = {
    ("cooperation area", "add"): add_area,
    ("cooperation area", "translate"): translate_area,
    ("due-diligence review", "view"): view_review,
    ("due-diligence review", "record"): record_review,
    ("due-diligence review", "complete a pending one"): complete_pending_review,
    ("due-diligence review", "delete a pending one"): delete_pending_review,
    ("due-diligence review", "change a decided one"): change_decided_review,
    ("expression of interest", "view"): view_expression_of_interest,
    ("expression of interest", "change"): change_expression_of_interest,
    ("exchange rate", "view"): view_rates,
    ("exchange rate", "add"): add_rate,
    ("exchange rate", "change"): change_rate,
    ("exchange rate", "delete"): delete_rate,
    ("partnership settings", "view"): view_settings,
    ("partnership settings", "change"): change_settings,
}


# The test -------------------------------------------------------------------------------------------


@pytest.fixture
def people():
    return {
        EDITOR: make_user("matrix-editor", "Editors"),
        REVIEWER: make_user("matrix-reviewer", "Transparency reviewers"),
        SUPERUSER: User.objects.create_superuser("matrix-admin", "matrix-admin@example.org", "pw"),
    }


def actor_for(role, people, on_commit):
    client, admin_client = Client(), Client()
    admin_client.force_login(people[SUPERUSER])
    if role != ANONYMOUS:
        client.force_login(people[role])
    return Actor(role, client, people, admin_client, Locale.objects.get(language_code="fr"), on_commit)


def test_every_row_of_the_matrix_is_tried():
    assert {action for kind, action, *_ in MATRIX if kind in KINDS} == set(CONTENT_ACTIONS)
    assert {(kind, action) for kind, action, *_ in MATRIX if kind not in KINDS} == set(OTHER_ACTIONS)
    assert len({(kind, action) for kind, action, *_ in MATRIX}) == len(MATRIX)


@pytest.mark.parametrize(("role", "kind", "action", "expected"), ROWS)
def test_the_admin_allows_or_refuses_as_the_brief_says(
    role, kind, action, expected, people, django_capture_on_commit_callbacks
):
    actor = actor_for(role, people, django_capture_on_commit_callbacks)
    if kind in KINDS:
        response, took_effect = CONTENT_ACTIONS[action](actor, KINDS[kind])
    else:
        response, took_effect = OTHER_ACTIONS[kind, action](actor)

    assert response.status_code < 500
    assert (Y if took_effect else N) == expected, f"{role} / {kind} / {action}: expected {expected}"
    if role == ANONYMOUS:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("wagtailadmin_login"))
