"""A real browser counts one read of an article page, with and without JavaScript."""

import pytest

from news.models import Article
from tests.factories import ArticleFactory
from tests.support import BROWSER
from visits.models import SiteDailyVisit

pytestmark = pytest.mark.django_db(transaction=True)

# Headless Chromium says "HeadlessChrome", which is rightly not counted: act as a phone.


@pytest.mark.parametrize("javascript", [True, False])
def test_opening_an_article_counts_one_read(browser, live_server, javascript):
    article = ArticleFactory()
    context = browser.new_context(
        locale="vi-VN", user_agent=BROWSER, java_script_enabled=javascript
    )
    try:
        page = context.new_page()
        page.set_default_timeout(10_000)
        with page.expect_response(lambda r: "/luot-doc/" in r.url) as counted:
            page.goto(live_server.url + article.get_absolute_url())
        assert counted.value.status == (204 if javascript else 200)
        with page.expect_response(lambda r: "/luot-doc/" in r.url):
            page.reload()  # the same reader again, within the window: asked, not counted
    finally:
        context.close()
    assert Article.objects.get(pk=article.pk).read_count == 1


def test_headless_chrome_is_not_counted(page, live_server):
    article = ArticleFactory()
    with page.expect_response(lambda r: "/luot-doc/" in r.url) as counted:
        page.goto(live_server.url + article.get_absolute_url())
    assert counted.value.status == 204
    assert Article.objects.get(pk=article.pk).read_count == 0


def test_an_article_page_sends_its_read_and_the_visit_once_each(browser, live_server):
    # Both counters include static/js/beacons.js; the copy that runs first sends both beacons.
    article = ArticleFactory()
    context = browser.new_context(locale="vi-VN", user_agent=BROWSER)
    try:
        page = context.new_page()
        page.set_default_timeout(10_000)
        sent = []
        page.on("request", lambda r: sent.append(r.url) if r.method == "POST" else None)
        page.goto(live_server.url + article.get_absolute_url())
        page.wait_for_load_state("networkidle")
    finally:
        context.close()
    assert sorted(url.split("/")[3] for url in sent) == ["luot-doc", "luot-truy-cap"]
    assert Article.objects.get(pk=article.pk).read_count == 1
    assert SiteDailyVisit.objects.get().count == 1
