"""The expression-of-interest form, used the way a keyboard user uses it."""

import pytest

MAX_TABS = 150


def tab_to(page, element_id):
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == element_id:
            return
    raise AssertionError(f"Tab never reached #{element_id}")


def tab_to_submit_button(page):
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type") == "submit":
            return
    raise AssertionError("Tab never reached the submit button")


def choose_with_arrow_keys(page, field_id, label):
    """Arrow down a focused <select> to the option labelled `label` (Playwright can type only Latin
    letters into a list, so the Arabic names cannot be typed to jump to them)."""
    for _step in range(400):
        if page.evaluate(f"document.getElementById('{field_id}').selectedOptions[0].text") == label:
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"No option {label!r} in #{field_id}")


@pytest.mark.parametrize(
    "code,organisation,country",
    [("en", "Keyboard Forensics Ltd", "France"), ("ar", "مؤسسة لوحة المفاتيح", "فرنسا")],
)
def test_the_form_can_be_filled_and_sent_with_the_keyboard_only(
    page, portal_url, code, organisation, country
):
    page.goto(f"{portal_url}/{code}/apply/")
    tab_to(page, "id_organisation_name")
    page.keyboard.type(organisation)
    tab_to(page, "id_organisation_type")
    page.keyboard.press("ArrowDown")
    tab_to(page, "id_country")
    choose_with_arrow_keys(page, "id_country", country)
    tab_to(page, "id_contact_name")
    page.keyboard.type("Ana Martín")
    page.keyboard.press("Tab")
    page.keyboard.type("ana@keyboard.example")
    tab_to(page, "id_contribution_types_0")
    page.keyboard.press("Space")
    tab_to(page, "id_proposal")
    page.keyboard.type("We offer training in digital forensics for investigators. 🙂")
    page.keyboard.press("Tab")
    page.keyboard.type("It builds capacity in member countries.")
    tab_to(page, "id_consent")
    page.keyboard.press("Space")
    # The privacy notice link after the consent box is one more stop on the way.
    tab_to_submit_button(page)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{portal_url}/{code}/apply/thanks/")
    assert "EOI-" in page.locator("main").inner_text()


@pytest.mark.parametrize("code", ["en", "ar"])
def test_the_form_and_its_error_state_have_no_accessibility_violations(page, axe, portal_url, code):
    page.goto(f"{portal_url}/{code}/apply/")
    results = axe.run(page)
    assert results.violations_count == 0, results.generate_report()
    assert page.csp_errors == []

    page.locator("form[method=post] button[type=submit]").click()
    page.wait_for_load_state()
    summary = page.locator(".error-summary")
    assert summary.is_visible()
    assert page.evaluate("document.activeElement.classList.contains('error-summary')")
    assert page.locator("[aria-invalid=true]").count() >= 4
    results = axe.run(page)
    assert results.violations_count == 0, results.generate_report()


def test_the_character_counter_counts_down_in_the_reader_language(page, portal_url):
    page.goto(f"{portal_url}/ar/apply/")
    counter = page.locator("#id_proposal_counter")
    page.locator("#id_proposal").fill("مرحبا")
    assert "٤٬٩٩٥" in counter.inner_text()
