"""Screenshots of the home page, an article and a static page at desktop (1440) and phone
(360) widths, and the phone's open menu drawer.

    .venv/bin/python scripts/screenshots.py http://127.0.0.1:8000 [docs/screenshots]

Run it against a site filled by `manage.py demo`; it drives Debian's Chromium.
"""

import os
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
SIZES = {"desktop": {"width": 1440, "height": 900}, "phone": {"width": 360, "height": 780}}


def shoot(page, path):
    """A full-page screenshot once every lazy image has been scrolled into view and loaded."""
    page.wait_for_load_state("networkidle")
    height = page.evaluate("document.documentElement.scrollHeight")
    for _ in range(height // 600 + 1):
        page.mouse.wheel(0, 600)
        page.wait_for_timeout(50)
    page.wait_for_load_state("networkidle")
    page.wait_for_function("[...document.images].every(img => img.complete)")
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=path, full_page=True)


def reader_pages():
    """``(size name, page)`` for each of SIZES, in Debian's Chromium as a reader's browser."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for name, viewport in SIZES.items():
            context = browser.new_context(
                viewport=viewport, locale="vi-VN", is_mobile=name == "phone", device_scale_factor=1
            )
            yield name, context.new_page()
            context.close()
        browser.close()


def main(base, out):
    out.mkdir(parents=True, exist_ok=True)
    for name, page in reader_pages():
        page.goto(base + "/")
        shoot(page, out / f"home-{name}.png")
        if name == "phone":  # the drawer, as a reader sees it over the first screen
            page.locator("[data-menu-button]").click()
            page.locator("#menu").wait_for(state="visible")
            page.screenshot(path=out / "menu-phone.png")
            page.keyboard.press("Escape")
        page.locator(".hero .card-title a").first.click()
        shoot(page, out / f"article-{name}.png")
        page.goto(base + "/trang/gioi-thieu/")
        shoot(page, out / f"page-{name}.png")


if __name__ == "__main__":
    main(sys.argv[1].rstrip("/"), Path(sys.argv[2] if len(sys.argv) > 2 else "docs/screenshots"))
