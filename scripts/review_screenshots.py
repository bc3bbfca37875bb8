"""Screenshots of the review workflow for the role guides (docs/huong-dan-*-vien.md).

    .venv/bin/python scripts/review_screenshots.py http://127.0.0.1:8000 USER PASSWORD \
        [docs/screenshots/review]

Run it against a throw-away site filled by `manage.py demo`, as its superuser: it creates a
contributor, an editor and an account without a role through the admin's own pages, then
walks one article from the contributor to the readers. It drives Debian's Chromium.
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).parent))
from editor_screenshots import CHROMIUM, new_page  # noqa: E402

PASSWORD = "Mat-khau-thu-2026!"


def log_in(page, base, user, password):
    page.goto(base + "/admin/login/")
    page.fill("#id_username", user)
    page.fill("#id_password", password)
    page.click("input[type=submit]")


def add_account(page, base, username, name, role, *, unit=True, shot=None):
    page.goto(base + "/admin/auth/user/add/")
    page.fill("#id_username", username)
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    page.fill("#id_first_name", name)
    page.fill("#id_email", f"{username}@example.vn")
    page.select_option("#id_role", role)
    if unit:
        page.select_option("#id_units_from", label="Huyện đoàn Châu Thành")
        page.evaluate("SelectBox.move('id_units_from', 'id_units_to')")
    if shot:
        page.screenshot(path=shot, full_page=True)
    page.click("input[name=_save]")
    page.wait_for_selector(".messagelist")


def choose(page, field, text=""):
    """Pick the first match in a select2 lookup of the admin."""
    page.click(f".field-{field} .select2-selection")
    if text:
        page.keyboard.type(text)
    page.wait_for_selector(".select2-results__option:not(.loading-results)")
    page.click(".select2-results__option >> nth=0")


def main(base, user, password, out):
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])

        # Administrator: accounts in one step.
        admin = new_page(browser)
        log_in(admin, base, user, password)
        add_account(
            admin,
            base,
            "ctv.lan",
            "Nguyễn Thị Lan",
            "Cộng tác viên",
            shot=out / "qt-01-them-tai-khoan.png",
        )
        admin.screenshot(path=out / "qt-02-tai-khoan-da-tao.png", full_page=True)
        add_account(admin, base, "btv.minh", "Trần Văn Minh", "Biên tập viên", unit=False)
        add_account(admin, base, "ban.doc", "Bạn đọc", "", unit=False)

        # A person without staff access is told so.
        stranger = new_page(browser)
        log_in(stranger, base, "ban.doc", PASSWORD)
        stranger.wait_for_selector(".errornote")
        stranger.screenshot(path=out / "qt-03-khong-co-quyen-vao.png")

        # Contributor: writes, saves a draft, sends it for review.
        writer = new_page(browser)
        log_in(writer, base, "ctv.lan", PASSWORD)
        writer.goto(base + "/admin/news/article/add/")
        writer.wait_for_selector(".ck-editor__editable")
        writer.fill(
            "#id_title", "Huyện đoàn Châu Thành ra quân Chiến dịch Thanh niên tình nguyện hè"
        )
        writer.fill("#id_lead", "(KGO) - Sáng nay, Huyện đoàn Châu Thành tổ chức lễ ra quân.")
        writer.click(".ck-editor__editable")
        writer.keyboard.type("Hơn 300 đoàn viên thanh niên tham gia lễ ra quân.")
        choose(writer, "category")
        writer.select_option("#id_organization", index=1)
        writer.locator(".publish-row").scroll_into_view_if_needed()
        writer.screenshot(path=out / "ctv-01-viet-bai.png")
        writer.click("button[name=_action][value=draft]")
        writer.wait_for_selector(".messagelist")
        writer.click("button[name=_action][value=submit]")
        writer.wait_for_selector(".messagelist")
        writer.screenshot(path=out / "ctv-02-da-gui-duyet.png")
        article_url = writer.url

        # Editor: the queue on the index, the article, sending it back.
        editor = new_page(browser)
        log_in(editor, base, "btv.minh", PASSWORD)
        editor.goto(base + "/admin/")
        editor.screenshot(path=out / "btv-01-trang-quan-tri.png")
        editor.goto(base + "/admin/news/article/?state=review")
        editor.screenshot(path=out / "btv-02-hang-cho-duyet.png")
        editor.goto(article_url)
        editor.fill("#id_send_back_reason", "Bài cần thêm ảnh và tên người chụp ảnh.")
        editor.locator(".send-back").scroll_into_view_if_needed()
        editor.screenshot(path=out / "btv-03-tra-lai.png")
        editor.click(".send-back button[type=submit]")
        editor.wait_for_selector(".messagelist")

        # Contributor: the notification, the reason, sending again.
        writer.goto(base + "/admin/news/notification/")
        writer.screenshot(path=out / "ctv-03-thong-bao.png")
        writer.goto(article_url)
        writer.wait_for_selector(".sent-back")
        writer.screenshot(path=out / "ctv-04-bi-tra-lai.png")
        writer.fill("#id_byline", "Ảnh: Nguyễn Thị Lan")
        writer.click("button[name=_action][value=submit]")
        writer.wait_for_selector(".messagelist")

        # Editor: publishes; the history shows every step.
        editor.goto(article_url)
        editor.locator(".publish-row").scroll_into_view_if_needed()
        editor.screenshot(path=out / "btv-04-nut-duyet.png")
        editor.click("button[name=_action][value=publish]")
        editor.wait_for_selector(".messagelist")
        editor.goto(article_url.replace("/change/", "/history/"))
        editor.screenshot(path=out / "btv-05-lich-su.png", full_page=True)

        writer.goto(base + "/admin/news/article/")
        writer.screenshot(path=out / "ctv-05-bai-cua-toi.png")
        browser.close()


if __name__ == "__main__":
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    main(
        sys.argv[1].rstrip("/"),
        sys.argv[2],
        sys.argv[3],
        Path(sys.argv[4] if len(sys.argv) > 4 else "docs/screenshots/review"),
    )
