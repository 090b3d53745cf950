"""Arabic typed and read right to left in the admin's editors (wagtail-localize's and Wagtail's own):
without `dir` and `lang`, Arabic mixed with Latin names was laid out left to right and scrambled."""

import re

DEMO_PASSWORD = "portal-demo-2026"
ARABIC = re.compile("[\u0600-\u06ff]")


def sign_in(page, portal_url, username):
    page.goto(f"{portal_url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{portal_url}/admin/")


def first_arabic_partner_edit_url(page, portal_url):
    page.goto(f"{portal_url}/admin/snippets/partnerships/partner/?locale=ar")
    return page.locator("table.listing td.title a").first.get_attribute("href")


def test_the_translator_types_arabic_right_to_left(page, portal_url):
    sign_in(page, portal_url, "editor")
    page.goto(portal_url + first_arabic_partner_edit_url(page, portal_url))
    page.wait_for_selector(".js-translation-editor p")
    # The strings shown for reading take their direction from their own letters.
    directions = page.eval_on_selector_all(
        ".js-translation-editor p", "paragraphs => paragraphs.map(p => [p.dir, p.textContent])"
    )
    arabic = [direction for direction, text in directions if ARABIC.search(text)]
    assert arabic and set(arabic) == {"auto"}
    # Opening an Arabic string to edit it gives a right-to-left Arabic field.
    page.evaluate(
        """() => {
            const paragraph = [...document.querySelectorAll('.js-translation-editor p')]
                .find(p => /[\\u0600-\\u06ff]/.test(p.textContent));
            let box = paragraph.parentElement;
            while (box && !box.querySelector('button')) box = box.parentElement;
            [...box.querySelectorAll('button')].find(b => b.textContent.trim() === 'Edit').click();
        }"""
    )
    field = page.wait_for_selector(".js-translation-editor textarea")
    assert field.get_attribute("dir") == "rtl"
    assert field.get_attribute("lang") == "ar"
    assert page.csp_errors == []


def test_wagtails_own_editor_of_an_arabic_record_is_right_to_left(page, portal_url):
    """A translation whose synchronisation is stopped (or, for its reviewer, one under review) is edited
    in Wagtail's own form: the Arabic record's text fields read right to left, its slug left to right."""
    sign_in(page, portal_url, "admin")
    page.goto(f"{portal_url}/admin/snippets/partnerships/cooperationarea/?locale=ar")
    page.locator("table.listing td.title a").first.click()
    page.wait_for_selector(".js-translation-editor")
    # "Stop Synced translation", as its menu posts it.
    edit_url = page.url
    page.evaluate(
        """() => {
            const editor = document.querySelector('.js-translation-editor');
            const form = document.createElement('form');
            form.method = 'post';
            form.action = JSON.parse(editor.dataset.props).links.stopTranslationUrl;
            form.append(editor.querySelector('input[name=csrfmiddlewaretoken]').cloneNode());
            document.body.append(form);
            form.submit();
        }"""
    )
    page.wait_for_selector(".js-translation-editor", state="detached")
    page.goto(edit_url)
    page.wait_for_selector("[data-edit-form]")
    name = page.locator('[data-edit-form] input[name="name"]')
    assert name.get_attribute("dir") == "rtl"
    assert name.get_attribute("lang") == "ar"
    assert page.locator('[data-edit-form] input[name="slug"]').get_attribute("dir") == "ltr"
