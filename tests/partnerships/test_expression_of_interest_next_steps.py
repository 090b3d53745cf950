"""The apply form's checks (type of organisation, phone, proposal) in the applicant's language, what the
apply and thank-you pages say happens next, and the reviewers' notice from form to mailbox."""

import logging
import uuid
from unittest import mock

import pytest
from bs4 import BeautifulSoup

from django.core import mail
from django.core.cache import cache
from django.core.management import call_command

from wagtail.models import Locale, Site

from home.models import ApplyPage, HomePage, OrganisationSettings
from partnerships.models import ExpressionOfInterest, PartnershipSettings
from tests.factories import CooperationAreaFactory

pytestmark = pytest.mark.django_db

REVIEWERS = "partnerships@example.org"
REPLY_TIME = {
    "en": "We reply within four weeks.",
    "fr": "Nous répondons sous quatre semaines.",
    "es": "Respondemos en cuatro semanas.",
    "ar": "نردّ في غضون أربعة أسابيع.",
}
PHONE_FORMAT_MESSAGE = {
    "en": "Enter the number with its country code",
    "fr": "Saisissez le numéro avec l’indicatif du pays",
    "es": "Escriba el número con el prefijo del país",
    "ar": "أدخل الرقم مع رمز البلد",
}
SHORT_PROPOSAL_MESSAGE = {
    "en": "Please describe your proposal in a few sentences, in at least 50 characters.",
    "fr": "Décrivez votre proposition en quelques phrases, en 50 caractères au moins.",
    "es": "Describa su propuesta en unas pocas frases, con un mínimo de 50 caracteres.",
    "ar": "يُرجى وصف مقترحكم في بضع جمل، بما لا يقل عن 50 حرفًا.",
}


@pytest.fixture
def apply_urls():
    """An apply page with an indicative reply time in each language; returns {language: url}."""
    cache.clear()
    english_home = HomePage.objects.get(locale__language_code="en")
    page = ApplyPage(title="Apply", slug="next-steps-test", reply_time=REPLY_TIME["en"])
    english_home.add_child(instance=page)
    page.save_revision().publish()
    urls = {"en": page.url}
    for code in ["fr", "es", "ar"]:
        translation = page.copy_for_translation(Locale.objects.get(language_code=code))
        translation.reply_time = REPLY_TIME[code]
        translation.save_revision().publish()
        urls[code] = translation.url
    return urls


@pytest.fixture
def reviewers_address():
    site_settings = PartnershipSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.reviewers_email = REVIEWERS
    site_settings.save()
    return REVIEWERS


@pytest.fixture
def area():
    return CooperationAreaFactory(slug="next-steps-area", name="Next steps area")


def answers(area, **overrides):
    data = {
        "organisation_name": "Acme Forensics",
        "organisation_type": "corporate_foundation",
        "country": "FR",
        "contact_name": "Ana Martín",
        "email": "ana@acme.example",
        "phone": "+33 4 72 44 70 00",
        "contribution_types": ["training"],
        "cooperation_areas": [str(area.pk)],
        "proposal": "PRIVATE-PROPOSAL: we would like to offer training in digital forensics.",
        "alignment": "PRIVATE-ALIGNMENT: it helps member countries investigate.",
        "consent": "on",
        "submission_token": str(uuid.uuid4()),
    }
    data.update(overrides)
    return data


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def run_mail_worker():
    """What `manage.py db_worker --backend mail` (started by `make run`) does with the queued e-mails."""
    # Kept open: inside the test's transaction, closing "old" connections would close PostgreSQL's.
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("db_worker", "--batch", "--backend", "mail", "--no-startup-delay", "-v0")


def test_no_type_of_organisation_is_chosen_in_advance(client, apply_urls):
    select = soup(client.get(apply_urls["fr"])).select_one("select[name=organisation_type]")
    options = select.select("option")
    assert options[0]["value"] == "" and options[0].get_text() == "Choisissez un type"
    assert select.select("option[selected]") in ([], [options[0]])
    assert select.has_attr("required")


@pytest.mark.parametrize("typed", ["+33 4 72 44 70 00", "0033 4 72 44 70 00", "+33 (0)4 72-44-70-00"])
def test_a_phone_number_is_stored_in_international_format(client, apply_urls, area, typed):
    assert client.post(apply_urls["en"], answers(area, phone=typed)).status_code == 302
    assert ExpressionOfInterest.objects.get().phone == "+33472447000"


