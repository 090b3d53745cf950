import pytest

from django.core.management import call_command

from wagtail.models import Page, Revision, Site
from wagtail_localize.models import Translation

from home.models import ApplyPage, ContentPage, HomePage, SitemapPage, UpdateIndexPage
from partnerships.models import ContributionIndexPage, OpenDataPage, PartnerIndexPage

pytestmark = pytest.mark.django_db


def counts():
    return {
        "pages": Page.objects.count(),
        "live": Page.objects.live().count(),
        "revisions": Revision.objects.count(),
        "sites": Site.objects.count(),
        "translations": Translation.objects.count(),
    }


@pytest.mark.parametrize("options", [[], ["--migrate"]], ids=["load_demo", "load_demo --migrate"])
def test_load_demo_twice_changes_nothing(options, django_capture_on_commit_callbacks):
    before = counts()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", *options, verbosity=0)
    assert counts() == before


def test_demo_site_has_every_page_in_four_linked_languages():
    assert Site.objects.get(is_default_site=True).root_page.specific.__class__ is HomePage
    home = HomePage.objects.get(locale__language_code="en")
    english_pages = home.get_children().specific()
    # Three in the menu, the privacy notice, the rules on partnerships and the legal notice.
    assert [type(page) for page in english_pages].count(ContentPage) == 6
    assert {type(page) for page in english_pages} == {
        ContentPage,
        PartnerIndexPage,
        ContributionIndexPage,
        ApplyPage,
        UpdateIndexPage,
        OpenDataPage,
        SitemapPage,
    }
    for page in [home, *english_pages]:
        languages = set(
            page.get_translations(inclusive=True).live().values_list("locale__language_code", flat=True)
        )
        assert languages == {"en", "fr", "es", "ar"}, page.title


def test_translations_are_made_through_wagtail_localize():
    home = HomePage.objects.get(locale__language_code="en")
    assert set(
        Translation.objects.filter(source__object_id=home.translation_key).values_list(
            "target_locale__language_code", flat=True
        )
    ) == {"fr", "es", "ar"}


@pytest.mark.parametrize("code", ["en", "fr", "es", "ar"])
def test_calls_to_action_lead_to_the_page_in_the_reader_language(client, code):
    from bs4 import BeautifulSoup

    page = BeautifulSoup(client.get(f"/{code}/").content, "html.parser")
    assert [a["href"] for a in page.select(".cta a")] == [f"/{code}/apply/"]


def test_demo_admin_is_created_with_printed_credentials(capsys):
    call_command("load_demo")
    output = capsys.readouterr().out
    assert "Demo administrator: admin /" in output
