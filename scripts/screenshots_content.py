"""Screenshots of the documents register, photo albums (and the lightbox), videos, the week's
events and the contact form, at desktop (1440) and phone (360) widths.

    .venv/bin/python scripts/screenshots_content.py http://127.0.0.1:8000 [docs/screenshots]

Run it against a site filled by `manage.py demo`; it drives Debian's Chromium.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from screenshots import reader_pages, shoot  # noqa: E402


def main(base, out):
    out.mkdir(parents=True, exist_ok=True)
    for name, page in reader_pages():
        # The demo's videos are YouTube addresses: the facade asks YouTube for nothing.
        page.goto(base + "/van-ban/")
        shoot(page, out / f"documents-{name}.png")
        page.locator(".register tbody a").first.click()
        shoot(page, out / f"document-{name}.png")
        page.goto(base + "/thu-vien-anh/")
        page.locator(".album-card a").first.click()
        shoot(page, out / f"album-{name}.png")
        page.locator(".photo-grid a").first.click()
        page.locator("dialog.lightbox").wait_for(state="visible")
        page.wait_for_timeout(300)
        page.screenshot(path=out / f"lightbox-{name}.png")
        page.keyboard.press("Escape")
        page.goto(base + "/su-kien/tuan/")
        shoot(page, out / f"events-week-{name}.png")
        page.goto(base + "/video/")
        page.locator(".video-card a").first.click()
        shoot(page, out / f"video-{name}.png")
        page.goto(base + "/lien-he/")
        shoot(page, out / f"contact-{name}.png")


if __name__ == "__main__":
    main(sys.argv[1].rstrip("/"), Path(sys.argv[2] if len(sys.argv) > 2 else "docs/screenshots"))
