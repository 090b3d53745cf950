"""The apply form's rate limit: a few submissions an hour per connection and per recipient of the
acknowledgement, counted atomically in the database so simultaneous posts cannot all get through."""

import threading
from datetime import timedelta

import pytest

from django.db import connection, connections
from django.test import RequestFactory

from partnerships.applications import ratelimit
from partnerships.models import SubmissionCount

pytestmark = pytest.mark.django_db

LIMIT = 5


def request_from(address):
    return RequestFactory().post("/en/apply/", REMOTE_ADDR=address)


def test_a_connection_gets_five_places_an_hour():
    request = request_from("198.51.100.20")
    assert [ratelimit.take_place(request) for _ in range(7)] == [True] * LIMIT + [False, False]
    assert ratelimit.take_place(request_from("198.51.100.21"))


def test_one_recipient_gets_five_acknowledgements_an_hour_whatever_the_connection():
    places = [ratelimit.take_place(request_from(f"203.0.113.{n}"), "Target@Example.org ") for n in range(6)]
    assert places == [True] * LIMIT + [False]
    assert ratelimit.take_place(request_from("203.0.113.99"), "someone.else@example.org")


def test_the_places_come_back_when_the_hour_is_over():
    request = request_from("198.51.100.30")
    for _ in range(LIMIT):
        ratelimit.take_place(request)
    assert not ratelimit.take_place(request)
    SubmissionCount.objects.update(window_started_at=ratelimit.timezone.now() - timedelta(hours=1, seconds=1))
    assert ratelimit.take_place(request)
    assert SubmissionCount.objects.get().count == 1


def test_no_address_is_stored():
    ratelimit.take_place(request_from("198.51.100.40"), "private@example.org")
    for key in SubmissionCount.objects.values_list("key", flat=True):
        assert "198.51.100.40" not in key and "private" not in key


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite's in-memory test database has one writer"
)
def test_twenty_simultaneous_posts_take_only_five_places():
    """Each thread has a connection of its own, outside the test's transaction, as workers do; all of
    them find no count yet, so most lose the race to create it and must count in the winner's."""
    address = "192.0.2.77"
    start = threading.Barrier(20)
    results = []

    def post():
        try:
            start.wait()
            results.append(ratelimit.take_place(request_from(address)))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=post) for _ in range(20)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert results.count(True) == LIMIT
    finally:
        cleanup = threading.Thread(
            target=lambda: (
                SubmissionCount.objects.filter(key=ratelimit._key("address", address)).delete(),
                connections.close_all(),
            )
        )
        cleanup.start()
        cleanup.join()
