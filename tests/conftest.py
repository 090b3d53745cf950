import pytest

from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The demo site in four languages, built once and shared read-only by every test."""
    with django_db_blocker.unblock():
        call_command("load_demo", verbosity=0)


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
    """Each test starts with an empty cache: a rolled-back test must not leave addresses behind."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def editor(db):
    from tests.factories import make_user

    return make_user("test-editor", "Editors")


@pytest.fixture
def reviewer(db):
    from tests.factories import make_user

    return make_user("test-reviewer", "Transparency reviewers")
