import pytest
from playwright.sync_api import expect

from news.models import Article
from tests.factories import (
    ArticleFactory,
    CategoryFactory,
    OrganizationFactory,
    SiteIdentityFactory,
    SourceFactory,
    TagFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def content(db):
    SiteIdentityFactory(
        site_name="Tỉnh đoàn Kiên Giang",
        tagline="Diễn đàn của Đoàn TNCS Hồ Chí Minh, Hội LHTN Việt Nam, Đội TNTP HCM tỉnh",
        address="06 Nguyễn Công Trứ, phường Vĩnh Thanh Vân, thành phố Rạch Giá, tỉnh Kiên Giang",
    )
    news = CategoryFactory(name="Tin hoạt động", slug="tin-hoat-dong", order=1)
    base = CategoryFactory(name="Đoàn cơ sở với những hoạt động dài tên", parent=news)
    CategoryFactory(name="Hội - Đội", order=2)
    tag = TagFactory(name="Tình nguyện")
    source = SourceFactory(name="Báo Kiên Giang")
    article = ArticleFactory(
        title="Dân vận khéo ở Kiên Giang",
        category=news,
        source=source,
        original_url="https://baokiengiang.vn/dan-van-kheo",
        tags=[tag],
        with_cover=True,
        organization=OrganizationFactory(name="Huyện đoàn Châu Thành"),
        body="<p>" + "Thanhniênkhôngngắtdòngđược" * 6 + "</p>",
    )
    Article.objects.filter(pk=article.pk).update(read_count=2201)
    ArticleFactory(title="Chiến dịch mùa hè xanh", category=base, tags=[tag])
    ArticleFactory(title="Ngày hội thiếu nhi", category=news)
    return {"article": article, "category": news, "sub": base}


def test_home_to_category_to_article_shows_source_reads_and_related(page, live_server, content):
    page.goto(live_server.url + "/")
    page.locator(".main-nav").get_by_role("link", name="Tin hoạt động", exact=True).click()
    assert page.locator("h1").inner_text() == "Tin hoạt động"
    page.locator("main").get_by_role("link", name="Dân vận khéo ở Kiên Giang").click()
    assert page.locator("h1").inner_text() == "Dân vận khéo ở Kiên Giang"
    source = page.locator(".source a")
    assert source.is_visible() and source.inner_text() == "Báo Kiên Giang"
    assert source.get_attribute("href") == "https://baokiengiang.vn/dan-van-kheo"
    assert page.locator("#read-count").inner_text() == "2.201"
    related = page.locator(".related")
    assert related.is_visible()
    assert related.get_by_role("link", name="Chiến dịch mùa hè xanh").is_visible()


def test_search_without_diacritics_finds_the_vietnamese_title(page, live_server, content):
    page.goto(live_server.url + "/")
    page.get_by_label("Tìm kiếm tin tức").fill("dan van kheo")
    page.get_by_label("Tìm kiếm tin tức").press("Enter")
    page.wait_for_url("**/tim-kiem/?q=dan+van+kheo")
    results = page.locator("main .card-title")
    assert results.all_inner_texts() == ["Dân vận khéo ở Kiên Giang"]


def test_no_page_scrolls_sideways_on_a_phone(phone_page, live_server, content):
    article, category = content["article"], content["category"]
    paths = [
        "/",
        category.get_absolute_url(),
        article.get_absolute_url(),
        "/tim-kiem/?q=kien+giang",
        article.organization.get_absolute_url(),
        "/khong-co/",
    ]
    for path in paths:
        phone_page.goto(live_server.url + path)
        widths = phone_page.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert widths[0] <= widths[1], (path, widths)


def test_menu_and_sub_menu_work_by_keyboard(page, live_server, content):
    page.goto(live_server.url + "/")
    submenu = page.locator(".menu-item.has-sub .submenu")
    assert not submenu.is_visible()
    parent = page.locator(".main-nav").get_by_role("link", name="Tin hoạt động", exact=True)
    for _ in range(30):  # Tab from the top of the page until the menu entry has focus
        page.keyboard.press("Tab")
        if parent.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("the menu entry is not reachable with Tab")
    assert submenu.is_visible()
    page.keyboard.press("Tab")
    child = submenu.get_by_role("link")
    assert child.evaluate("el => el === document.activeElement")
    page.keyboard.press("Enter")
    page.wait_for_url("**" + content["sub"].get_absolute_url())
    assert page.locator("h1").inner_text() == content["sub"].name


def test_skip_link_moves_to_the_main_content(page, live_server, content):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Chuyển đến nội dung chính")
    assert skip.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"


def test_text_size_buttons_sit_in_the_article_tools_and_are_remembered(page, live_server, content):
    page.goto(live_server.url + content["article"].get_absolute_url())
    tools = page.locator(".share--top")

    def size():
        return page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")

    before = size()
    tools.get_by_role("button", name="Chữ lớn hơn").click()
    tools.get_by_role("button", name="Chữ lớn hơn").click()
    bigger = size()
    assert bigger > before
    page.goto(live_server.url + "/")
    assert size() == bigger
    assert page.get_by_role("button", name="Chữ lớn hơn").count() == 0  # not on every page
    page.goto(live_server.url + content["article"].get_absolute_url())
    tools.get_by_role("button", name="Chữ nhỏ hơn").click()
    assert size() < bigger


def test_print_shows_only_the_article(page, live_server, content):
    page.goto(live_server.url + content["article"].get_absolute_url())
    page.emulate_media(media="print")
    for selector in [".site-header", ".sidebar", ".site-footer", ".share", ".related"]:
        for n in range(page.locator(selector).count()):
            assert not page.locator(selector).nth(n).is_visible(), selector
    assert page.locator("h1").is_visible()
    # The paper says where it comes from: the site's name and the article's address.
    source_line = page.locator(".print-source")
    assert source_line.is_visible()
    assert source_line.inner_text() == (
        "Tỉnh đoàn Kiên Giang – " + live_server.url + content["article"].get_absolute_url()
    )
    assert page.locator(".article-meta time").is_visible()
    assert page.locator(".source").is_visible()
    assert page.locator("#read-count").is_visible()


def test_copy_link_button_says_it_copied(page, live_server, content):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    url = content["article"].get_absolute_url()
    page.goto(live_server.url + url)
    page.locator(".share--end").get_by_role("button", name="Sao chép liên kết").click()
    expect(page.locator(".share--end .share-status")).to_have_text("Đã sao chép liên kết.")
    assert page.evaluate("navigator.clipboard.readText()") == live_server.url + url


def test_pages_work_without_javascript(nojs_page, live_server, content):
    nojs_page.goto(live_server.url + content["article"].get_absolute_url())
    assert nojs_page.locator("h1").inner_text() == "Dân vận khéo ở Kiên Giang"
    assert nojs_page.locator("#read-count").is_visible()
    assert nojs_page.get_by_role("link", name="Facebook").first.is_visible()
    # Buttons that need a script are not offered when there is none; printing is a link.
    assert not nojs_page.get_by_role("button", name="Sao chép liên kết").first.is_visible()
    assert nojs_page.get_by_role("link", name="In bài").first.is_visible()
    nojs_page.get_by_label("Tìm kiếm tin tức").fill("mua he xanh")
    nojs_page.get_by_label("Tìm kiếm tin tức").press("Enter")
    nojs_page.wait_for_url("**/tim-kiem/**")
    assert nojs_page.locator("main .card-title").all_inner_texts() == ["Chiến dịch mùa hè xanh"]
