"""The portal as a visitor meets it, in each language on a phone and on a desktop: home, the menu, the
directory, a filter, a partner, the register, a contribution, a search, and the apply form sent empty
(errors) and then filled in (thanks). Every page visited fits the screen and has no axe-core violation."""

import pytest

from tests.browser_helpers import (
    DESKTOP,
    LANGUAGES,
    PHONE,
    SEARCH_QUERIES,
    assert_accessible,
    assert_fits_the_screen,
    open_filters,
    open_menu,
)

WALKS = [(code, width) for width in (PHONE, DESKTOP) for code in LANGUAGES]


@pytest.fixture
def visitor(browser, request):
    """A page in a window of the walk's width, as a visitor of its own: the server trusts one proxy
    (see conftest), so each walk's apply form counts against its own address, not the others'."""
    code, width = request.node.callspec.params["code"], request.node.callspec.params["width"]
    address = f"192.0.2.{WALKS.index((code, width)) + 10}"
    context = browser.new_context(
        viewport={"width": width, "height": 900}, extra_http_headers={"X-Forwarded-For": address}
    )
    page = context.new_page()
    yield page
    context.close()


def follow_menu(page, path_end):
    open_menu(page)
    page.locator(f'.primary-nav__list a[href$="{path_end}"]').click()
    page.wait_for_load_state()


def fill_in_the_apply_form(page, code, width):
    page.fill("#id_organisation_name", f"Walkthrough Analytics {code} {width}")
    page.select_option("#id_organisation_type", "for_profit_company")
    page.select_option("#id_country", "FR")
    page.fill("#id_website", "https://walkthrough.example")
    page.fill("#id_contact_name", "Ana Martín")
    page.fill("#id_email", f"walk-{code}-{width}@walkthrough.example")
    page.fill("#id_phone", "+33 1 23 45 67 89")
    page.check("#id_contribution_types_0")
    page.check("#id_cooperation_areas_0")
    page.fill(
        "#id_proposal",
        "We would fund two training courses a year for cybercrime investigators. The courses would "
        "be run by our own analysts at the organisation's regional offices. We can start next spring.",
    )
    page.fill(
        "#id_alignment",
        "Better trained investigators help police services in every member country. We share the "
        "organisation's values of integrity and respect for human rights.",
    )
    page.check("#id_consent")


@pytest.mark.parametrize("code,width", WALKS, ids=[f"{code}-{width}px" for code, width in WALKS])
def test_a_visitor_walks_through_the_portal(visitor, axe, portal_url, code, width):
    page = visitor

    def check(step):
        where = f"{step} ({page.url}) in {code} at {width} px"
        assert page.locator("html").get_attribute("lang") == code, where
        assert_fits_the_screen(page, where)
        assert_accessible(page, axe, where)

    page.goto(f"{portal_url}/{code}/")
    check("home")

    follow_menu(page, "/partners/")
    check("directory")
    open_filters(page)
    page.select_option("#filter-sector", "for_profit")
    page.locator(".filter-disclosure form button[type=submit]").click()
    page.wait_for_load_state()
    assert "sector=for_profit" in page.url
    assert page.locator(".filter-chip").count() == 1
    check("directory, filtered")

    page.locator(".partner-card__name a").first.click()
    page.wait_for_load_state()
    check("partner profile")

    follow_menu(page, "/contributions/")
    check("register")
    page.locator(".register-table__title a").first.click()
    page.wait_for_load_state()
    check("contribution")

    for query in SEARCH_QUERIES[code]:
        page.goto(f"{portal_url}/{code}/search/")
        search_box = page.locator("main form[role=search] input[name=q]")
        search_box.fill(query)
        search_box.press("Enter")
        page.wait_for_load_state()
        assert page.locator(".search-results li").count() > 0, f"No result for {query!r} in {code}"
        check(f"search for {query!r}")

    follow_menu(page, "/apply/")
    check("apply")
    submit = page.locator("form[method=post] button[type=submit]")
    submit.click()
    page.wait_for_load_state()
    assert page.locator(".error-summary").is_visible()
    check("apply, sent empty")

    fill_in_the_apply_form(page, code, width)
    submit.click()
    page.wait_for_url(f"{portal_url}/{code}/apply/thanks/")
    assert "EOI-" in page.locator("main").inner_text()
    check("apply, thanks")
