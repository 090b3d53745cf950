"""The screens of a translation under review, as its translator and its reviewer meet them.

A translation under review used to answer 500 to everyone who opened it: wagtail-localize's editor
rendered Wagtail's status panel without the addresses its workflow dialog needs. The reviewer now
reviews a translation in Wagtail's own editor, as any other draft: its fields, its comparison with the
live version, Approve and Request changes. The translator keeps wagtail-localize's editor."""

import json

import pytest
from bs4 import BeautifulSoup

from django.urls import reverse

from wagtail.models import Locale, Page, TaskState

from home.models import ContentPage, HomePage
from tests.factories import public_contribution, public_partner, publish
from tests.localize import edit_url, form_data, submit_for_review_url, translate, translate_url

pytestmark = pytest.mark.django_db

FRENCH_TEXTS = {
    "partner": {"summary": "Zqr prête des microscopes de comparaison aux laboratoires."},
    "contribution": {"title": "Zqr Microscopes de comparaison", "purpose": "Zqr Équiper deux laboratoires."},
    "page": {"title": "Zqr Comment nous examinons", "introduction": "Zqr Les étapes de l'examen."},
}


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def english_record(kind):
    if kind == "partner":
        return public_partner(name="Zqr Optics", slug="zqr-optics", summary="Zqr lends microscopes.")
    if kind == "contribution":
        return public_contribution(title="Zqr Comparison microscopes", purpose="Zqr Equip two laboratories.")
    home = HomePage.objects.get(locale__language_code="en")
    page = home.add_child(
        instance=ContentPage(title="Zqr How we vet", slug="zqr-how-we-vet", introduction="Zqr The steps.")
    )
    return publish(page)


@pytest.fixture(params=["partner", "contribution", "page"])
def kind(request):
    return request.param


@pytest.fixture
def under_review(kind, client, editor, django_capture_on_commit_callbacks):
    """A French translation that an editor typed and submitted for review."""
    french = Locale.objects.get(language_code="fr")
    source = english_record(kind)
    client.force_login(editor)
    if kind == "contribution":
        # A contribution is translated once its partner is: the register shows them together.
        translate(client, source.partner, french, {}, django_capture_on_commit_callbacks)
    translated = translate(client, source, french, FRENCH_TEXTS[kind], django_capture_on_commit_callbacks)
    assert client.post(submit_for_review_url(translated)).status_code == 302
    translated.refresh_from_db()
    assert translated.workflow_in_progress
    client.logout()
    return translated


def test_the_translator_opens_a_translation_under_review_in_the_translation_editor(
    client, editor, under_review
):
    client.force_login(editor)
    response = client.get(edit_url(under_review))
    assert response.status_code == 200
    page = soup(response)
    assert page.select_one(".js-translation-editor") is not None
    # The status panel says it is in moderation, and its dialog links the comparison and the history.
    assert any("/revisions/compare/" in href for href in workflow_dialog_links(page))


def workflow_dialog_links(page):
    """The links of the status panel's workflow dialog (a <template> that soupsieve does not enter)."""
    dialog = page.find(id="workflow-status-dialog")
    assert dialog is not None, "No workflow dialog in the status panel"
    return [link["href"] for link in dialog.find_all("a", href=True)]


def workflow_action_names(page):
    return {button["data-workflow-action-name"] for button in page.select("[data-workflow-action-name]")}


def press_workflow_action(client, instance, page, action, comment=""):
    """What Wagtail's action menu posts for Approve or Request changes: for a record, the edit form as it
    stands, the action's name and, from the dialog that asks for it, the comment. A page's body is a
    StreamField that only the browser's script serialises: its editor's dialog posts to the page's
    workflow action view instead, as the dashboard does."""
    if isinstance(instance, Page):
        task_state = instance.current_workflow_task_state
        url = reverse("wagtailadmin_pages:workflow_action", args=[instance.pk, action, task_state.pk])
        return client.post(url, {"comment": comment})
    data = form_data(page.select_one("form[data-edit-form]"))
    data.update(
        {
            "action-workflow-action": "true",
            "workflow-action-name": action,
            "workflow-action-extra-data": json.dumps({"comment": comment}),
        }
    )
    return client.post(edit_url(instance), data)


