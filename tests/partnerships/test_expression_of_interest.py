"""The expression-of-interest pipeline: bad input never stored and never a 500, one record per
submission, e-mails that can fail without losing anything, retention."""

import time
import uuid
from datetime import timedelta
from unittest import mock

import pytest
from bs4 import BeautifulSoup

from django.core import mail
from django.core.cache import cache
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.db import OperationalError
from django.test import Client
from django.utils import timezone

from wagtail.models import Locale, Site

from home.models import ApplyPage, ContentPage, HomePage
from partnerships.applications.forms import ExpressionOfInterestForm
from partnerships.models import ApplicationStatus, CooperationArea, ExpressionOfInterest, PartnershipSettings
from tests.factories import CooperationAreaFactory, public_partner
from tests.site import translated_page

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "fr", "es", "ar"]
REQUIRED_MESSAGE = {
    "en": "This field is required.",
    "fr": "Champ requis.",
    "es": "Este campo es necesario.",
    "ar": "هذا الحقل مطلوب.",
}


@pytest.fixture
def apply_urls(django_capture_on_commit_callbacks):
    """An apply page in the four languages; returns {language: url}."""
    cache.clear()
    english_home = HomePage.objects.get(locale__language_code="en")
    page = ApplyPage(title="Apply", slug="eoi-test")
    english_home.add_child(instance=page)
    page.save_revision().publish()
    urls = {"en": page.url}
    for code in LANGUAGES[1:]:
        translation = page.copy_for_translation(Locale.objects.get(language_code=code))
        translation.save_revision().publish()
        urls[code] = translation.url
    return urls


@pytest.fixture
def area():
    return CooperationAreaFactory(slug="test-cyber", name="Test cyber")


class SilentMailHost(BaseEmailBackend):
    """A mail host that accepts the connection and never answers (EMAIL_TIMEOUT would end the wait)."""

    connections = 0

    def send_messages(self, email_messages):
        type(self).connections += 1
        time.sleep(2)
        raise TimeoutError("timed out")


def run_mail_worker():
    """What `manage.py db_worker --backend mail` (started by `make run`) does with the queued e-mails."""
    # The worker closes "old" connections between tasks, as a request does; inside the test's
    # transaction that would close PostgreSQL's connection, so it is kept open here as Django's
    # test client keeps it open for requests.
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("db_worker", "--batch", "--backend", "mail", "--no-startup-delay", "-v0")


def textarea_value(page, name):
    # Browsers drop the newline Django writes right after <textarea>; html.parser keeps it.
    return page.select_one(f"textarea[name={name}]").get_text().removeprefix("\n")


