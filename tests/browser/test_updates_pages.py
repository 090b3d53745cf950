import pytest

LANGUAGES = ["en", "fr", "es", "ar"]


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_updates_index_and_an_update_have_no_accessibility_violations(page, axe, portal_url, code):
    page.goto(f"{portal_url}/{code}/updates/")
    results = axe.run(page)
    assert results.violations_count == 0, results.generate_report()
    page.locator(".update-list__title a").first.click()
    assert page.locator("html").get_attribute("lang") == code
    results = axe.run(page)
    assert results.violations_count == 0, results.generate_report()
    assert page.csp_errors == []


def test_the_updates_filters_work_without_javascript(browser, portal_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{portal_url}/en/updates/")
        page.select_option("#id_year", "2025")
        page.get_by_role("button", name="Show updates").click()
        assert "year=2025" in page.url
        dates = page.locator(".update-list__date time").evaluate_all("els => els.map(e => e.dateTime)")
        assert dates and all(date.startswith("2025-") for date in dates)
    finally:
        context.close()
