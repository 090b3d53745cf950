"""A partner's profile and a contribution's page show when the record was first published and the days
its later changes were published (the record's and its live translation's in the reader's language),
newest first, at most ten; dates only, never who published or what a draft says; one query."""

import datetime

import pytest
from bs4 import BeautifulSoup

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import ModelLogEntry

from partnerships.models import Contribution, Partner
from tests.factories import make_user, public_contribution, public_partner, publish, translate

pytestmark = pytest.mark.django_db


def day(month, date):
    return datetime.date(2030, month, date)


def published_on(record, *days):
    """Date the record's publications, oldest first, as if they had been published on `days`."""
    entries = (
        ModelLogEntry.objects.for_instance(record)
        .filter(action="wagtail.publish")
        .order_by("timestamp", "pk")
    )
    assert entries.count() == len(days)
    for entry, when in zip(entries, days, strict=True):
        ModelLogEntry.objects.filter(pk=entry.pk).update(
            timestamp=timezone.make_aware(datetime.datetime.combine(when, datetime.time(15)))
        )


def history(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    section = BeautifulSoup(response.content, "html.parser").select_one(".change-history")
    assert section is not None, url
    changes = [time["datetime"] for time in section.select(".change-history__list time")]
    first = [time["datetime"] for time in section.select("time") if time.parent.name == "dd"]
    return response, section, changes, first


@pytest.fixture
def partner():
    editor = make_user("history-editor", "Editors")
    partner = public_partner(name="Historia Labs", slug="historia-labs", summary="First text.")
    partner.summary = "Second text."
    publish(partner)
    partner.summary = "Third text."
    publish(partner)  # the same day as the second: one date
    Partner.objects.filter(pk=partner.pk).update(
        first_published_at=timezone.make_aware(datetime.datetime(2030, 1, 5, 9))
    )
    published_on(partner, day(1, 5), day(2, 10), day(2, 10))
    french = translate(partner, "fr", live=True, summary="Texte.")
    published_on(french, day(3, 15))
    # A Spanish translation published once, then taken off (it is no longer approved): it does not count.
    spanish = translate(partner, "es", live=True, summary="Texto.")
    published_on(spanish, day(4, 20))
    spanish.unpublish()
    # A draft waiting for review, saved by an editor: neither its text nor its author is shown.
    partner.refresh_from_db()
    partner.summary = "DRAFT-SECRET summary"
    partner.save_revision(user=editor)
    return partner


@pytest.mark.parametrize(
    "code, changes",
    [
        ("en", ["2030-02-10"]),
        ("fr", ["2030-03-15", "2030-02-10"]),
        ("es", ["2030-02-10"]),
        ("ar", ["2030-02-10"]),
    ],
)
def test_a_profile_shows_first_publication_and_later_changes_newest_first(client, partner, code, changes):
    response, section, shown, first = history(client, f"/{code}/partners/historia-labs/")
    assert shown == changes
    assert first[-1] == "2030-01-05"
    assert section.select_one("h2").text
    body = response.content.decode()
    assert "DRAFT-SECRET" not in body
    assert "history-editor" not in body


def test_the_labels_are_translated(client, partner):
    _response, section, _shown, _first = history(client, "/fr/partners/historia-labs/")
    assert section.select_one("h2").text == "Historique des publications"
    _response, section, _shown, _first = history(client, "/ar/partners/historia-labs/")
    assert section.select_one("h2").text == "سجل النشر"


def test_at_most_ten_dates_and_the_same_queries_however_many(client):
    partner = public_partner(slug="historia-many")
    contribution = public_contribution(partner=partner, reference="HIST-MANY")
    urls = ["/fr/partners/historia-many/", f"/fr/contributions/{contribution.slug}/"]

    def count(url):
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            _response, _section, shown, _first = history(client, url)
        return len(queries), shown

    before = [count(url) for url in urls]
    assert [shown for _queries, shown in before] == [[], []]
    for record in (partner, contribution):
        for _ in range(14):
            publish(record)
        published_on(record, *[day(1, n) for n in range(1, 16)])
    after = [count(url) for url in urls]
    for (queries_before, _), (queries_after, shown) in zip(before, after, strict=True):
        assert shown == [day(1, n).isoformat() for n in range(15, 5, -1)]
        assert queries_after == queries_before


def test_a_contribution_page_shows_its_history_and_its_translation_s(client):
    editor = make_user("history-publisher", "Transparency reviewers")
    contribution = public_contribution(reference="HIST-1", title="Historic gift")
    contribution.title = "Historic gift, amended"
    publish(contribution, user=editor)
    Contribution.objects.filter(pk=contribution.pk).update(
        first_published_at=timezone.make_aware(datetime.datetime(2030, 5, 1, 9))
    )
    published_on(contribution, day(5, 1), day(6, 2))
    arabic = translate(contribution, "ar", live=True, title="هدية")
    published_on(arabic, day(7, 3))
    translate(contribution, "fr", title="Brouillon")  # a draft translation
    url = f"/{{code}}/contributions/{contribution.slug}/"
    response, _section, shown, first = history(client, url.format(code="ar"))
    assert shown == ["2030-07-03", "2030-06-02"]
    assert first[-1] == "2030-05-01"
    assert "history-publisher" not in response.content.decode()
    assert history(client, url.format(code="fr"))[2] == ["2030-06-02"]
    assert history(client, url.format(code="en"))[2] == ["2030-06-02"]
