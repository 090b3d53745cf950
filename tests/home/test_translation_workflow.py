"""Translating with wagtail-localize, as editors do it in the admin, and invariant 4 of the brief:
a translation is a draft, invisible to the public, until a transparency reviewer approves it through
the same workflow as its source.

wagtail-localize's editor saves each string as the translator types it and offers only "Publish",
which editors may not use. "Submit translation for review" (on the page, in the page and record
listings) saves what was typed as the translation's latest draft and starts the review workflow."""

import pytest
from bs4 import BeautifulSoup

from django.contrib.messages import get_messages
from django.urls import reverse

from wagtail.models import Locale, Page, TaskState
from wagtail_localize.models import TranslationSource

from home.models import ContentPage, HomePage
from partnerships.models import Partner
from tests.factories import public_partner
from tests.localize import translation_into, type_translations

pytestmark = pytest.mark.django_db

WORKFLOW = "Transparency review"


@pytest.fixture
def french():
    return Locale.objects.get(language_code="fr")


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def alternates(response):
    return {
        link["hreflang"]: link["href"] for link in soup(response).select('link[rel="alternate"][hreflang]')
    }


def submit_page_translation(client, page):
    return client.post(reverse("submit_page_translation_for_review", args=[page.pk]))


def assert_refused(response):
    """Wagtail's admin answers a refused action by going back to the dashboard with a message."""
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert any("permission" in str(message) for message in get_messages(response.wsgi_request))


def approve_page(client, page, task_state):
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    return client.post(url, {"comment": ""})


def partner_url(name, *args):
    return reverse(f"wagtailsnippets_partnerships_partner:{name}", args=args)


# A page ---------------------------------------------------------------------------------------------


FRENCH_PAGE = {
    "title": "Zqx Comment nous examinons les partenaires",
    "slug": "zqx-examen-des-partenaires",
    "introduction": "Les étapes de l'examen préalable, de la demande à la décision.",
}


@pytest.fixture
def english_page(django_capture_on_commit_callbacks):
    home = HomePage.objects.get(locale__language_code="en")
    page = ContentPage(
        title="Zqx How we vet partners",
        slug="zqx-how-we-vet-partners",
        introduction="The steps of due diligence, from the request to the decision.",
    )
    home.add_child(instance=page)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    page.refresh_from_db()
    assert page.live
    return page


@pytest.fixture
def french_page_draft(client, editor, english_page, french, django_capture_on_commit_callbacks):
    """An editor asks for a French translation, types it and saves the draft."""
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtail_localize:submit_page_translation", args=[english_page.pk]),
            {"locales": [french.pk]},
        )
    assert response.status_code == 302
    type_translations(client, translation_into(english_page, french), FRENCH_PAGE)
    return english_page.get_translation(french).specific


def test_a_french_page_translation_is_a_draft_nobody_outside_sees(client, english_page, french_page_draft):
    assert submit_page_translation(client, french_page_draft).status_code == 302
    french_page_draft.refresh_from_db()
    assert not french_page_draft.live
    assert french_page_draft.workflow_in_progress
    draft = french_page_draft.get_latest_revision_as_object()
    assert draft.title == FRENCH_PAGE["title"]
    assert draft.slug == FRENCH_PAGE["slug"]
    assert french_page_draft.get_parent().specific == HomePage.objects.get(locale__language_code="fr")

    client.logout()
    assert client.get(f"/fr/{FRENCH_PAGE['slug']}/").status_code == 404
    # Under the English slug there is no French page either (at most a redirect to the draft's slug).
    assert client.get(f"/fr/{english_page.slug}/", follow=True).status_code == 404
    english = client.get(f"/en/{english_page.slug}/")
    assert english.status_code == 200
    assert "fr" not in alternates(english)
    # The language switcher sends French readers to their home page instead.
    french_link = soup(english).select_one('.language-selector a[lang="fr"]')
    assert french_link["href"] == "/fr/"


def test_an_editor_cannot_publish_a_page_translation(client, editor, french_page_draft):
    client.force_login(editor)
    # A translation's edit view is wagtail-localize's editor; its "Publish" is for publishers only.
    edit_url = reverse("wagtailadmin_pages:edit", args=[french_page_draft.pk])
    assert_refused(client.post(edit_url, {"action": "publish"}))
    french_page_draft.refresh_from_db()
    assert not french_page_draft.live


