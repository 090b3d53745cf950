"""Screenshots of the home page for the README, taken by hand (never by the tests).

Serve the demo first (`make run`), then `make screenshots` or
`.venv/bin/python docs/screenshots/take.py [BASE_URL]` (default http://127.0.0.1:8000). It writes the
PNG files beside this script: the first screen of the home page on a phone (390 px wide) in English
and Arabic, the phone's menu opened, and the desktop (1280 px) home page in both languages.
"""

import os
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

HERE = Path(__file__).resolve().parent
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
SHOTS = [
    ("home-phone-en.png", "/en/", PHONE, False),
    ("home-phone-ar.png", "/ar/", PHONE, False),
    ("menu-phone-en.png", "/en/", PHONE, True),
    ("home-desktop-en.png", "/en/", DESKTOP, False),
    ("home-desktop-ar.png", "/ar/", DESKTOP, False),
]


def take(base_url):
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox"])
        for name, path, viewport, open_menu in SHOTS:
            page = browser.new_page(viewport=viewport)
            page.goto(f"{base_url}{path}")
            if open_menu:
                page.locator(".primary-nav__toggle").click()
                page.mouse.move(0, viewport["height"] - 1)
            page.screenshot(path=HERE / name)
            page.close()
            print(HERE / name)
        browser.close()


if __name__ == "__main__":
    take(sys.argv[1].rstrip("/") if len(sys.argv) > 1 else "http://127.0.0.1:8000")
