"""Two editors open the same record; the second to save is stopped instead of silently replacing the
first one's changes, and keeps what they typed."""

import pytest

from django.test import Client
from django.urls import reverse

from wagtail.test.utils.form_data import querydict_from_html

from partnerships.models import Contribution, Partner
from tests.factories import ContributionFactory, PartnerFactory, make_user

pytestmark = pytest.mark.django_db

RECORDS = {
    "partner": (PartnerFactory, "wagtailsnippets_partnerships_partner:edit", "summary"),
    "contribution": (ContributionFactory, "wagtailsnippets_partnerships_contribution:edit", "title"),
}


def opened_form(client, url):
    return querydict_from_html(client.get(url).content.decode(), form_id="w-editor-form")


@pytest.mark.parametrize("kind", RECORDS)
def test_the_second_editor_to_save_is_stopped_and_keeps_their_text(kind):
    factory, url_name, field = RECORDS[kind]
    record = factory()
    record.save_revision()
    url = reverse(url_name, args=[record.pk])
    first, second = Client(), Client()
    first.force_login(make_user("first-editor", "Editors"))
    second.force_login(make_user("second-editor", "Editors"))
    first_form, second_form = opened_form(first, url), opened_form(second, url)

    first_form[field] = "First editor's words."
    assert first.post(url, first_form).status_code == 302
    second_form[field] = "Second editor's words."
    response = second.post(url, second_form)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Someone else saved this record after you opened it" in html
    assert "Second editor&#x27;s words." in html or "Second editor's words." in html
    model = Partner if kind == "partner" else Contribution
    latest = model.objects.get(pk=record.pk).get_latest_revision_as_object()
    assert getattr(latest, field) == "First editor's words."


@pytest.mark.parametrize("kind", RECORDS)
def test_an_editor_saving_twice_in_a_row_is_not_stopped(kind):
    factory, url_name, field = RECORDS[kind]
    record = factory()
    record.save_revision()
    url = reverse(url_name, args=[record.pk])
    client = Client()
    client.force_login(make_user("lone-editor", "Editors"))
    for words in ("Once.", "Twice."):
        form = opened_form(client, url)
        form[field] = words
        assert client.post(url, form).status_code == 302
    model = Partner if kind == "partner" else Contribution
    assert getattr(model.objects.get(pk=record.pk).get_latest_revision_as_object(), field) == "Twice."