def test_the_reviewer_reads_compares_and_approves_a_translation_in_wagtails_editor(
    kind, client, reviewer, under_review, django_capture_on_commit_callbacks
):
    client.force_login(reviewer)
    response = client.get(edit_url(under_review))
    assert response.status_code == 200
    page = soup(response)
    assert page.select_one(".js-translation-editor") is None
    # The translated text, in form fields the reviewer reads (and may correct).
    form_text = " ".join(
        [field.get("value", "") for field in page.select("form input")]
        + [field.get_text() for field in page.select("form textarea")]
    )
    for text in FRENCH_TEXTS[kind].values():
        assert text in form_text or json.dumps(text)[1:-1] in form_text
    # A new translation was never live: the reviewer compares the submitted text with the previous draft.
    comparisons = [href for href in workflow_dialog_links(page) if "/revisions/compare/" in href]
    assert comparisons
    assert client.get(comparisons[0]).status_code == 200

    assert {"approve", "reject"} <= workflow_action_names(page)
    task_state = under_review.current_workflow_task_state
    with django_capture_on_commit_callbacks(execute=True):
        response = press_workflow_action(client, under_review, page, "approve")
    assert response.status_code == 302
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_APPROVED
    under_review.refresh_from_db()
    assert under_review.live


def test_the_reviewer_requests_changes_and_the_translator_resubmits(
    client, editor, reviewer, under_review, django_capture_on_commit_callbacks
):
    client.force_login(reviewer)
    page = soup(client.get(edit_url(under_review)))
    response = press_workflow_action(client, under_review, page, "reject", comment="Zqr Please revise.")
    assert response.status_code == 302
    under_review.refresh_from_db()
    assert under_review.current_workflow_state.status == "needs_changes"
    assert not under_review.live

    client.force_login(editor)
    assert client.get(edit_url(under_review)).status_code == 200
    assert client.post(submit_for_review_url(under_review)).status_code == 302
    under_review.refresh_from_db()
    assert under_review.current_workflow_task_state.status == TaskState.STATUS_IN_PROGRESS


def editor_props(response):
    return json.loads(soup(response).select_one(".js-translation-editor")["data-props"])


@pytest.mark.parametrize("kind", ["partner", "page"])
def test_the_translation_editor_offers_only_what_the_user_may_do(
    kind, client, editor, reviewer, django_capture_on_commit_callbacks
):
    """Nothing is offered and then refused: Publish and Convert to alias (which makes the page live with
    the source's text) are for publishers; Delete is offered where the delete view allows it."""
    french = Locale.objects.get(language_code="fr")
    client.force_login(editor)
    translated = translate(
        client, english_record(kind), french, FRENCH_TEXTS[kind], django_capture_on_commit_callbacks
    )
    for user, may_publish in [(editor, False), (reviewer, True)]:
        client.force_login(user)
        props = editor_props(client.get(edit_url(translated)))
        assert props["perms"]["canPublish"] is may_publish
        offered = [props["links"]["convertToAliasUrl"]]
        if props["perms"]["canDelete"]:
            offered.append(props["links"]["deleteUrl"])
        if kind == "page" and may_publish:
            assert props["links"]["convertToAliasUrl"] is not None
        if not may_publish:
            assert props["links"]["convertToAliasUrl"] is None
        for url in filter(None, offered):
            assert client.get(url).status_code == 200, (user, url)
    client.force_login(editor)
    assert editor_props(client.get(edit_url(translated)))["perms"]["canDelete"] is (kind == "page")


def test_submit_for_review_is_in_the_header_of_the_translation_editor(
    kind, client, editor, django_capture_on_commit_callbacks
):
    french = Locale.objects.get(language_code="fr")
    client.force_login(editor)
    translated = translate(
        client, english_record(kind), french, FRENCH_TEXTS[kind], django_capture_on_commit_callbacks
    )
    header = soup(client.get(edit_url(translated))).select_one("header")
    submit_url = submit_for_review_url(translated)
    assert any(link["href"].startswith(submit_url) for link in header.select("a[href]")), submit_url