@pytest.mark.parametrize("language", ["en", "fr", "es", "ar"])
def test_phone_and_proposal_errors_are_in_the_applicants_language_and_keep_every_answer(
    client, apply_urls, area, language
):
    data = answers(area, phone="04 72 44 70 00", proposal="Training.")
    response = client.post(apply_urls[language], data)
    assert response.status_code == 400
    assert not ExpressionOfInterest.objects.exists()
    page = soup(response)
    assert PHONE_FORMAT_MESSAGE[language] in page.select_one("#id_phone_error").get_text()
    assert page.select_one("#id_proposal_error").get_text().strip() == SHORT_PROPOSAL_MESSAGE[language]
    # Everything typed is still there, the refused answers included, to be corrected in place.
    assert page.select_one("#id_phone")["value"] == "04 72 44 70 00"
    assert page.select_one("textarea[name=proposal]").get_text().strip() == "Training."
    assert page.select_one("#id_organisation_name")["value"] == "Acme Forensics"
    assert (
        page.select_one("select[name=organisation_type] option[selected]")["value"] == "corporate_foundation"
    )
    assert page.select_one("select[name=country] option[selected]")["value"] == "FR"
    assert page.select_one("input[name=contribution_types][value=training]").has_attr("checked")
    assert page.select_one(f"input[name=cooperation_areas][value='{area.pk}']").has_attr("checked")
    assert page.select_one("input[name=consent]").has_attr("checked")


def test_a_number_that_cannot_exist_for_its_country_code_is_refused(client, apply_urls, area):
    response = client.post(apply_urls["es"], answers(area, phone="+1 234"))
    assert response.status_code == 400
    assert "no es válido para el prefijo +1" in soup(response).select_one("#id_phone_error").get_text()


@pytest.mark.parametrize("language", ["en", "fr", "es", "ar"])
def test_the_apply_page_says_what_happens_next_when_and_whom_to_ask(
    client, apply_urls, reviewers_address, language
):
    steps = soup(client.get(apply_urls[language])).select_one(".next-steps")
    assert len(steps.select("ol li")) == 4
    assert steps.select_one(".next-steps__when").get_text() == REPLY_TIME[language]
    assert steps.select_one(f'a[href="mailto:{REVIEWERS}"]') is not None


def test_the_thank_you_page_repeats_the_next_steps_with_the_reference(
    client, apply_urls, area, reviewers_address
):
    response = client.post(apply_urls["ar"], answers(area), follow=True)
    page = soup(response)
    reference = ExpressionOfInterest.objects.get().reference
    assert reference in page.select_one("[role=status]").get_text()
    steps = page.select_one(".next-steps")
    assert steps.select_one(".next-steps__when").get_text() == REPLY_TIME["ar"]
    assert "مع ذكر رقمكم المرجعي" in steps.select_one(".next-steps__contact").get_text()


def test_the_organisations_contact_point_comes_before_the_reviewers_address(
    client, apply_urls, area, reviewers_address
):
    contact = OrganisationSettings.for_site(Site.objects.get(is_default_site=True))
    contact.contact_email = "partnerships-desk@test.example"
    contact.save()
    for response in (client.get(apply_urls["fr"]), client.post(apply_urls["fr"], answers(area), follow=True)):
        steps = soup(response).select_one(".next-steps")
        assert steps.select_one('a[href="mailto:partnerships-desk@test.example"]') is not None
        assert steps.select_one(f'a[href="mailto:{REVIEWERS}"]') is None


def test_without_a_reply_time_or_an_address_the_steps_stand_alone(client, apply_urls):
    ApplyPage.objects.filter(slug="next-steps-test").update(reply_time="")
    steps = soup(client.get(apply_urls["en"])).select_one(".next-steps")
    assert len(steps.select("ol li")) == 4
    assert steps.select_one(".next-steps__when") is None
    assert steps.select_one(".next-steps__contact") is None


def test_the_reviewers_are_notified_from_the_form_to_their_mailbox(
    client, apply_urls, area, reviewers_address, settings, django_capture_on_commit_callbacks
):
    settings.PORTAL_REVIEWERS_EMAIL = ""  # the address of the site settings, as in the demo
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8400"
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(apply_urls["ar"], answers(area)).status_code == 302
    # Queued, not sent by the request: the worker sends it.
    assert mail.outbox == []
    run_mail_worker()
    application = ExpressionOfInterest.objects.get()
    [notice] = [message for message in mail.outbox if message.to == [REVIEWERS]]
    # In the reviewers' language (the portal's source language), whatever the applicant's.
    assert notice.subject == f"New expression of interest {application.reference} from Acme Forensics"
    assert "written in Arabic" in notice.body
    assert f"http://127.0.0.1:8400/admin/expressions_of_interest/inspect/{application.pk}/" in notice.body
    # The record holds the rest: nothing private travels in the notice.
    for private in ["ana@acme.example", "Ana Martín", "+33", "PRIVATE-PROPOSAL", "PRIVATE-ALIGNMENT"]:
        assert private not in notice.subject + notice.body
    assert application.notification_sent_at is not None


def test_without_a_reviewers_address_the_worker_log_says_no_notice_was_sent(
    client, apply_urls, area, settings, caplog, django_capture_on_commit_callbacks
):
    settings.PORTAL_REVIEWERS_EMAIL = ""
    with django_capture_on_commit_callbacks(execute=True):
        client.post(apply_urls["en"], answers(area))
    with caplog.at_level(logging.WARNING, logger="partnerships.applications.notifications"):
        run_mail_worker()
    reference = ExpressionOfInterest.objects.get().reference
    assert any(
        reference in record.getMessage() and "No reviewers' address" in record.getMessage()
        for record in caplog.records
    )
    assert [message.to for message in mail.outbox] == [["ana@acme.example"]]