def test_a_reviewer_approves_the_french_page_through_the_workflow_of_its_source(
    client, editor, reviewer, english_page, french_page_draft, django_capture_on_commit_callbacks
):
    workflow = french_page_draft.get_workflow()
    assert workflow is not None and workflow.name == WORKFLOW
    assert workflow == english_page.get_workflow()

    client.force_login(editor)
    listing = client.get(reverse("wagtailadmin_explore", args=[french_page_draft.get_parent().pk]))
    submit_url = reverse("submit_page_translation_for_review", args=[french_page_draft.pk])
    assert submit_url in listing.content.decode()
    assert client.get(submit_url).status_code == 200
    assert submit_page_translation(client, french_page_draft).status_code == 302
    french_page_draft.refresh_from_db()
    task_state = french_page_draft.current_workflow_task_state
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    assert not french_page_draft.live

    # The editor who submitted it cannot approve it.
    client.force_login(editor)
    approve_page(client, french_page_draft, task_state)
    french_page_draft.refresh_from_db()
    assert not french_page_draft.live
    client.logout()
    assert client.get(f"/fr/{FRENCH_PAGE['slug']}/").status_code == 404

    client.force_login(reviewer)
    with django_capture_on_commit_callbacks(execute=True):
        response = approve_page(client, french_page_draft, task_state)
    assert response.status_code == 302
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_APPROVED
    french_page_draft.refresh_from_db()
    assert french_page_draft.live

    client.logout()
    response = client.get(f"/fr/{FRENCH_PAGE['slug']}/")
    assert response.status_code == 200
    page = soup(response)
    assert page.html["lang"] == "fr"
    assert page.h1.get_text(strip=True) == FRENCH_PAGE["title"]
    assert page.select_one("p.lead").get_text(strip=True) == FRENCH_PAGE["introduction"]

    english = client.get(f"/en/{english_page.slug}/")
    assert alternates(english)["fr"] == f"http://localhost/fr/{FRENCH_PAGE['slug']}/"
    assert alternates(response)["en"] == f"http://localhost/en/{english_page.slug}/"


def test_a_change_to_a_live_page_translation_stays_off_the_site_until_approved(
    client, editor, reviewer, english_page, french_page_draft, french, django_capture_on_commit_callbacks
):
    def submit_and_approve():
        client.force_login(editor)
        submit_page_translation(client, french_page_draft)
        task_state = Page.objects.get(pk=french_page_draft.pk).specific.current_workflow_task_state
        client.force_login(reviewer)
        with django_capture_on_commit_callbacks(execute=True):
            approve_page(client, french_page_draft, task_state)
        client.logout()

    def public_title():
        return soup(client.get(f"/fr/{FRENCH_PAGE['slug']}/")).h1.get_text(strip=True)

    submit_and_approve()
    assert public_title() == FRENCH_PAGE["title"]

    client.force_login(editor)
    type_translations(client, translation_into(english_page, french), {"title": "Zqx Titre revu"})
    submit_page_translation(client, french_page_draft)
    client.logout()
    # The revised title waits in a revision: the live page keeps the approved one.
    assert public_title() == FRENCH_PAGE["title"]
    assert Page.objects.get(pk=french_page_draft.pk).live

    client.force_login(reviewer)
    task_state = Page.objects.get(pk=french_page_draft.pk).specific.current_workflow_task_state
    with django_capture_on_commit_callbacks(execute=True):
        approve_page(client, french_page_draft, task_state)
    client.logout()
    assert public_title() == "Zqx Titre revu"


# A partner ------------------------------------------------------------------------------------------


ENGLISH_SUMMARY = "Zqx lends ballistic comparison microscopes to national laboratories."
FRENCH_SUMMARY = "Zqx prête des microscopes de comparaison balistique aux laboratoires nationaux."
PROFILE = "/fr/partners/zqx-ballistics-lab/"


@pytest.fixture
def english_partner():
    return public_partner(name="Zqx Ballistics Lab", slug="zqx-ballistics-lab", summary=ENGLISH_SUMMARY)


