"""The public site on a phone: every kind of page fits 390 px (and 320 px) in every language with no
sideways scroll and no axe-core violation; the menu and the list filters are disclosures that work
without JavaScript; wide tables scroll in a focusable, labelled box that says so; the register's rows
stay compact."""

import pytest

from tests.browser_helpers import (
    DESKTOP,
    LANGUAGES,
    PHONE,
    SMALL_PHONE,
    assert_accessible,
    assert_fits_the_screen,
    menu_links,
    menu_toggle,
    public_pages,
)

# The kinds also checked on the narrowest phones: the longest words and widest controls are there.
SMALL_PHONE_KINDS = [
    "home",
    "updates index",
    "directory filtered",
    "register filtered",
    "contribution",
    "apply",
]


@pytest.fixture(scope="module")
def phone(browser):
    """One page, reused by the module's tests, in a phone-sized window."""
    context = browser.new_context(viewport={"width": PHONE, "height": 844})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="module")
def phone_without_javascript(browser):
    context = browser.new_context(viewport={"width": PHONE, "height": 844}, java_script_enabled=False)
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_kind_of_page_fits_a_phone_and_passes_axe(phone, axe, portal_url, code):
    page = phone
    page.set_viewport_size({"width": PHONE, "height": 844})
    pages = public_pages(page, portal_url, code)
    for kind, path in pages.items():
        response = page.goto(f"{portal_url}{path}")
        assert response.status == (404 if kind == "not found" else 200), f"{kind}: {path}"
        where = f"{kind} ({path}) at {PHONE} px"
        assert_fits_the_screen(page, where)
        assert_accessible(page, axe, where)

    page.set_viewport_size({"width": SMALL_PHONE, "height": 700})
    for kind in SMALL_PHONE_KINDS:
        page.goto(f"{portal_url}{pages[kind]}")
        assert_fits_the_screen(page, f"{kind} ({pages[kind]}) at {SMALL_PHONE} px")


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_menu_is_a_disclosure_on_a_phone_that_needs_no_javascript(
    phone_without_javascript, portal_url, code
):
    page = phone_without_javascript
    page.goto(f"{portal_url}/{code}/partners/")
    toggle = menu_toggle(page)
    assert toggle.is_visible()
    assert not menu_links(page).first.is_visible()
    # Half the page's title, at most, stands above the title on a phone: not rows of links.
    assert page.locator("h1").bounding_box()["y"] < 260

    toggle.click()
    links = menu_links(page)
    assert links.first.is_visible()
    current = page.locator('.primary-nav__list a[aria-current="page"]')
    assert current.count() == 1
    assert current.get_attribute("href") == f"/{code}/partners/"
    # One link a line, starting from the reading edge: the right one in Arabic.
    first, last = links.first.bounding_box(), links.last.bounding_box()
    assert last["y"] > first["y"]
    left, right = links.first.evaluate(
        "link => { const text = document.createRange(); text.selectNodeContents(link);"
        " const box = text.getBoundingClientRect(); return [box.left, box.right]; }"
    )
    if code == "ar":
        assert right > PHONE * 0.8
    else:
        assert left < PHONE * 0.2

    toggle.click()
    assert not links.first.is_visible()


