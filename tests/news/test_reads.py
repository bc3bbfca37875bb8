"""Read counting: what counts, once per reader, no lost update (most read: test_most_read.py;
the admin's figures: test_read_statistics.py)."""

import re
import threading

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from news.editing import version_token
from news.models import Article, ArticleDailyRead
from news.reads import is_bot, reader_key
from tests.factories import ArticleFactory, UserFactory
from tests.support import BROWSER, concurrent_reads, markup, post_beacon

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache():
    # "Already read" marks and the most-read box live in the cache, shared by every test.
    for alias in ("default", "reads"):
        caches[alias].clear()
    yield
    for alias in ("default", "reads"):
        caches[alias].clear()


def read(client, article, ua=BROWSER, ip="203.113.1.1", method="post", **headers):
    url = reverse("news:article_read", kwargs={"pk": article.pk})
    return getattr(client, method)(url, HTTP_USER_AGENT=ua, REMOTE_ADDR=ip, **headers)


def reads_of(article):
    return Article.objects.values_list("read_count", flat=True).get(pk=article.pk)


def test_a_read_adds_one_to_the_total_and_to_todays_row(client):
    article = ArticleFactory()
    response = read(client, article)
    assert response.status_code == 204
    assert response["Cache-Control"].startswith("max-age=0")
    assert reads_of(article) == 1
    daily = ArticleDailyRead.objects.get(article=article)
    assert (daily.date, daily.count) == (timezone.localdate(), 1)


def test_a_read_rewrites_no_other_column_and_not_the_change_time(client):
    article = ArticleFactory(title="Tiêu đề gốc", body="<p>Nội dung gốc</p>")
    before = Article.objects.get(pk=article.pk)
    # An editor's copy loaded before the read: her later save must not reset the count.
    read(client, article, ip="203.113.1.2")
    after = Article.objects.get(pk=article.pk)
    assert after.read_count == 1
    assert after.updated_at == before.updated_at
    assert (after.title, after.body) == ("Tiêu đề gốc", "<p>Nội dung gốc</p>")
    before.title = "Tiêu đề mới"
    before.save()
    assert reads_of(article) == 1


def test_no_javascript_readers_are_counted_through_an_image(client):
    article = ArticleFactory()
    response = read(client, article, method="get", HTTP_SEC_FETCH_DEST="image")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/gif"
    assert response.content.startswith(b"GIF89a")
    assert "no-store" in response["Cache-Control"]
    assert reads_of(article) == 1


