"""What the browser tests share: the layout checks (nothing wider than the screen), the menu and filter
disclosures, the public pages of each kind found by following the site's own links, and the queries
the walk searches with."""

from urllib.parse import urlsplit

LANGUAGES = ["en", "fr", "es", "ar"]
PHONE = 390
SMALL_PHONE = 320
DESKTOP = 1280

# The walk's searches, per language, as readers type them: each finds at least one result in the
# demo. Without the accents the text has (fr, es), and Arabic without the hamza or without the
# article (the demo's text says "الأمن").
SEARCH_QUERIES = {
    "en": ["biometric"],
    "fr": ["cybersecurite"],
    "es": ["formacion"],
    "ar": ["الامن", "أمن"],
}

# Visible elements whose box leaves the viewport sideways. Skipped: elements inside a box that
# scrolls sideways on purpose (wide tables in `.table-scroll`), and what is hidden on purpose with
# its contents: boxes clipped away (`.visually-hidden`, the form's honeypot) and boxes parked
# entirely off-screen until they receive focus (the directory's "skip to the results" link), and
# what a closed disclosure holds. In a right-to-left page, content that overflows on the left is cut off with no scroll bar to reach
# it, so `scrollWidth` alone would not see it.
OVERFLOWING_ELEMENTS = """
() => {
    const viewportWidth = document.documentElement.clientWidth;
    const isHiddenOnPurpose = (style, box) =>
        style.clipPath === "inset(50%)" ||
        style.clip === "rect(0px, 0px, 0px, 0px)" ||
        (["hidden", "clip"].includes(style.overflowX) && (box.width <= 1 || box.height <= 1)) ||
        (["absolute", "fixed"].includes(style.position) && (box.right <= 0 || box.left >= viewportWidth));
    const isContained = (element) => {
        for (let node = element.parentElement; node && node !== document.body; node = node.parentElement) {
            const style = getComputedStyle(node);
            if (["auto", "scroll"].includes(style.overflowX)) return true;
            if (isHiddenOnPurpose(style, node.getBoundingClientRect())) return true;
        }
        return false;
    };
    const offenders = [];
    for (const element of document.querySelectorAll("body *")) {
        const style = getComputedStyle(element);
        const box = element.getBoundingClientRect();
        // checkVisibility() also leaves out what a closed <details> holds (content-visibility: hidden).
        if (!element.checkVisibility({visibilityProperty: true}) || box.width === 0 || box.height === 0) continue;
        if (isHiddenOnPurpose(style, box) || isContained(element)) continue;
        if (box.left < -1 || box.right > viewportWidth + 1) {
            offenders.push({
                tag: element.tagName.toLowerCase(),
                class: element.getAttribute("class") || "",
                text: (element.innerText || element.getAttribute("aria-label") || "").trim().slice(0, 60),
                left: Math.round(box.left),
                right: Math.round(box.right),
            });
        }
    }
    return {viewportWidth, offenders};
}
"""


def describe_offenders(offenders):
    return "\n".join(
        f'  <{item["tag"]} class="{item["class"]}"> {item["left"]}..{item["right"]} px: {item["text"]!r}'
        for item in offenders
    )


def assert_fits_the_screen(page, where=""):
    """The page does not scroll sideways, and no visible element spills out of the viewport."""
    where = where or page.url
    scroll_width, inner_width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert scroll_width <= inner_width, f"{where} scrolls sideways: {scroll_width} px in {inner_width} px"
    result = page.evaluate(OVERFLOWING_ELEMENTS)
    assert result["offenders"] == [], (
        f"Elements beyond the {result['viewportWidth']} px viewport on {where}:\n"
        + describe_offenders(result["offenders"])
    )


def assert_accessible(page, axe, where=""):
    results = axe.run(page)
    assert results.violations_count == 0, f"{where or page.url}\n{results.generate_report()}"


def is_narrow(page):
    return page.viewport_size["width"] < 768


def menu_toggle(page):
    return page.locator(".primary-nav__toggle")


def menu_links(page):
    return page.locator(".primary-nav__list a")


def open_menu(page):
    """Opens the menu's disclosure on a narrow screen (on a wide one the menu is always shown)."""
    if menu_toggle(page).is_visible() and page.locator(".primary-nav__menu[open]").count() == 0:
        menu_toggle(page).click()
    assert menu_links(page).first.is_visible()


def open_filters(page):
    """Opens the list's "Filter" disclosure when it is closed (on a phone)."""
    toggle = page.locator(".filter-disclosure__toggle")
    if toggle.is_visible() and page.locator(".filter-disclosure[open]").count() == 0:
        toggle.click()


def alternate_path(page, code):
    """The path of this page in another language, read from its hreflang (slugs may be translated)."""
    href = page.locator(f'link[rel="alternate"][hreflang="{code}"]').get_attribute("href")
    return urlsplit(href).path


def public_pages(page, portal_url, code):
    """{kind: path} of one public page of every kind in language `code`, found by following links."""
    paths = {
        "home": f"/{code}/",
        "updates index": f"/{code}/updates/",
        "directory": f"/{code}/partners/",
        "directory filtered": f"/{code}/partners/?sector=for_profit",
        "register": f"/{code}/contributions/",
        "register filtered": f"/{code}/contributions/?type=training",
        "search results": f"/{code}/search/?q={SEARCH_QUERIES[code][0]}",
        "apply": f"/{code}/apply/",
        "open data": f"/{code}/open-data/",
        "API docs": f"/api/docs?lang={code}",
        "not found": f"/{code}/no-such-page/",
    }
    page.goto(f"{portal_url}/en/transparency/")
    paths["content page"] = alternate_path(page, code)
    page.goto(f"{portal_url}{paths['updates index']}")
    paths["update"] = urlsplit(page.locator(".update-list__title a").first.get_attribute("href")).path
    page.goto(f"{portal_url}{paths['directory']}")
    paths["profile"] = page.locator(".partner-card__name a").first.get_attribute("href")
    page.goto(f"{portal_url}{paths['register']}")
    paths["contribution"] = page.locator(".register-table__title a").first.get_attribute("href")
    return paths
