"""Most tests stand on a bare site in four languages (tests/site.py) and make the records they read.
The demo's own tests (tests/demo/) run after them, on the demo loaded in its place."""

import pytest

from tests.site import build_site

DEMO_TESTS = "tests/demo/"
BROWSER_TESTS = "tests/browser/"


def pytest_collection_modifyitems(items):
    """The other tests first, then the demo's (the demo replaces the bare site once), then the browser's:
    their session-long Playwright keeps an event loop running, in which Django refuses to set up a
    database. A stable sort: each group keeps its order."""
    items.sort(key=lambda item: (BROWSER_TESTS in item.nodeid, DEMO_TESTS in item.nodeid))
    for item in items:
        if DEMO_TESTS in item.nodeid:
            item.add_marker(pytest.mark.demo)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The bare site, built once and shared read-only by every test (each test's writes roll back)."""
    with django_db_blocker.unblock():
        build_site()


@pytest.fixture
def en_client(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.fixture(autouse=True)
def source_language():
    """Each test starts in English: a request to /ar/ leaves Arabic active in this thread afterwards."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with empty caches: a rolled-back test must not leave addresses or pages behind
    (on Redis, in CI's PostgreSQL pass, they would outlive the test process too)."""
    from django.core.cache import caches

    for cache in caches.all(initialized_only=False):
        cache.clear()


@pytest.fixture
def editor(db):
    from tests.factories import make_user

    return make_user("test-editor", "Editors")


@pytest.fixture
def reviewer(db):
    from tests.factories import make_user

    return make_user("test-reviewer", "Transparency reviewers")
