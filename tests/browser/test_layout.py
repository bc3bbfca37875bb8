"""Layout a person sees: sidebar and footer blocks on a phone and on their background; the
article list in the admin."""

import re

import pytest
from django.contrib.auth.models import User

from organizations.models import PartnerLink, Sponsor
from tests.factories import (
    ArticleDailyReadFactory,
    ArticleFactory,
    CategoryFactory,
    PartnerLinkFactory,
    SponsorFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)


def _luminance(css_colour):
    red, green, blue = (int(part) / 255 for part in re.findall(r"\d+", css_colour)[:3])

    def linear(c):
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def contrast(foreground, background):
    light, dark = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def style(page, selector, prop):
    return page.locator(selector).first.evaluate(f"e => getComputedStyle(e).{prop}")


@pytest.fixture
def blocks(db):
    article = ArticleFactory(title="Ngày hội thanh niên")
    ArticleDailyReadFactory(article=article)
    SponsorFactory(name="Ngân hàng Kiên Giang", placement=Sponsor.Placement.SIDEBAR)
    SponsorFactory(name="Viễn thông Kiên Giang", placement=Sponsor.Placement.FOOTER)
    PartnerLinkFactory(
        name="Cổng thông tin điện tử Ủy ban nhân dân tỉnh Kiên Giang" * 2,
        group=PartnerLink.Group.PROVINCE,
    )
    return article


def test_sponsor_and_partner_blocks_fit_a_phone(phone_page, live_server, blocks):
    for path in ["/", blocks.get_absolute_url(), "/tim-kiem/?q=khong-co-gi"]:
        phone_page.goto(live_server.url + path)
        assert phone_page.locator(".sponsors--sidebar").is_visible()
        assert phone_page.locator(".sponsors--footer").is_visible()
        assert phone_page.locator(".partner-links").is_visible()
        widths = phone_page.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert widths[0] <= widths[1], (path, widths)


def test_sidebar_blocks_share_one_design_and_footer_title_is_readable(page, live_server, blocks):
    page.goto(live_server.url + "/")
    box_title = ".most-read .box-title"
    for block in [".sidebar .sponsors", ".sidebar .partner-links"]:
        assert style(page, block, "backgroundColor") == style(page, ".most-read", "backgroundColor")
        for prop in ["color", "borderBottomColor", "fontSize", "textTransform"]:
            assert style(page, f"{block} h2", prop) == style(page, box_title, prop), (block, prop)
    title = ".site-footer .sponsors__title"
    footer_background = style(page, ".site-footer", "backgroundColor")
    assert contrast(style(page, title, "color"), footer_background) >= 4.5


def test_article_list_fits_the_admin_page_with_readable_titles(browser, live_server):
    User.objects.create_superuser("quantri", password="mat-khau-thu-123")
    parent = CategoryFactory(name="Công tác Đoàn và phong trào thanh niên")
    category = CategoryFactory(name="Tuyên truyền - Giáo dục chính trị tư tưởng", parent=parent)
    for n in range(5):
        ArticleFactory(
            title=f"Tuổi trẻ Kiên Giang ra quân chiến dịch Mùa hè xanh {n}", category=category
        )
    context = browser.new_context(locale="vi-VN", viewport={"width": 1440, "height": 900})
    page = context.new_page()
    page.goto(live_server.url + "/admin/login/?next=/admin/news/article/")
    page.fill("#id_username", "quantri")
    page.fill("#id_password", "mat-khau-thu-123")
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/news/article/")
    table, box = page.evaluate(
        "[document.querySelector('#result_list').scrollWidth,"
        " document.querySelector('.results').clientWidth]"
    )
    assert table <= box
    assert page.locator("#result_list th.field-title").first.bounding_box()["width"] >= 250
    context.close()
