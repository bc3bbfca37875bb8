"""Screenshots of the editors' screens for the guide docs/huong-dan-bien-tap.md.

    .venv/bin/python scripts/editor_screenshots.py http://127.0.0.1:8000 USER PASSWORD \
        [docs/screenshots/editors]

Run it against a site filled by `manage.py demo`, as a superuser (two further editors,
"lan" and "minh", are created through the admin's own pages for the conflict screen). It
changes the demo content: use a throw-away site. It drives Debian's Chromium.
"""

import datetime
import io
import os
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
VIEWPORT = {"width": 1280, "height": 900}


def log_in(page, base, user, password):
    page.goto(base + "/admin/login/")
    page.fill("#id_username", user)
    page.fill("#id_password", password)
    page.click("input[type=submit]")
    page.wait_for_url(base + "/admin/")


def new_page(browser):
    context = browser.new_context(viewport=VIEWPORT, locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.on("dialog", lambda dialog: dialog.accept())
    return page


def first_article(page, base):
    page.goto(base + "/admin/news/article/")
    href = page.locator("#result_list th.field-title a").first.get_attribute("href")
    return base + href.split("?")[0]


def small_png():
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (800, 500), (30, 110, 180)).save(out, "PNG")
    return out.getvalue()


def main(base, user, password, out):
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = new_page(browser)
        log_in(page, base, user, password)

        # Publishing buttons and autosave while typing.
        url = first_article(page, base)
        page.goto(url)
        page.wait_for_selector(".ck-editor__editable")
        page.fill("#id_lead", page.input_value("#id_lead") + " Câu đang gõ dở.")
        page.wait_for_selector(".autosave-status:has-text('Đã tự động lưu')")
        page.screenshot(path=out / "01-bieu-mau-tu-dong-luu.png")
        page.locator(".publish-row").scroll_into_view_if_needed()
        page.screenshot(path=out / "02-nut-xuat-ban.png")

        # The autosave offered back after the tab was closed.
        page.goto(url)
        page.wait_for_selector(".autosave-offer")
        page.screenshot(path=out / "03-khoi-phuc-ban-tu-dong-luu.png")
        page.click(".autosave-discard")

        # Error summary with the cover kept.
        page.goto(base + "/admin/news/article/add/")
        page.wait_for_selector(".ck-editor__editable")
        picture = out / "_bia.png"
        picture.write_bytes(small_png())
        page.set_input_files("#id_cover_image", picture)
        page.wait_for_timeout(500)
        with page.expect_navigation():
            page.click("button[name=_action][value=draft]")
        picture.unlink()
        page.wait_for_selector(".error-summary")
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=out / "04-tom-tat-loi.png")
        page.locator(".field-cover_picture").scroll_into_view_if_needed()
        page.screenshot(path=out / "05-anh-bia-duoc-giu.png")

        # Two editors: the second is refused and sees the differences.
        other = new_page(browser)
        log_in(other, base, user, password)
        page.goto(url)
        page.wait_for_selector(".ck-editor__editable")
        other.goto(url)
        other.wait_for_selector(".ck-editor__editable")
        other.fill("#id_lead", "(KGO) - Sapo do một biên tập viên khác vừa sửa.")
        other.click("button[name=_action][value=save]")
        other.wait_for_selector(".messagelist")
        page.fill("#id_title", page.input_value("#id_title") + " (bản của tôi)")
        page.click("button[name=_action][value=save]")
        page.wait_for_selector(".conflict")
        page.screenshot(path=out / "06-xung-dot.png")
        page.click("button[name=_action][value=save]")  # having seen it, the editor keeps hers
        page.wait_for_selector(".messagelist")

        # History, compare and restore.
        page.goto(url + "../history/")
        page.screenshot(path=out / "07-lich-su.png")
        page.click("button:has-text('So sánh')")
        page.wait_for_selector("#revision-compare")
        page.screenshot(path=out / "08-so-sanh.png")

        # The list with its states, scheduling, and the trash.
        page.goto(url)
        tomorrow = datetime.date.today() + datetime.timedelta(days=2)
        page.fill("#id_published_at_0", tomorrow.strftime("%d/%m/%Y"))
        page.fill("#id_published_at_1", "07:30:00")
        page.click("button[name=_action][value=schedule]")
        page.wait_for_selector(".messagelist")
        page.goto(base + "/admin/news/article/?state=scheduled")
        page.screenshot(path=out / "09-hen-gio.png")
        page.goto(url.replace("/change/", "/delete/"))
        page.click("input[type=submit]")
        page.goto(base + "/admin/news/article/thung-rac/")
        page.screenshot(path=out / "10-thung-rac.png")

        # The media library, searched without diacritics.
        page.goto(base + "/admin/library/picture/")
        page.screenshot(path=out / "11-thu-vien-anh.png")
        browser.close()


if __name__ == "__main__":
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    main(
        sys.argv[1].rstrip("/"),
        sys.argv[2],
        sys.argv[3],
        Path(sys.argv[4] if len(sys.argv) > 4 else "docs/screenshots/editors"),
    )