def valid_data(area=None, **overrides):
    data = {
        "organisation_name": "Acme Forensics",
        "organisation_type": "for_profit_company",
        "country": "FR",
        "website": "https://acme.example",
        "contact_name": "Ana Martín",
        "email": "ana@acme.example",
        "phone": "+33 4 72 44 70 00",
        "contribution_types": ["software_licence", "training"],
        "cooperation_areas": [str(area.pk)] if area else [],
        "proposal": "We would like to offer licences for our analysis software.",
        "alignment": "It helps member countries investigate cybercrime.",
        "consent": "on",
        "submission_token": str(uuid.uuid4()),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


BAD_INPUTS = {
    "nothing filled in": {key: None for key in valid_data() if key != "submission_token"},
    "organisation missing": {"organisation_name": ""},
    "organisation only spaces": {"organisation_name": "    "},
    "organisation too long": {"organisation_name": "A" * 201},
    "organisation with NUL byte": {"organisation_name": "Acme\x00Corp"},
    "contact with control character": {"contact_name": "Ana\x07"},
    "contact with line break": {"contact_name": "Ana\nBcc: victim@example.org"},
    "invalid e-mail": {"email": "not-an-email"},
    "e-mail with header injection": {"email": "ana@acme.example\nBcc: x@example.org"},
    "phone too long": {"phone": "1" * 41},
    "phone not a number": {"phone": "abc"},
    "phone without its country code": {"phone": "04 72 44 70 00"},
    "phone too short for its country code": {"phone": "+1 234"},
    "website not a URL": {"website": "not a url at all"},
    "website with javascript scheme": {"website": "javascript:alert(1)"},
    "organisation type not chosen": {"organisation_type": ""},
    "organisation type forged": {"organisation_type": "<script>alert(1)</script>"},
    "country unknown": {"country": "ZZ"},
    "no contribution type": {"contribution_types": []},
    "contribution type forged": {"contribution_types": ["bribe"]},
    "area that does not exist": {"cooperation_areas": ["999999"]},
    "area not a number": {"cooperation_areas": ["abc"]},
    "proposal missing": {"proposal": ""},
    "proposal of one letter": {"proposal": "x"},
    "proposal of one long word": {"proposal": "x" * 80},
    "proposal of a short sentence": {"proposal": "We offer licences."},
    "proposal of five short words": {"proposal": "We can offer it all."},
    "proposal over 5,000 characters": {"proposal": "x" * 5001},
    "proposal with escape character": {"proposal": "Text\x1b[31m red"},
    "alignment over 2,000 characters": {"alignment": "y" * 2001},
    "consent not given": {"consent": None},
}


@pytest.mark.parametrize("case", BAD_INPUTS)
def test_bad_input_is_refused_with_the_input_kept_and_nothing_stored(client, apply_urls, area, case):
    data = valid_data(area, **BAD_INPUTS[case])
    response = client.post(apply_urls["en"], data)
    assert response.status_code == 400
    assert ExpressionOfInterest.objects.count() == 0
    page = BeautifulSoup(response.content, "html.parser")
    summary = page.select_one(".error-summary")
    assert summary is not None and summary.has_attr("autofocus")
    invalid = page.select('[aria-invalid="true"], fieldset.form-field--error')
    assert invalid, case
    for field in invalid:
        if field.get("aria-describedby"):
            assert any(page.find(id=ref) for ref in field["aria-describedby"].split())
    # Whatever valid text was typed is still in the form.
    if data.get("proposal") and len(data["proposal"]) <= 5000 and "\x1b" not in data["proposal"]:
        assert textarea_value(page, "proposal") == data["proposal"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_required_field_errors_are_in_the_reader_language(client, apply_urls, area, language):
    response = client.post(apply_urls[language], valid_data(area, organisation_name=""))
    page = BeautifulSoup(response.content, "html.parser")
    assert page.html["lang"] == language
    assert REQUIRED_MESSAGE[language] in page.select_one("#id_organisation_name_error").get_text()


@pytest.mark.parametrize(
    "language,algeria", [("en", "Algeria"), ("fr", "Algérie"), ("es", "Argelia"), ("ar", "الجزائر")]
)
def test_countries_are_named_in_the_reader_language_and_none_is_chosen_for_them(
    client, apply_urls, language, algeria
):
    # Another language first: the names must not be those of whoever asked before.
    client.get(apply_urls["fr" if language != "fr" else "ar"])
    page = BeautifulSoup(client.get(apply_urls[language]).content, "html.parser")
    options = page.select("select[name=country] option")
    assert [option["value"] for option in options if option.has_attr("selected")] in ([], [""])
    assert page.select_one('select[name=country] option[value="DZ"]').get_text() == algeria


def test_a_missing_country_is_an_error_next_to_the_field(client, apply_urls, area):
    response = client.post(apply_urls["en"], valid_data(area, country=""))
    page = BeautifulSoup(response.content, "html.parser")
    assert REQUIRED_MESSAGE["en"] in page.select_one("#id_country_error").get_text()
    assert not ExpressionOfInterest.objects.exists()


def test_right_to_left_and_emoji_text_is_accepted_and_html_is_kept_as_text(client, apply_urls, area):
    data = valid_data(
        area,
        organisation_name="شركة الأدلة الجنائية 🔬",
        contact_name="<b>Ana</b>",
        proposal='<script>alert("x")</script> نقترح ترخيص برمجياتنا لمختبرات الشرطة 🚀',
    )
    response = client.post(apply_urls["ar"], data)
    assert response.status_code == 302
    application = ExpressionOfInterest.objects.get()
    assert application.organisation_name == "شركة الأدلة الجنائية 🔬"
    assert application.proposal.startswith('<script>alert("x")</script>')
    assert application.language == "ar"


def test_a_valid_submission_is_stored_once_and_redirects_to_a_thank_you_page(client, apply_urls, area):
    data = valid_data(area)
    response = client.post(apply_urls["fr"], data)
    assert response.status_code == 302
    assert response["Location"] == apply_urls["fr"] + "thanks/"
    application = ExpressionOfInterest.objects.get()
    assert application.status == ApplicationStatus.RECEIVED
    assert application.language == "fr"
    assert list(application.cooperation_areas.all()) == [area]
    assert application.contribution_types == ["software_licence", "training"]
    thanks = client.get(response["Location"])
    assert application.reference in thanks.content.decode()


def test_every_answer_is_stored_with_the_token_sent_and_the_moment_of_consent(client, apply_urls, area):
    token = uuid.uuid4()
    before = timezone.now()
    data = valid_data(area, website="acme.example", submission_token=str(token))
    assert client.post(apply_urls["es"], data).status_code == 302
    application = ExpressionOfInterest.objects.get()
    for name in ["organisation_name", "organisation_type", "contact_name", "email", "proposal"]:
        assert getattr(application, name) == data[name], name
    assert application.phone == "+33472447000"
    assert application.alignment == data["alignment"]
    assert application.country.code == "FR"
    # Typed without a scheme: taken to be https, not http.
    assert application.website == "https://acme.example"
    assert application.contribution_types == data["contribution_types"]
    assert list(application.cooperation_areas.all()) == [area]
    assert application.submission_token == token
    assert application.language == "es"
    assert before <= application.consent_given_at <= timezone.now()


def test_two_clicks_racing_past_the_check_get_the_record_the_first_one_created(area):
    data = valid_data(area)
    first, second = ExpressionOfInterestForm(data), ExpressionOfInterestForm(data)
    assert first.is_valid() and second.is_valid()
    application, created = first.save(language="en")
    assert created
    # The second click looked for an existing record before the first one was stored.
    with mock.patch.object(ExpressionOfInterestForm, "existing_submission", return_value=None):
        again, created_again = second.save(language="en")
    assert (again, created_again) == (application, False)
    assert ExpressionOfInterest.objects.count() == 1
    assert list(again.cooperation_areas.all()) == [area]


def test_the_limits_of_the_form_are_those_of_the_record(client, apply_urls):
    page = BeautifulSoup(client.get(apply_urls["en"]).content, "html.parser")
    form = ExpressionOfInterestForm()
    for name in ["organisation_name", "website", "contact_name", "email", "phone", "proposal", "alignment"]:
        limit = ExpressionOfInterest._meta.get_field(name).max_length
        assert form.fields[name].max_length == limit, name
        assert page.select_one(f"#id_{name}")["maxlength"] == str(limit), name


def test_double_submit_and_refresh_create_one_record(client, apply_urls, area):
    data = valid_data(area)
    first = client.post(apply_urls["en"], data)
    second = client.post(apply_urls["en"], data)
    assert first["Location"] == second["Location"]
    assert ExpressionOfInterest.objects.count() == 1
    assert client.get(second["Location"]).status_code == 200


@pytest.mark.parametrize("token", [None, "not-a-uuid"])
def test_a_missing_or_forged_submission_token_still_stores_the_proposal_once(client, apply_urls, area, token):
    response = client.post(apply_urls["en"], valid_data(area, submission_token=token))
    assert response.status_code == 302
    assert ExpressionOfInterest.objects.count() == 1


def test_the_thank_you_page_without_a_submission_leads_back_to_the_form(client, apply_urls):
    response = client.get(apply_urls["en"] + "thanks/")
    assert response.status_code == 302
    assert response["Location"] == apply_urls["en"]


def test_a_filled_honeypot_looks_accepted_but_stores_nothing(client, apply_urls, area):
    response = client.post(apply_urls["en"], valid_data(area, fax_number="+1 555 0100"))
    assert response.status_code == 302
    assert ExpressionOfInterest.objects.count() == 0
    assert mail.outbox == []


def test_more_than_five_submissions_an_hour_get_a_429_with_the_input_kept(client, apply_urls, area):
    for _ in range(5):
        assert client.post(apply_urls["es"], valid_data(area)).status_code == 302
    data = valid_data(area, proposal="Sixth proposal, kept on screen for the applicant to send later.")
    response = client.post(apply_urls["es"], data)
    assert response.status_code == 429
    page = BeautifulSoup(response.content, "html.parser")
    assert page.html["lang"] == "es"
    assert (
        textarea_value(page, "proposal") == "Sixth proposal, kept on screen for the applicant to send later."
    )
    assert ExpressionOfInterest.objects.count() == 5


def test_the_count_is_shared_by_every_worker(client, apply_urls, area):
    for _ in range(5):
        client.post(apply_urls["en"], valid_data(area))
    # Another gunicorn worker has a memory of its own: the count must not live there.
    cache.clear()
    assert client.post(apply_urls["en"], valid_data(area)).status_code == 429


def test_one_address_cannot_be_sent_more_than_five_acknowledgements_an_hour(client, apply_urls, area):
    for n in range(5):
        client.post(apply_urls["en"], valid_data(area), REMOTE_ADDR=f"198.51.100.{n}")
    response = client.post(apply_urls["fr"], valid_data(area), REMOTE_ADDR="198.51.100.99")
    assert response.status_code == 429
    assert ExpressionOfInterest.objects.count() == 5


def test_behind_a_proxy_senders_are_told_apart_by_the_address_it_adds(client, apply_urls, area, settings):
    settings.PORTAL_TRUSTED_PROXIES = 1
    for _ in range(5):
        client.post(apply_urls["en"], valid_data(area), HTTP_X_FORWARDED_FOR="198.51.100.7")
    # The same sender cannot escape by claiming other addresses before the one the proxy added.
    spoofed = client.post(apply_urls["en"], valid_data(area), HTTP_X_FORWARDED_FOR="10.0.0.1, 198.51.100.7")
    assert spoofed.status_code == 429
    # Someone else behind the same proxy is not blocked.
    assert (
        client.post(
            apply_urls["en"], valid_data(area, email="other@example.org"), HTTP_X_FORWARDED_FOR="203.0.113.9"
        ).status_code
        == 302
    )


def test_a_wrong_csrf_token_shows_the_form_again_with_the_input(apply_urls, area):
    client = Client(enforce_csrf_checks=True)
    data = valid_data(area, proposal="Typed before the session expired.")
    response = client.post(apply_urls["fr"], {**data, "csrfmiddlewaretoken": "forged"})
    assert response.status_code == 403
    page = BeautifulSoup(response.content, "html.parser")
    assert page.html["lang"] == "fr"
    assert textarea_value(page, "proposal") == "Typed before the session expired."
    assert page.select_one("input[name=csrfmiddlewaretoken]")["value"] != "forged"
    assert ExpressionOfInterest.objects.count() == 0


def test_the_form_is_accessible_without_javascript(client, apply_urls, area):
    page = BeautifulSoup(client.get(apply_urls["en"]).content, "html.parser")
    form = page.select_one("form[method=post]")
    checked = set()
    for field in form.select("input:not([type=hidden]), select, textarea"):
        if field.find_parent(class_="honeypot"):
            continue
        assert field.get("id") and page.select_one(f'label[for="{field["id"]}"]'), field
        checked.add(field["name"])
    # Every kind of field was checked, the area boxes too.
    assert {"organisation_name", "country", "contribution_types", "cooperation_areas", "proposal"} <= checked
    assert "(required)" in page.select_one('label[for="id_organisation_name"]').get_text()
    assert "5,000" in page.select_one("#id_proposal_helptext").get_text()
    assert page.select_one("#id_proposal")["maxlength"] == "5000"
    honeypot = page.select_one(".honeypot")
    assert honeypot["aria-hidden"] == "true"
    assert honeypot.select_one("input")["tabindex"] == "-1"


def test_acknowledgement_goes_out_in_the_submission_language_and_reviewers_are_notified(
    client, apply_urls, area, settings, django_capture_on_commit_callbacks
):
    settings.PORTAL_REVIEWERS_EMAIL = "reviewers@example.org"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(apply_urls["fr"], valid_data(area))
    run_mail_worker()
    application = ExpressionOfInterest.objects.get()
    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == ["ana@acme.example", "reviewers@example.org"]
    acknowledgement = next(message for message in mail.outbox if message.to == ["ana@acme.example"])
    assert application.reference in acknowledgement.subject
    assert acknowledgement.subject != "We have received your expression of interest"
    notification = next(message for message in mail.outbox if message.to == ["reviewers@example.org"])
    assert f"/admin/expressions_of_interest/inspect/{application.pk}/" in notification.body
    assert application.acknowledgement_sent_at and application.notification_sent_at


def test_a_silent_mail_host_never_holds_the_request(
    client, apply_urls, area, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = f"{__name__}.SilentMailHost"
    SilentMailHost.connections = 0
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(apply_urls["en"], valid_data(area))
    assert response.status_code == 302
    assert SilentMailHost.connections == 0, "the request waited on the mail host"
    application = ExpressionOfInterest.objects.get()
    assert application.acknowledgement_sent_at is None

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    run_mail_worker()
    application.refresh_from_db()
    assert application.acknowledgement_sent_at is not None
    assert [message.to for message in mail.outbox] == [["ana@acme.example"]]


def test_outgoing_mail_gives_up_on_a_silent_host(settings):
    assert 0 < settings.EMAIL_TIMEOUT <= 30


def test_a_mail_failure_keeps_the_submission_and_the_retry_sends_it(
    client, apply_urls, area, settings, django_capture_on_commit_callbacks, caplog
):
    settings.PORTAL_REVIEWERS_EMAIL = "reviewers@example.org"
    with mock.patch("django.core.mail.EmailMessage.send", side_effect=ConnectionRefusedError("SMTP down")):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(apply_urls["en"], valid_data(area))
        run_mail_worker()
    assert response.status_code == 302
    application = ExpressionOfInterest.objects.get()
    assert application.acknowledgement_sent_at is None and application.notification_sent_at is None
    assert "Could not send the acknowledgement" in caplog.text

    call_command("send_pending_notifications")
    application.refresh_from_db()
    assert application.acknowledgement_sent_at and application.notification_sent_at
    assert len(mail.outbox) == 2
    call_command("send_pending_notifications")
    assert len(mail.outbox) == 2


def test_purge_deletes_only_old_declined_submissions(capsys, area):
    old = timezone.now() - timedelta(days=800)

    def make(status, submitted_at):
        return ExpressionOfInterest.objects.create(
            submission_token=uuid.uuid4(),
            language="en",
            organisation_name="Org",
            organisation_type="ngo_nonprofit",
            country="KE",
            contact_name="C",
            email="c@example.org",
            proposal="p",
            alignment="a",
            consent_given_at=submitted_at,
            submitted_at=submitted_at,
            status=status,
        )

    old_declined = make(ApplicationStatus.DECLINED, old)
    recent_declined = make(ApplicationStatus.DECLINED, timezone.now() - timedelta(days=3))
    old_accepted = make(ApplicationStatus.ACCEPTED, old)
    call_command("purge_expressions_of_interest")
    assert "Deleted 1 declined" in capsys.readouterr().out
    assert set(ExpressionOfInterest.objects.values_list("pk", flat=True)) == {
        recent_declined.pk,
        old_accepted.pk,
    }
    call_command("purge_expressions_of_interest", "--older-than-days", "1")
    assert "Deleted 1 declined" in capsys.readouterr().out
    assert list(ExpressionOfInterest.objects.values_list("pk", flat=True)) == [old_accepted.pk]
    assert old_declined.pk != old_accepted.pk


def test_expressions_of_interest_appear_on_no_public_page(client, apply_urls, area):
    client.post(apply_urls["en"], valid_data(area, organisation_name="Secret Applicant Ltd"))
    assert ExpressionOfInterest.objects.exists()
    for url in ["/en/", "/sitemap.xml", apply_urls["en"], apply_urls["ar"]]:
        assert "Secret Applicant" not in client.get(url).content.decode(), url
    results = BeautifulSoup(client.get("/en/search/?q=Secret+Applicant").content, "html.parser")
    assert not results.select(".search-results li")
    # The search does list what is public: a partner is found the same way.
    public_partner(name="Northwind Zqx Analytics")
    results = BeautifulSoup(client.get("/en/search/?q=Northwind+Zqx").content, "html.parser")
    assert "Northwind Zqx Analytics" in results.select_one(".search-results li").get_text()
    assert CooperationArea.objects.filter(pk=area.pk).exists()


@pytest.fixture
def privacy_notice():
    """A privacy notice page in the four languages, linked from the consent box (the site's settings)."""
    pages = translated_page(
        ContentPage,
        slug="privacy",
        titles={"en": "Privacy notice", "fr": "Confidentialité", "es": "Privacidad", "ar": "الخصوصية"},
    )
    settings = PartnershipSettings.for_site(Site.objects.get(is_default_site=True))
    settings.privacy_page = pages["en"]
    settings.save()
    return pages


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_consent_box_links_the_privacy_notice_in_the_reader_language(
    client, apply_urls, privacy_notice, language
):
    page = BeautifulSoup(client.get(apply_urls[language]).content, "html.parser")
    assert page.html["lang"] == language
    links = page.select("#id_consent_helptext a")
    assert [link["href"] for link in links] == [f"/{language}/privacy/"]
    notice = BeautifulSoup(client.get(links[0]["href"]).content, "html.parser")
    assert notice.html["lang"] == language
    assert notice.h1.get_text(strip=True) == privacy_notice[language].title


def test_without_a_privacy_notice_the_consent_box_links_nothing(client, apply_urls):
    page = BeautifulSoup(client.get(apply_urls["fr"]).content, "html.parser")
    assert page.select_one("#id_consent_helptext") is not None
    assert page.select("#id_consent_helptext a") == []


# Areas whose names sort differently in each language, with accented and lower-case initials:
# {slug: {language: name}}.
AREAS = {
    "biometrics": {"en": "Biometrics", "fr": "Biométrie", "es": "Biometría", "ar": "القياسات الحيوية"},
    "border-security": {
        "en": "Border security",
        "fr": "Sécurité des frontières",
        "es": "Seguridad fronteriza",
        "ar": "أمن الحدود",
    },
    "cybersecurity": {
        "en": "Cybersecurity",
        "fr": "Cybersécurité",
        "es": "Ciberseguridad",
        "ar": "الأمن السيبراني",
    },
    "digital-forensics": {
        "en": "Digital forensics",
        "fr": "Criminalistique numérique",
        "es": "Informática forense",
        "ar": "الأدلة الجنائية الرقمية",
    },
    "drugs": {"en": "Drugs", "fr": "Stupéfiants", "es": "Drogas", "ar": "المخدرات"},
    "e-learning": {"en": "e-Learning", "fr": "e-formation", "es": "e-aprendizaje", "ar": "التعلم الإلكتروني"},
    "equipment": {"en": "Equipment", "fr": "Équipement", "es": "Equipamiento", "ar": "المعدات"},
    "ethics": {"en": "Ethics", "fr": "Éthique", "es": "Ética", "ar": "الأخلاقيات"},
    "firearms": {"en": "Firearms", "fr": "Armes à feu", "es": "Armas de fuego", "ar": "الأسلحة النارية"},
    "maritime-security": {
        "en": "Maritime security",
        "fr": "Sûreté maritime",
        "es": "Seguridad marítima",
        "ar": "الأمن البحري",
    },
    "training": {"en": "Training", "fr": "Formation", "es": "Formación", "ar": "التدريب"},
}
# The order a reader of each language expects, worked out by hand: accents and case are ignored
# ("Éthique" with the Es, "e-formation" before "Équipement"; the hamza of "أمن" is ignored, so it
# comes after every "ال…").
AREAS_IN_ORDER = {
    "en": [
        "Biometrics",
        "Border security",
        "Cybersecurity",
        "Digital forensics",
        "Drugs",
        "e-Learning",
        "Equipment",
        "Ethics",
        "Firearms",
        "Maritime security",
        "Training",
    ],
    "fr": [
        "Armes à feu",
        "Biométrie",
        "Criminalistique numérique",
        "Cybersécurité",
        "e-formation",
        "Équipement",
        "Éthique",
        "Formation",
        "Sécurité des frontières",
        "Stupéfiants",
        "Sûreté maritime",
    ],
    "es": [
        "Armas de fuego",
        "Biometría",
        "Ciberseguridad",
        "Drogas",
        "e-aprendizaje",
        "Equipamiento",
        "Ética",
        "Formación",
        "Informática forense",
        "Seguridad fronteriza",
        "Seguridad marítima",
    ],
    "ar": [
        "الأخلاقيات",
        "الأدلة الجنائية الرقمية",
        "الأسلحة النارية",
        "الأمن البحري",
        "الأمن السيبراني",
        "التدريب",
        "التعلم الإلكتروني",
        "القياسات الحيوية",
        "المخدرات",
        "المعدات",
        "أمن الحدود",
    ],
}


@pytest.fixture
def translated_areas():
    """The AREAS, made in English in the order of their slugs and translated into the three others."""
    return [
        CooperationAreaFactory(
            slug=slug,
            name=names["en"],
            translations={code: {"name": names[code]} for code in LANGUAGES[1:]},
        )
        for slug, names in AREAS.items()
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_cooperation_areas_are_named_and_ordered_in_the_reader_language(
    client, apply_urls, translated_areas, language
):
    """Accent- and case-blind alphabetical order of the names the reader sees (the French list used to
    follow the English names)."""
    from portal.locales import sort_key

    client.defaults["HTTP_ACCEPT_LANGUAGE"] = language
    page = BeautifulSoup(client.get(apply_urls[language]).content, "html.parser")
    boxes = page.select('input[name="cooperation_areas"]')
    labels = [page.select_one(f'label[for="{box["id"]}"]').get_text(strip=True) for box in boxes]
    assert labels == AREAS_IN_ORDER[language]
    assert labels == sorted(labels, key=sort_key)
    local_names = set(
        CooperationArea.objects.filter(locale__language_code=language).values_list("name", flat=True)
    )
    assert set(labels) == local_names
    # Each box sends the (English) area it names.
    named = {area.pk: AREAS[area.slug][language] for area in translated_areas}
    assert [named[int(box["value"])] for box in boxes] == labels
    # Not the order of code points, nor (but in English) the order of the English names.
    assert labels != sorted(labels)
    in_english_order = [
        AREAS[slug][language] for slug in sorted(AREAS, key=lambda s: sort_key(AREAS[s]["en"]))
    ]
    assert (labels == in_english_order) == (language == "en")


def test_the_acknowledgement_carries_no_sender_chosen_text_but_a_short_name(
    client, apply_urls, area, django_capture_on_commit_callbacks
):
    """Anyone can type someone else's address: the e-mail must not become their megaphone."""
    lure = "Claim your refund at https://evil.example now, before the offer ends"
    data = valid_data(
        area, organisation_name=lure, contact_name="Winner " * 25, proposal=lure, alignment=lure
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(apply_urls["en"], data)
    run_mail_worker()
    [acknowledgement] = mail.outbox
    text = acknowledgement.subject + acknowledgement.body
    assert "evil.example" not in text
    assert ExpressionOfInterest.objects.get().reference in text
    greeting = acknowledgement.body.splitlines()[0]
    assert greeting.startswith("Dear Winner") and len(greeting) <= len("Dear ,") + 60


@pytest.mark.parametrize("control", ["\u202e", "\u202d", "\u202a", "\u2066", "\u2067", "\u2068", "\u2069"])
def test_bidirectional_overrides_are_stripped_from_every_text_field(client, apply_urls, area, control):
    data = valid_data(
        area,
        organisation_name=f"Acme{control}gpj.exe",
        contact_name=f"Ana{control} Martín",
        phone=f"+33{control} 4 72 44 70 00",
        proposal=f"Licences{control} of our analysis software for the analysts.",
        alignment=f"Helps{control} investigators.",
    )
    assert client.post(apply_urls["en"], data).status_code == 302
    application = ExpressionOfInterest.objects.get()
    for name in ("organisation_name", "contact_name", "phone", "proposal", "alignment"):
        assert control not in getattr(application, name), name
    assert application.organisation_name == "Acmegpj.exe"


def test_right_to_left_marks_that_arabic_text_needs_are_kept(client, apply_urls, area):
    name = "شركة\u200f ACME"
    assert client.post(apply_urls["ar"], valid_data(area, organisation_name=name)).status_code == 302
    assert ExpressionOfInterest.objects.get().organisation_name == name


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_database_that_refuses_the_write_keeps_the_applicants_text(
    client, apply_urls, area, language, monkeypatch
):
    def read_only(*args, **kwargs):
        raise OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(ExpressionOfInterest, "save", read_only)
    data = valid_data(area, proposal="Typed while the database was read-only, and kept for a resend.")
    response = client.post(apply_urls[language], data)
    assert response.status_code == 503
    assert response["Retry-After"] == "300"
    page = BeautifulSoup(response.content, "html.parser")
    assert page.html["lang"] == language
    assert (
        textarea_value(page, "proposal") == "Typed while the database was read-only, and kept for a resend."
    )
    assert page.select_one("#id_organisation_name")["value"] == "Acme Forensics"
    error = page.select_one(".form-error, [role=alert]").get_text()
    assert ("Everything you typed" in error) == (language == "en")
