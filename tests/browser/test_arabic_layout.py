"""The Arabic pages fit a phone and a desktop screen: nothing spills out of the viewport sideways.

In a right-to-left page, content that overflows on the right is cut off with no scroll bar to reach
it, so a `scrollWidth` check alone is not enough: every visible element's box is checked too. A
full-page screenshot of each page and width is kept in the test's tmp_path for a human look.
"""

from urllib.parse import urlsplit

import pytest

from tests.browser_helpers import OVERFLOWING_ELEMENTS, describe_offenders, open_menu

LANGUAGE = "ar"
WIDTHS = [375, 1280]


def _arabic_alternate(page, portal_url, english_path):
    """The Arabic URL of an English page, read from its hreflang: Arabic slugs may be translated."""
    page.goto(f"{portal_url}{english_path}")
    href = page.locator(f'link[rel="alternate"][hreflang="{LANGUAGE}"]').get_attribute("href")
    return urlsplit(href).path


@pytest.fixture(scope="module")
def arabic_paths(browser, portal_url):
    """{name: path} of the Arabic pages to check, found by following the site's own links."""
    context = browser.new_context()
    page = context.new_page()
    directory = _arabic_alternate(page, portal_url, "/en/partners/")
    register = _arabic_alternate(page, portal_url, "/en/contributions/")
    page.goto(f"{portal_url}{directory}")
    partner = page.locator(".partner-card__name a").first.get_attribute("href")
    context.close()
    return {"home": f"/{LANGUAGE}/", "directory": directory, "partner": partner, "register": register}


@pytest.fixture(params=WIDTHS, ids=lambda width: f"{width}px")
def sized_page(request, browser):
    context = browser.new_context(viewport={"width": request.param, "height": 900})
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("name", ["home", "directory", "partner", "register"])
def test_arabic_page_fits_the_viewport(sized_page, portal_url, arabic_paths, name, tmp_path):
    page = sized_page
    width = page.viewport_size["width"]
    page.goto(f"{portal_url}{arabic_paths[name]}")
    screenshot = tmp_path / f"{LANGUAGE}-{name}-{width}px.png"
    page.screenshot(path=str(screenshot), full_page=True)
    where = f"{arabic_paths[name]} at {width} px (screenshot: {screenshot})"

    assert page.locator("html").get_attribute("dir") == "rtl", where
    scroll_width, client_width, inner_width = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth, window.innerWidth]"
    )
    assert scroll_width <= min(client_width, inner_width), f"The page scrolls sideways: {where}"
    result = page.evaluate(OVERFLOWING_ELEMENTS)
    assert result["offenders"] == [], (
        f"Elements beyond the {result['viewportWidth']} px viewport on {where}:\n"
        + describe_offenders(result["offenders"])
    )

    # The menu starts at the right: its first item is the right-most one, near the right edge.
    open_menu(page)
    boxes = [link.bounding_box() for link in page.locator(".primary-nav a").all()]
    first_right = boxes[0]["x"] + boxes[0]["width"]
    assert first_right > width * 0.85, where
    assert all(box["x"] + box["width"] <= first_right + 1 for box in boxes), where


def test_the_overflow_check_catches_an_element_that_spills_over(sized_page, portal_url):
    """The check itself: a box made wider than the viewport is reported, a scrolling one is not."""
    page = sized_page
    page.goto(f"{portal_url}/{LANGUAGE}/")
    page.evaluate(
        """() => {
            const wide = document.createElement("p");
            wide.className = "too-wide";
            wide.textContent = "wide";
            wide.style.inlineSize = "2000px";
            const scroller = document.createElement("div");
            scroller.style.overflowX = "auto";
            scroller.append(wide.cloneNode(true));
            document.querySelector("main").append(wide, scroller);
        }"""
    )
    offenders = page.evaluate(OVERFLOWING_ELEMENTS)["offenders"]
    assert [item["class"] for item in offenders if item["class"] == "too-wide"] == ["too-wide"]