@pytest.fixture
def french_partner_draft(client, editor, english_partner, french, django_capture_on_commit_callbacks):
    client.force_login(editor)
    url = reverse(
        "wagtail_localize:submit_snippet_translation", args=["partnerships", "partner", english_partner.pk]
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"locales": [french.pk]})
    assert response.status_code == 302
    type_translations(client, translation_into(english_partner, french), {"summary": FRENCH_SUMMARY})
    return english_partner.get_translation(french)


def lead(response):
    return soup(response).select_one("p.lead")


def test_a_french_partner_draft_is_not_shown_the_english_text_is(client, french_partner_draft):
    assert client.post(partner_url("submit_translation", french_partner_draft.pk)).status_code == 302
    french_partner_draft.refresh_from_db()
    assert not french_partner_draft.live
    assert french_partner_draft.get_latest_revision_as_object().summary == FRENCH_SUMMARY

    client.logout()
    response = client.get(PROFILE)
    assert response.status_code == 200
    assert FRENCH_SUMMARY not in response.content.decode()
    # The English record stands in, marked as English for screen readers and search engines.
    assert lead(response).get_text(strip=True) == ENGLISH_SUMMARY
    assert lead(response)["lang"] == "en"
    assert soup(response).select_one(".translation-notice") is not None


def test_an_editor_cannot_publish_a_partner_translation(client, editor, french_partner_draft):
    client.force_login(editor)
    response = client.post(partner_url("edit", french_partner_draft.pk), {"action": "publish"})
    assert_refused(response)
    french_partner_draft.refresh_from_db()
    assert not french_partner_draft.live
    client.logout()
    assert FRENCH_SUMMARY not in client.get(PROFILE).content.decode()


def test_a_reviewer_approves_the_french_partner_through_the_workflow_of_its_source(
    client, editor, reviewer, english_partner, french_partner_draft, django_capture_on_commit_callbacks
):
    workflow = french_partner_draft.get_workflow()
    assert workflow is not None and workflow.name == WORKFLOW
    assert workflow == english_partner.get_workflow()

    client.force_login(editor)
    response = client.post(partner_url("submit_translation", french_partner_draft.pk))
    assert response.status_code == 302
    french_partner_draft.refresh_from_db()
    task_state = french_partner_draft.current_workflow_task_state
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    assert not french_partner_draft.live
    client.logout()
    assert FRENCH_SUMMARY not in client.get(PROFILE).content.decode()

    client.force_login(reviewer)
    approve = partner_url("workflow_action", french_partner_draft.pk, "approve", task_state.pk)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(approve, {"comment": ""})
    assert response.status_code == 302
    french_partner_draft.refresh_from_db()
    assert french_partner_draft.live
    assert french_partner_draft.summary == FRENCH_SUMMARY

    client.logout()
    response = client.get(PROFILE)
    assert response.status_code == 200
    assert lead(response).get_text(strip=True) == FRENCH_SUMMARY
    assert not lead(response).has_attr("lang")
    assert soup(response).select_one(".translation-notice") is None
    # Spanish readers still get the English text: only the French translation was approved.
    assert lead(client.get("/es/partners/zqx-ballistics-lab/")).get_text(strip=True) == ENGLISH_SUMMARY


def test_an_approved_translation_leaves_the_register_with_its_source(
    client, editor, reviewer, english_partner, french_partner_draft, django_capture_on_commit_callbacks
):
    client.post(partner_url("submit_translation", french_partner_draft.pk))
    task_state = Partner.objects.get(pk=french_partner_draft.pk).current_workflow_task_state
    client.force_login(reviewer)
    approve = partner_url("workflow_action", french_partner_draft.pk, "approve", task_state.pk)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(approve, {"comment": ""})
    assert Partner.objects.get(pk=french_partner_draft.pk).live

    english_partner.unpublish(user=reviewer)
    assert not Partner.objects.get(pk=french_partner_draft.pk).live
    client.logout()
    assert client.get(PROFILE).status_code == 404


# "Sync translated pages/snippets" --------------------------------------------------------------------


def update_translations(client, instance, **data):
    """wagtail-localize's "Sync translated pages" / "Sync translated snippets" form, as an editor posts it."""
    source = TranslationSource.objects.get(object_id=instance.translation_key, locale=instance.locale)
    return client.post(reverse("wagtail_localize:update_translations", args=[source.pk]), data)


