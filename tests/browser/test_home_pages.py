import pytest

LANGUAGES = ["en", "fr", "es", "ar"]


@pytest.mark.parametrize("code", LANGUAGES)
def test_home_page_has_no_accessibility_violations(page, axe, portal_url, code):
    page.goto(f"{portal_url}/{code}/")
    results = axe.run(page)
    assert results.violations_count == 0, results.generate_report()
    assert page.csp_errors == []


@pytest.mark.parametrize("code", LANGUAGES)
def test_programme_page_has_no_accessibility_violations(page, axe, portal_url, code):
    page.goto(f"{portal_url}/{code}/")
    page.locator(".primary-nav a").nth(3).click()
    results = axe.run(page)
    assert results.violations_count == 0, results.generate_report()


def test_arabic_layout_runs_right_to_left(page, portal_url):
    page.goto(f"{portal_url}/ar/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    width = page.viewport_size["width"]
    first_link = page.locator(".primary-nav a").first.bounding_box()
    last_link = page.locator(".primary-nav a").last.bounding_box()
    # The first menu item sits at the right edge and the next ones follow leftwards.
    assert first_link["x"] + first_link["width"] > width * 0.85
    assert last_link["x"] < first_link["x"]
    brand = page.locator(".site-header__brand").bounding_box()
    assert brand["x"] > width / 2


def test_english_layout_runs_left_to_right(page, portal_url):
    page.goto(f"{portal_url}/en/")
    first_link = page.locator(".primary-nav a").first.bounding_box()
    assert first_link["x"] < page.viewport_size["width"] * 0.15


@pytest.mark.parametrize("code", ["en", "ar"])
def test_tab_reaches_the_skip_link_first_and_it_moves_focus_to_the_content(page, portal_url, code):
    page.goto(f"{portal_url}/{code}/")
    # Hidden off-screen by the stylesheet until it receives focus.
    assert page.locator(".skip-link").bounding_box()["y"] < 0
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert focused == "skip-link"
    assert page.locator(".skip-link").bounding_box()["y"] >= 0
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"


def test_language_switcher_leads_to_the_translated_page(page, portal_url):
    page.goto(f"{portal_url}/en/transparency/")
    page.locator('.language-selector a[lang="fr"]').click()
    assert page.url == f"{portal_url}/fr/transparence/"
    assert page.locator("html").get_attribute("lang") == "fr"


def test_home_page_reads_well_on_a_phone(browser, portal_url):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    for code in LANGUAGES:
        page.goto(f"{portal_url}/{code}/")
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, code
    context.close()