@pytest.mark.parametrize(
    "ua",
    [
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 "
        "(KHTML, like Gecko) Chrome/120.0.6099.199 Mobile Safari/537.36 (compatible; "
        "Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "Mozilla/5.0 (compatible; coccocbot-web/1.0; +http://help.coccoc.com/searchengine)",
        "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
        "Mozilla/5.0 (compatible; Zalo/1.0; +https://zalo.me)",
        "ZaloPC-LinkPreview/1.0",
        "TelegramBot (like TwitterBot)",
        "Mozilla/5.0+(compatible; UptimeRobot/2.0; http://www.uptimerobot.com/)",
        "Pingdom.com_bot_version_1.4_(http://www.pingdom.com/)",
        "curl/8.5.0",
        "Wget/1.21.4",
        "python-requests/2.32.3",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
        "HeadlessChrome/120.0.0.0 Safari/537.36",
        "Go-http-client/1.1",
        "",
    ],
)
def test_bots_and_tools_add_nothing(client, ua):
    article = ArticleFactory()
    assert read(client, article, ua=ua).status_code == 204
    assert read(client, article, ua=ua, method="get").status_code == 200
    assert reads_of(article) == 0
    assert not ArticleDailyRead.objects.exists()


@pytest.mark.parametrize(
    "ua",
    [
        BROWSER,
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 "
        "(KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1",
        # Zalo's in-app browser: a person reading a link shared in a chat.
        "Mozilla/5.0 (Linux; Android 12; SM-A525F) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Version/4.0 Chrome/119.0.6045.163 Mobile Safari/537.36 Zalo android/12100554 "
        "ZaloTheme/light ZaloLanguage/vi",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
        "coc_coc_browser/118.0.218 Chrome/112.0.5615.218 Safari/537.36",
    ],
)
def test_people_browsers_are_not_bots(ua):
    assert not is_bot(ua)


def test_the_same_reader_counts_once_per_window(client, monkeypatch, settings):
    settings.READS_WINDOW_MINUTES = 30
    article = ArticleFactory()
    read(client, article)
    read(client, article)
    assert reads_of(article) == 1
    # The cache forgets the reader when the window is over: move its clock 31 minutes on.
    from django.core.cache.backends import locmem

    later = locmem.time.time() + 31 * 60

    class Clock:
        @staticmethod
        def time():
            return later

    monkeypatch.setattr(locmem, "time", Clock)
    read(client, article)
    assert reads_of(article) == 2


def test_other_readers_and_other_articles_count_separately(client):
    article, other = ArticleFactory(), ArticleFactory()
    read(client, article, ip="203.113.1.1")
    read(client, article, ip="203.113.1.2")
    read(client, article, ip="203.113.1.1", ua=BROWSER + " Zalo")
    read(client, other, ip="203.113.1.1")
    assert (reads_of(article), reads_of(other)) == (2, 1)


def test_marks_of_many_readers_are_all_kept_without_redis(client):
    article = ArticleFactory()
    for n in range(400):  # more than a default local cache keeps (300)
        read(client, article, ip=f"203.113.{n // 200}.{n % 200}")
    for n in range(400):
        read(client, article, ip=f"203.113.{n // 200}.{n % 200}")
    assert reads_of(article) == 400


def test_the_reader_is_kept_as_a_keyed_hash_not_an_address(rf):
    request = rf.post("/", REMOTE_ADDR="203.113.1.1", HTTP_USER_AGENT=BROWSER)
    key = reader_key(request, 7)
    assert "203.113" not in key and "Chrome" not in key
    assert re.fullmatch(r"reads:seen:[0-9a-f]{32}", key)


def test_behind_a_proxy_the_proxys_address_header_tells_readers_apart(client, settings):
    settings.READS_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    article = ArticleFactory()
    for ip in ["1.1.1.1", "2.2.2.2", "2.2.2.2"]:
        read(client, article, ip="10.0.0.1", HTTP_X_FORWARDED_FOR=f"9.9.9.9, {ip}")
    assert reads_of(article) == 2


def test_head_requests_add_nothing(client):
    article = ArticleFactory()
    assert read(client, article, method="head").status_code == 200
    page = client.head(article.get_absolute_url(), HTTP_USER_AGENT=BROWSER)
    assert page.status_code == 200
    assert reads_of(article) == 0


@pytest.mark.parametrize(
    "header",
    [
        {"HTTP_SEC_PURPOSE": "prefetch"},
        {"HTTP_SEC_PURPOSE": "prefetch;prerender"},
        {"HTTP_PURPOSE": "prefetch"},
        {"HTTP_X_MOZ": "prefetch"},
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
    ],
)
def test_prefetches_and_other_sites_add_nothing(client, header):
    article = ArticleFactory()
    read(client, article, **header)
    assert reads_of(article) == 0


def test_robots_are_asked_to_keep_off_the_counter(client):
    assert "Disallow: /luot-doc/" in client.get("/robots.txt").content.decode()


def test_other_methods_are_refused(client):
    article = ArticleFactory()
    assert read(client, article, method="put").status_code == 405
    assert reads_of(article) == 0


@pytest.mark.parametrize("trait", ["draft", "scheduled"])
def test_a_staff_preview_of_an_unpublished_article_adds_nothing(editor_client, trait):
    article = ArticleFactory(**{trait: True})
    page = editor_client.get(article.get_absolute_url(), HTTP_USER_AGENT=BROWSER)
    assert page.status_code == 200
    assert page.context["is_preview"] is True
    assert b"/luot-doc/" not in page.content
    # Even a hand-made counting request for it counts nothing.
    assert read(editor_client, article).status_code == 204
    assert reads_of(article) == 0


def test_unknown_articles_count_nothing(client):
    # Answered like any other id (tests/news/test_reads_cap.py): ids of drafts stay hidden.
    assert read(client, Article(pk=999999)).status_code == 204
    assert not ArticleDailyRead.objects.exists()


def test_the_article_page_carries_the_counter_and_sets_no_cookie(client):
    article = ArticleFactory()
    page = client.get(article.get_absolute_url(), HTTP_USER_AGENT=BROWSER)
    url = reverse("news:article_read", kwargs={"pk": article.pk})
    html = markup(page)
    assert f'data-beacon-url="{url}"' in html
    assert f'<noscript><img class="read-pixel" src="{url}"' in html
    assert "/static/js/beacons.js" in html
    assert not page.cookies  # a page that sets no cookie can be cached for everyone
    assert reads_of(article) == 0  # the page itself counts nothing: its counter does


def test_behind_the_page_cache_ten_readers_add_ten(client, django_assert_num_queries):
    article = ArticleFactory()
    client.get(article.get_absolute_url(), HTTP_USER_AGENT=BROWSER)  # fills the page cache
    for n in range(10):
        reader = Client()
        ip = f"203.113.2.{n}"
        with django_assert_num_queries(0):  # served from the cache: the view does not run
            page = reader.get(article.get_absolute_url(), HTTP_USER_AGENT=BROWSER, REMOTE_ADDR=ip)
        assert page.status_code == 200
        url = re.search(r'data-beacon-url="([^"]+)"', page.content.decode())[1]
        assert reader.post(url, HTTP_USER_AGENT=BROWSER, REMOTE_ADDR=ip).status_code == 204
    assert reads_of(article) == 10


def test_an_imported_article_starts_from_its_old_count(client, editor_client):
    article = ArticleFactory(legacy_id=4512, read_count=1234)
    assert reads_of(article) == 1234
    read(client, article)
    assert reads_of(article) == 1235
    loaded = Article.objects.get(pk=article.pk)
    loaded.title = "Sửa tiêu đề sau khi nhập"
    loaded.save()
    assert reads_of(article) == 1235
    # An article imported first and given its old count afterwards.
    later = ArticleFactory(legacy_id=4513)
    read(client, later)
    later.add_legacy_reads(500)
    assert reads_of(later) == 501
    assert ArticleDailyRead.objects.get(article=later).count == 1  # old reads belong to no day


# --- Concurrency against a live server --------------------------------------------------------


@pytest.fixture
def one_address_many_readers(settings):
    """The concurrency tests send every reader from the live server's one address."""
    settings.READS_MAX_PER_ADDRESS = 10_000


@pytest.mark.django_db(transaction=True)
def test_200_concurrent_reads_add_exactly_200(live_server, caplog, one_address_many_readers):
    article = ArticleFactory(title="Bài đọc đồng thời", body="<p>Nội dung</p>")
    before = Article.objects.get(pk=article.pk)
    concurrent_reads(live_server, article, 200)
    after = Article.objects.get(pk=article.pk)
    assert after.read_count == 200
    assert ArticleDailyRead.objects.get(article=article).count == 200
    assert not [r for r in caplog.records if r.name == "news.reads"]  # no read failed
    assert after.updated_at == before.updated_at
    assert (after.title, after.body) == ("Bài đọc đồng thời", "<p>Nội dung</p>")


def _admin_save_data(article, n):
    local = timezone.localtime(article.published_at)
    return {
        "title": f"Tiêu đề biên tập lần {n}",
        "slug": article.slug,
        "lead": article.lead,
        "body": f"<p>Nội dung biên tập lần {n}</p>",
        "version_token": version_token(Article.objects.get(pk=article.pk)),
        "published_at_0": local.strftime("%d/%m/%Y"),
        "published_at_1": local.strftime("%H:%M:%S"),
        "category": article.category_id,
        "images-TOTAL_FORMS": "0",
        "images-INITIAL_FORMS": "0",
        "images-MIN_NUM_FORMS": "0",
        "images-MAX_NUM_FORMS": "1000",
        "_save": "Lưu",
    }


@pytest.mark.django_db(transaction=True)
def test_200_concurrent_reads_during_20_admin_saves_lose_nothing(
    live_server, one_address_many_readers
):
    article = ArticleFactory()
    admin_user = UserFactory(is_staff=True, is_superuser=True)
    url = reverse("admin:news_article_change", args=[article.pk])
    failures = []

    def edit():
        try:
            editor = Client()
            editor.force_login(admin_user)
            for n in range(20):
                response = editor.post(url, _admin_save_data(article, n))
                if response.status_code != 302:
                    failures.append(response.content.decode()[:2000])
        finally:
            connection.close()

    saver = threading.Thread(target=edit)
    saver.start()
    concurrent_reads(live_server, article, 200)
    saver.join()
    assert failures == []
    saved = Article.objects.get(pk=article.pk)
    assert saved.read_count == 200
    assert ArticleDailyRead.objects.get(article=article).count == 200
    assert saved.title == "Tiêu đề biên tập lần 19"
    assert saved.body == "<p>Nội dung biên tập lần 19</p>"


@pytest.mark.django_db(transaction=True)
def test_a_failed_counting_request_counts_nothing(live_server):
    url = live_server.url + reverse("news:article_read", kwargs={"pk": 424242})
    assert post_beacon(url, BROWSER) == 204  # an unknown id: answered as any other
    assert not ArticleDailyRead.objects.exists()


def test_the_beacon_answers_no_document_so_it_skips_the_content_security_policy(client):
    article = ArticleFactory()
    beacon = client.post(reverse("news:article_read", kwargs={"pk": article.pk}))
    assert beacon.status_code == 204
    assert "Content-Security-Policy" not in beacon
    assert beacon["X-Content-Type-Options"] == "nosniff"  # the other headers stay
    assert "script-src 'self'" in client.get(article.get_absolute_url())["Content-Security-Policy"]