def test_syncing_translations_does_not_let_an_editor_publish_them(
    client,
    editor,
    english_page,
    french_page_draft,
    english_partner,
    french_partner_draft,
    django_capture_on_commit_callbacks,
):
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        update_translations(client, english_page, publish_translations="on")
        update_translations(client, english_partner, publish_translations="on")
    assert not Page.objects.get(pk=french_page_draft.pk).live
    assert not Partner.objects.get(pk=french_partner_draft.pk).live


def test_the_sync_form_offers_publishing_only_to_those_who_may_publish(
    client, editor, reviewer, english_page, french_page_draft
):
    source = TranslationSource.objects.get(object_id=english_page.translation_key, locale=english_page.locale)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    client.force_login(editor)
    editor_form = soup(client.get(url))
    assert editor_form.select_one('input[type="checkbox"][name="publish_translations"]') is None
    client.force_login(reviewer)
    reviewer_form = soup(client.get(url))
    assert reviewer_form.select_one('input[type="checkbox"][name="publish_translations"]') is not None


def test_an_editor_cannot_turn_a_translation_into_a_live_alias(client, editor, reviewer, french_page_draft):
    url = reverse("wagtail_localize:convert_to_alias", args=[french_page_draft.pk])
    client.force_login(editor)
    assert client.post(url).status_code in (302, 403)
    assert not Page.objects.get(pk=french_page_draft.pk).live
    assert Page.objects.get(pk=french_page_draft.pk).alias_of_id is None
    client.force_login(reviewer)
    assert client.get(url).status_code == 200  # the confirmation page: publishers keep the action


def test_only_publishers_may_translate_a_whole_subtree(client, editor, reviewer, english_page, french):
    english_page.add_child(instance=ContentPage(title="Zqx Child", slug="zqx-child", introduction="Child."))
    url = reverse("wagtail_localize:submit_page_translation", args=[english_page.pk])
    client.force_login(editor)
    assert soup(client.get(url)).select_one('input[type="checkbox"][name="include_subtree"]') is None
    client.post(url, {"locales": [french.pk], "include_subtree": "on"})
    assert not ContentPage.objects.filter(slug="zqx-child", locale=french).exists()
    client.force_login(reviewer)
    assert soup(client.get(url)).select_one('input[type="checkbox"][name="include_subtree"]') is not None


def test_an_editor_does_not_publish_cooperation_area_translations(client, editor, reviewer, french):
    from tests.factories import CooperationAreaFactory

    area = CooperationAreaFactory(slug="zqx-area", name="Zqx area")
    url = reverse(
        "wagtail_localize:submit_snippet_translation", args=["partnerships", "cooperationarea", area.pk]
    )
    client.force_login(editor)
    refused = client.post(url, {"locales": [french.pk]})
    assert refused.status_code == 403 or refused["Location"] == reverse("wagtailadmin_home")
    assert not area.has_translation(french)
    client.force_login(reviewer)
    assert client.post(url, {"locales": [french.pk]}).status_code == 302
    assert area.has_translation(french)


def test_a_translation_too_long_for_its_field_is_refused_with_a_message(
    client, editor, english_partner, french
):
    from tests.factories import public_contribution

    contribution = public_contribution(partner=english_partner, title="Zqx microscopes")
    client.force_login(editor)
    submit = reverse(
        "wagtail_localize:submit_snippet_translation", args=["partnerships", "contribution", contribution.pk]
    )
    assert client.post(submit, {"locales": [french.pk]}).status_code == 302
    # The title allows 200 characters; wagtail-localize's editor takes the longer text as typed.
    type_translations(client, translation_into(contribution, french), {"title": "Zqx " + "microscopes " * 20})
    french_contribution = contribution.get_translation(french)
    url = reverse(
        "wagtailsnippets_partnerships_contribution:submit_translation", args=[french_contribution.pk]
    )
    response = client.post(url)
    assert response.status_code == 302
    assert any("not submitted" in str(message) for message in get_messages(response.wsgi_request))
    french_contribution.refresh_from_db()
    assert not french_contribution.workflow_in_progress
    assert (
        french_contribution.latest_revision is None
        or len(french_contribution.get_latest_revision_as_object().title) <= 200
    )


