"""A reader on a phone (360×780): compact header, the menu drawer by touch, keyboard and
without JavaScript, most read by day/week/month, sharing and printing."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from news.models import ArticleDailyRead
from pages.models import MenuItem
from tests.factories import (
    ArticleFactory,
    CategoryFactory,
    MenuItemFactory,
    OrganizationFactory,
    PageFactory,
    SiteIdentityFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"viewport": {"width": 360, "height": 780}, "is_mobile": True, "has_touch": True}
FIRST_HEADLINE_TOP = """(() => {
  const heading = [...document.querySelectorAll("main h1, main h2, main h3")]
    .find(h => h.offsetParent !== null && !h.classList.contains("visually-hidden"));
  return heading.getBoundingClientRect().top;
})()"""


@pytest.fixture
def phone(browser, live_server):
    context = browser.new_context(locale="vi-VN", **PHONE)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def nojs_phone(browser, live_server):
    context = browser.new_context(locale="vi-VN", java_script_enabled=False, **PHONE)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def site(db):
    SiteIdentityFactory(
        site_name="Tỉnh đoàn Kiên Giang",
        tagline="Diễn đàn của Đoàn TNCS Hồ Chí Minh, Hội LHTN Việt Nam, Đội TNTP HCM tỉnh",
    )
    news = CategoryFactory(name="Tin tức - Sự kiện", order=1)
    work = CategoryFactory(name="Công tác Đoàn", order=2)
    sub = CategoryFactory(name="Xây dựng tổ chức Đoàn", parent=work)
    about = PageFactory(title="Giới thiệu", body="<p>Tỉnh đoàn Kiên Giang.</p>")
    unit = OrganizationFactory(name="Thành đoàn Rạch Giá")
    top = MenuItemFactory(kind=MenuItem.Kind.PAGE, page=about, order=1)
    MenuItemFactory(kind=MenuItem.Kind.ORGANIZATION, organization=unit, parent=top)
    MenuItemFactory(kind=MenuItem.Kind.CATEGORY, category=news, order=2)
    work_item = MenuItemFactory(kind=MenuItem.Kind.CATEGORY, category=work, order=3)
    MenuItemFactory(kind=MenuItem.Kind.CATEGORY, category=sub, parent=work_item)
    MenuItemFactory(
        title="Trung ương Đoàn", kind=MenuItem.Kind.LINK, url="https://doanthanhnien.vn/", order=4
    )
    for n in range(6):  # enough to fill the old four-row menu and the home page
        CategoryFactory(name=f"Chuyên mục dài tên số {n}", order=10 + n)
    article = ArticleFactory(
        title="Đoàn viên thanh niên Rạch Giá ra quân chiến dịch Mùa hè xanh năm nay",
        category=news,
        is_featured=True,
        with_cover=True,
    )
    ArticleFactory(title="Bài của tổ chức cơ sở", category=sub)
    return {"article": article, "sub": sub, "page": about, "category": news}


def _paths(site):
    return [
        "/",
        site["category"].get_absolute_url(),
        site["article"].get_absolute_url(),
        site["page"].get_absolute_url(),
        "/tim-kiem/?q=doan+vien",
    ]


def _no_sideways_scroll(page):
    widths = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    return widths[0] <= widths[1]


def test_the_first_headline_starts_within_200_pixels(phone, live_server, site):
    for path in _paths(site):
        phone.goto(live_server.url + path)
        assert phone.evaluate(FIRST_HEADLINE_TOP) <= 200, path


def test_no_page_scrolls_sideways_with_the_drawer_closed_or_open(phone, live_server, site):
    for path in _paths(site):
        phone.goto(live_server.url + path)
        assert _no_sideways_scroll(phone), path
        phone.locator("[data-menu-button]").tap()
        expect(phone.locator("#menu")).to_be_visible()
        assert _no_sideways_scroll(phone), path


def test_the_drawer_opens_and_closes_by_touch(phone, live_server, site):
    phone.goto(live_server.url + "/")
    drawer, button = phone.locator("#menu"), phone.locator("[data-menu-button]")
    assert not drawer.is_visible()
    assert button.get_attribute("aria-expanded") == "false"
    button.tap()
    expect(drawer).to_be_visible()
    assert button.get_attribute("aria-expanded") == "true"
    # Every item and sub-item is in the drawer, on screen.
    for name in ["Giới thiệu", "Thành đoàn Rạch Giá", "Công tác Đoàn", "Xây dựng tổ chức Đoàn"]:
        assert drawer.get_by_role("link", name=name, exact=True).is_visible(), name
    assert drawer.get_by_role("link", name="Trung ương Đoàn").get_attribute("href") == (
        "https://doanthanhnien.vn/"
    )
    drawer.get_by_role("link", name="Đóng menu").tap()
    expect(drawer).to_be_hidden()
    assert button.get_attribute("aria-expanded") == "false"
    assert phone.evaluate("location.hash") == ""


def test_the_drawer_opens_and_closes_by_keyboard(phone, live_server, site):
    phone.goto(live_server.url + "/")
    button, drawer = phone.locator("[data-menu-button]"), phone.locator("#menu")
    for _ in range(10):  # Tab from the top of the page to the menu button
        phone.keyboard.press("Tab")
        if button.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("the menu button is not reachable with Tab")
    phone.keyboard.press("Enter")
    expect(drawer).to_be_visible()
    assert phone.evaluate("document.activeElement.textContent") == "Trang chủ"
    phone.keyboard.press("Escape")
    expect(drawer).to_be_hidden()
    assert button.evaluate("el => el === document.activeElement")
    phone.keyboard.press(" ")  # a button opens with Space too
    expect(drawer).to_be_visible()
    for _ in range(12):  # Tab through the drawer to its sub-category
        phone.keyboard.press("Tab")
        if phone.evaluate("document.activeElement.textContent") == site["sub"].name:
            break
    else:
        pytest.fail("the sub-category is not reachable with Tab in the drawer")
    phone.keyboard.press("Enter")
    phone.wait_for_url("**" + site["sub"].get_absolute_url())
    assert phone.locator("h1").inner_text() == site["sub"].name


def test_a_sub_category_is_reachable_from_the_drawer(phone, live_server, site):
    phone.goto(live_server.url + site["article"].get_absolute_url())
    phone.locator("[data-menu-button]").tap()
    phone.locator("#menu").get_by_role("link", name=site["sub"].name).tap()
    phone.wait_for_url("**" + site["sub"].get_absolute_url())
    assert phone.locator("h1").inner_text() == site["sub"].name
    assert phone.locator("main").get_by_text("Bài của tổ chức cơ sở").is_visible()


def test_the_drawer_works_without_javascript(nojs_phone, live_server, site):
    page = nojs_phone
    page.goto(live_server.url + "/")
    drawer = page.locator("#menu")
    assert not drawer.is_visible()
    page.locator("[data-menu-button]").tap()
    expect(drawer).to_be_visible()
    assert _no_sideways_scroll(page)
    page.get_by_role("link", name="Đóng menu").tap()
    expect(drawer).to_be_hidden()
    page.locator("[data-menu-button]").tap()
    drawer.get_by_role("link", name=site["sub"].name).tap()
    page.wait_for_url("**" + site["sub"].get_absolute_url())
    assert page.locator("h1").inner_text() == site["sub"].name


def test_the_desktop_keeps_its_menu_bar_and_search_form(page, live_server, site):
    page.goto(live_server.url + "/")
    assert not page.locator("[data-menu-button]").is_visible()
    assert page.get_by_label("Tìm kiếm tin tức").is_visible()
    bar = page.locator("#menu")
    assert bar.is_visible() and bar.bounding_box()["height"] < 100
    assert not page.get_by_role("link", name="Đóng menu").is_visible()


@pytest.fixture
def reads(site):
    """An article read today, one on this week's Monday and one on the month's first day
    (on a Monday or the 1st some of these are today, and the lists share them)."""
    today = timezone.localdate()
    days = {
        "day": today,
        "week": today - datetime.timedelta(days=today.weekday()),
        "month": today.replace(day=1),
    }
    for n, (window, day) in enumerate(days.items()):
        article = ArticleFactory(title=f"Bài đọc nhiều {window}")
        ArticleDailyRead.objects.add_counts([(article.pk, day, 60 - 20 * n)])
    return {
        window: [f"Bài đọc nhiều {w}" for w, day in days.items() if day >= since]
        for window, since in days.items()
    }


def _shown_panel(page):
    panel = page.locator(".most-read .tab-panel:visible")
    assert panel.count() == 1
    return panel.get_attribute("id"), panel.get_by_role("link").all_inner_texts()


@pytest.mark.parametrize("fixture", ["phone", "nojs_phone"])
def test_most_read_tabs_switch_with_and_without_javascript(request, live_server, reads, fixture):
    page = request.getfixturevalue(fixture)
    page.goto(live_server.url + "/")
    box = page.locator(".most-read")
    role = "link" if fixture == "nojs_phone" else "tab"
    assert _shown_panel(page) == ("most-read-day", reads["day"])
    box.get_by_role(role, name="Tuần này").tap()
    assert _shown_panel(page) == ("most-read-week", reads["week"])
    box.get_by_role(role, name="Tháng này").tap()
    assert _shown_panel(page) == ("most-read-month", reads["month"])
    box.get_by_role(role, name="Hôm nay").tap()
    assert _shown_panel(page) == ("most-read-day", reads["day"])


def test_most_read_tabs_follow_the_arrow_keys(page, live_server, reads):
    page.goto(live_server.url + "/")
    today = page.get_by_role("tab", name="Hôm nay")
    assert today.get_attribute("aria-selected") == "true"
    today.focus()
    page.keyboard.press("ArrowRight")
    week = page.get_by_role("tab", name="Tuần này")
    assert week.get_attribute("aria-selected") == "true"
    assert week.evaluate("el => el === document.activeElement")
    assert page.get_by_role("tabpanel").get_attribute("id") == "most-read-week"
    assert page.get_by_role("tabpanel").get_by_role("link").all_inner_texts() == reads["week"]


def test_zalo_copies_the_canonical_link_and_says_so_without_a_share_sheet(
    browser, live_server, site
):
    context = browser.new_context(locale="vi-VN", **PHONE)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    url = site["article"].get_absolute_url()
    page.goto(live_server.url + url + "?fbclid=abc")
    assert page.evaluate("typeof navigator.share") == "undefined"  # Chromium on Linux
    page.locator(".share--top").get_by_role("button", name="Zalo").tap()
    expect(page.locator(".share--top .share-status")).to_have_text(
        "Đã sao chép liên kết: hãy dán vào Zalo để chia sẻ."
    )
    assert page.evaluate("navigator.clipboard.readText()") == live_server.url + url
    context.close()


def test_zalo_opens_the_share_sheet_where_the_browser_has_one(browser, live_server, site):
    context = browser.new_context(locale="vi-VN", **PHONE)
    # Headless Chromium has no share sheet: record what a phone's would be given.
    context.add_init_script(
        "navigator.share = data => { window.sharedWith = data; return Promise.resolve(); };"
    )
    page = context.new_page()
    url = site["article"].get_absolute_url()
    page.goto(live_server.url + url + "?utm_source=zalo")
    page.locator(".share--end").get_by_role("button", name="Zalo").tap()
    shared = page.evaluate("window.sharedWith")
    assert shared == {"title": site["article"].title, "url": live_server.url + url}
    context.close()


def test_the_print_link_opens_a_print_view_without_javascript(nojs_phone, live_server, site):
    article = site["article"]
    nojs_phone.goto(live_server.url + article.get_absolute_url())
    nojs_phone.locator(".share--top").get_by_role("link", name="In bài").tap()
    nojs_phone.wait_for_url("**/in/")
    assert nojs_phone.locator("h1").inner_text() == article.title
    head = nojs_phone.locator(".print-head").inner_text()
    assert "Tỉnh đoàn Kiên Giang".upper() in head.upper()
    assert live_server.url + article.get_absolute_url() in head
    assert (
        nojs_phone.locator(".article-meta time")
        .inner_text()
        .endswith(timezone.localtime(article.published_at).strftime("%d/%m/%Y - %H:%M"))
    )
    assert _no_sideways_scroll(nojs_phone)
