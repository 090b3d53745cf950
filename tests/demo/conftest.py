import pytest

from django.core.management import call_command

from wagtail.models import Page


@pytest.fixture(scope="package", autouse=True)
def demo_site(django_db_setup, django_db_blocker):
    """The demo site in four languages in place of the bare one: loaded once, outside any test's
    transaction (a package fixture is set up before the test's own), after every other test has run."""
    with django_db_blocker.unblock():
        Page.objects.filter(depth=2).delete()
        call_command("load_demo", verbosity=0)