def test_a_translation_locked_by_someone_else_cannot_be_submitted(
    client, editor, reviewer, french_partner_draft
):
    french_partner_draft.locked, french_partner_draft.locked_by = True, reviewer
    french_partner_draft.save(update_fields=["locked", "locked_by"])
    client.force_login(editor)
    response = client.post(partner_url("submit_translation", french_partner_draft.pk))
    assert response.status_code == 302
    assert any("locked" in str(message) for message in get_messages(response.wsgi_request))
    french_partner_draft.refresh_from_db()
    assert not french_partner_draft.workflow_in_progress


def test_translating_a_page_whose_parent_is_not_translated_publishes_no_parent(
    client, editor, english_page, french, django_capture_on_commit_callbacks
):
    """wagtail-localize copies the missing French parent; Wagtail made it a live alias of the English
    one, public under /fr/ without review."""
    child = ContentPage(title="Zqx Child draft", slug="zqx-child-draft", introduction="A draft child.")
    english_page.add_child(instance=child)
    child.save_revision()
    assert not english_page.has_translation(french)

    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtail_localize:submit_page_translation", args=[child.pk]), {"locales": [french.pk]}
        )
    assert response.status_code == 302
    french_parent = english_page.get_translation(french)
    assert not french_parent.live
    assert french_parent.alias_of_id is None
    assert not child.get_translation(french).live
    # The parent is a translation like any other: the translator translates it and submits it.
    assert translation_into(english_page, french).enabled
    assert client.get(reverse("wagtailadmin_pages:edit", args=[french_parent.pk])).status_code == 200

    client.logout()
    assert client.get(f"/fr/{english_page.slug}/").status_code == 404
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/fr/</loc>" in sitemap  # the French pages are listed; this one is not
    assert f"/fr/{english_page.slug}/" not in sitemap
    # Publishing the English parent again does not bring the French copy to life either.
    with django_capture_on_commit_callbacks(execute=True):
        english_page.save_revision().publish()
    assert not Page.objects.get(pk=french_parent.pk).live


# Translated text that would reach readers broken ------------------------------------------------------


def submit_partner_translation_typed(client, editor, french, summary, english_summary, capture):
    from tests.localize import translate

    english = public_partner(
        name="Zqx Placeholder Labs", slug="zqx-placeholder-labs", summary=english_summary
    )
    client.force_login(editor)
    french_partner = translate(client, english, french, {"summary": summary}, capture)
    revisions_before = french_partner.revisions.count()
    response = client.post(partner_url("submit_translation", french_partner.pk), follow=True)
    french_partner.refresh_from_db()
    assert not french_partner.workflow_in_progress
    assert french_partner.revisions.count() == revisions_before, "Nothing is saved half-way"
    return [str(message) for message in response.context["messages"]]


@pytest.mark.parametrize("summary", ["   ", "\n\t "])
def test_a_blank_translation_is_refused_with_a_message(
    client, editor, french, summary, django_capture_on_commit_callbacks
):
    messages = submit_partner_translation_typed(
        client, editor, french, summary, "Zqx trains analysts.", django_capture_on_commit_callbacks
    )
    assert any("not submitted" in text and "“summary” is empty" in text for text in messages), messages


@pytest.mark.parametrize(
    "english,french_text",
    [
        ("Zqx trains %(count)s analysts.", "Zqx forme des analystes."),
        ("Zqx trains analysts in {year}.", "Zqx forme des analystes en {année}."),
    ],
)
def test_a_translation_that_loses_a_placeholder_is_refused_with_a_message(
    client, editor, french, english, french_text, django_capture_on_commit_callbacks
):
    messages = submit_partner_translation_typed(
        client, editor, french, french_text, english, django_capture_on_commit_callbacks
    )
    assert any("must keep the placeholders" in text for text in messages), messages


def test_the_refusal_is_in_the_translators_admin_language(
    client, editor, french, django_capture_on_commit_callbacks
):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "fr"
    profile.save()
    messages = submit_partner_translation_typed(
        client, editor, french, "  ", "Zqx trains analysts.", django_capture_on_commit_callbacks
    )
    assert any("La traduction de « résumé » est vide." in text for text in messages), messages