def test_translate_is_in_the_header_of_the_source_edit_view(kind, client, editor):
    source = english_record(kind)
    client.force_login(editor)
    response = client.get(edit_url(source))
    header = soup(response).select_one("header")
    assert any(link["href"].startswith(translate_url(source)) for link in header.select("a[href]")), header


def test_after_translate_the_message_says_the_translation_is_a_draft_to_submit(kind, client, editor):
    french = Locale.objects.get(language_code="fr")
    client.force_login(editor)
    response = client.post(translate_url(english_record(kind)), {"locales": [french.pk]}, follow=True)
    messages = [str(message) for message in response.context["messages"]]
    assert any(
        "draft translation into French" in text and "Submit translation for review" in text
        for text in messages
    ), messages


def listing_links(client, model_name):
    response = client.get(reverse(f"wagtailsnippets_partnerships_{model_name}:list"), {"q": "Zqr"})
    assert response.status_code == 200
    return [link["href"] for link in soup(response).select("a[href]")]


def test_listings_offer_translate_only_where_the_user_may_translate(client, editor, reviewer):
    from tests.factories import CooperationAreaFactory

    area = CooperationAreaFactory(slug="zqr-area", name="Zqr area")
    partner = english_record("partner")
    client.force_login(editor)
    assert translate_url(area) not in listing_links(client, "cooperationarea")
    assert translate_url(partner) in listing_links(client, "partner")
    client.force_login(reviewer)
    assert translate_url(area) in listing_links(client, "cooperationarea")


def test_convert_to_alias_is_not_in_an_editors_page_menu(
    client, editor, reviewer, django_capture_on_commit_callbacks
):
    """A translation whose synchronisation was stopped is edited in Wagtail's own editor, whose menu
    wagtail-localize gives "Convert to alias page"."""
    from tests.localize import translation_into

    french = Locale.objects.get(language_code="fr")
    source = english_record("page")
    client.force_login(editor)
    translated = translate(client, source, french, FRENCH_TEXTS["page"], django_capture_on_commit_callbacks)
    translation_into(source, french).__class__.objects.filter(pk=translation_into(source, french).pk).update(
        enabled=False
    )
    page = soup(client.get(edit_url(translated)))
    assert page.select_one("[data-edit-form]") is not None
    assert page.select_one('[name="localize-convert-to-alias"]') is None
    client.force_login(reviewer)
    assert soup(client.get(edit_url(translated))).select_one('[name="localize-convert-to-alias"]') is not None


def test_a_cooperation_area_translation_opens_in_the_translation_editor(
    client, reviewer, django_capture_on_commit_callbacks
):
    """Areas have neither revisions nor a workflow: their status panel has no history to link."""
    from tests.factories import CooperationAreaFactory

    arabic = Locale.objects.get(language_code="ar")
    source = CooperationAreaFactory(slug="zqr-forensics", name="Zqr Forensic science")
    client.force_login(reviewer)
    area = translate(
        client, source, arabic, {"name": "Zqr علوم الأدلة الجنائية"}, django_capture_on_commit_callbacks
    )
    response = client.get(edit_url(area))
    assert response.status_code == 200
    assert soup(response).select_one(".js-translation-editor") is not None


def test_a_new_record_translation_was_never_published(client, editor, django_capture_on_commit_callbacks):
    """A translation copied the live revision and publication dates of its source: the admin called
    it live and compared it with the English text."""
    french = Locale.objects.get(language_code="fr")
    client.force_login(editor)
    translated = translate(
        client, english_record("partner"), french, FRENCH_TEXTS["partner"], django_capture_on_commit_callbacks
    )
    assert (translated.live, translated.live_revision, translated.first_published_at) == (False, None, None)
    assert not translated.locked