def test_the_menu_is_always_shown_on_a_desktop(browser, portal_url):
    context = browser.new_context(viewport={"width": DESKTOP, "height": 900}, java_script_enabled=False)
    page = context.new_page()
    try:
        for code in LANGUAGES:
            page.goto(f"{portal_url}/{code}/")
            assert not menu_toggle(page).is_visible()
            assert all(link.is_visible() for link in menu_links(page).all())
            assert (
                page.locator('.primary-nav__list a[aria-current="page"]').get_attribute("href") == f"/{code}/"
            )
    finally:
        context.close()


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize(
    "path,filtered,other_field,other_value",
    [
        ("partners/", "sector=for_profit", "#filter-type", "for_profit_company"),
        ("contributions/", "type=training", "#filter-sector", "for_profit"),
    ],
    ids=["directory", "register"],
)
def test_the_filters_come_after_the_results_count_and_disclose_without_javascript(
    phone_without_javascript, portal_url, code, path, filtered, other_field, other_value
):
    page = phone_without_javascript
    page.goto(f"{portal_url}/{code}/{path}?{filtered}")
    toggle = page.locator(".filter-disclosure__toggle")
    form = page.locator(".filter-disclosure form")
    assert toggle.is_visible() and not form.is_visible()
    # The count and the filter in use come first, the closed filters next, then the results.
    count_y = page.locator(".list-layout__count").bounding_box()["y"]
    chip = page.locator(".filter-chip")
    assert chip.count() == 1
    assert count_y < chip.bounding_box()["y"] < toggle.bounding_box()["y"]
    assert toggle.bounding_box()["y"] < page.locator(".list-layout__results").bounding_box()["y"]
    one_active = toggle.inner_text()
    assert "(" in one_active

    toggle.click()
    assert form.is_visible()
    page.select_option(other_field, other_value)
    form.locator("button[type=submit]").click()
    page.wait_for_load_state()
    assert filtered in page.url and other_value in page.url
    assert page.locator(".filter-chip").count() == 2
    assert page.locator(".filter-disclosure__toggle").inner_text() not in (one_active, "")

    # Each chip is a link to the same list without its filter.
    page.locator(".filter-chip").first.click()
    page.wait_for_load_state()
    assert filtered not in page.url and other_value in page.url


def test_the_filters_stand_open_beside_the_results_on_a_desktop(browser, portal_url):
    context = browser.new_context(viewport={"width": DESKTOP, "height": 900}, java_script_enabled=False)
    page = context.new_page()
    try:
        for path in ["/en/partners/", "/ar/contributions/"]:
            page.goto(f"{portal_url}{path}")
            assert not page.locator(".filter-disclosure__toggle").is_visible()
            assert page.locator(".filter-disclosure form button[type=submit]").is_visible()
    finally:
        context.close()


@pytest.mark.parametrize("code", ["en", "ar"])
def test_wide_tables_scroll_in_a_focusable_box_that_says_so(phone, portal_url, code):
    page = phone
    page.set_viewport_size({"width": PHONE, "height": 844})
    scrolled = 0
    for path in [f"/{code}/", f"/{code}/contributions/", f"/api/docs?lang={code}"]:
        page.goto(f"{portal_url}{path}")
        towards_the_end = "ArrowLeft" if page.locator("html").get_attribute("dir") == "rtl" else "ArrowRight"
        boxes = page.locator(".table-scroll")
        assert boxes.count() > 0, path
        for box in boxes.all():
            assert box.get_attribute("tabindex") == "0"
            assert box.get_attribute("role") == "region"
            assert box.get_attribute("aria-label") or box.get_attribute("aria-labelledby")
            scrolls = box.evaluate("box => box.scrollWidth > box.clientWidth")
            assert box.locator(".table-scroll__hint").is_visible() == scrolls, path
            if scrolls:
                box.focus()
                page.keyboard.press(towards_the_end)
                # Keyboard scrolling may be animated: wait for it to move.
                page.wait_for_function(
                    "box => Math.abs(box.scrollLeft) > 0", arg=box.element_handle(), timeout=5000
                )
                scrolled += 1
    # The demo's figures are wide enough that at least one table must scroll on a phone.
    assert scrolled > 0


def test_the_register_rows_are_compact_on_a_phone(phone, portal_url):
    page = phone
    page.set_viewport_size({"width": PHONE, "height": 844})
    for code in LANGUAGES:
        page.goto(f"{portal_url}/{code}/contributions/")
        rows = page.locator(".register-table tbody tr")
        height = page.locator(".register-table").bounding_box()["height"]
        # Four or five short lines a contribution (a card of seven labelled cells was about 650 px).
        assert height / rows.count() < 240, code
