"""Whole pages for anonymous readers (portal/caching.py): served from the cache, never to or
from staff, made old by every change an editor or administrator saves and by the clock."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from news.models import Article, ArticleImage
from organizations.models import PartnerLink, SiteIdentity, Sponsor
from portal.caching import cache_for_readers, site_version
from portal.pagination import PAGE_SIZE
from tests.factories import (
    ArticleFactory,
    ArticleImageFactory,
    CategoryFactory,
    OrganizationFactory,
    PartnerLinkFactory,
    SponsorFactory,
    TagFactory,
)
from tests.support import queries_of, text

pytestmark = pytest.mark.django_db

HOME = "/"


# --- what readers get ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        HOME,
        "article",
        "category",
        "/tim-kiem/?q=thanh+nien",
        "/rss/",
        "organization",
    ],
)
def test_a_readers_second_visit_is_served_whole_from_the_cache(client, url):
    article = ArticleFactory(title="Thanh niên tình nguyện", organization=OrganizationFactory())
    url = {
        "article": article.get_absolute_url(),
        "category": article.category.get_absolute_url(),
        "organization": article.organization.get_absolute_url(),
    }.get(url, url)
    first, _ = queries_of(client, url)
    second, count = queries_of(client, url)
    assert first.status_code == second.status_code == 200
    assert count == 0  # not a query: the view did not run
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]
    assert second["Cache-Control"] == "public, max-age=0, must-revalidate"


def test_the_etag_answers_304_and_a_changed_page_gets_a_new_one(client):
    article = ArticleFactory(title="Tiêu đề thứ nhất")
    etag = client.get(HOME)["ETag"]
    assert client.get(HOME, headers={"if-none-match": etag}).status_code == 304
    article.title = "Tiêu đề thứ hai"
    article.save()
    response = client.get(HOME, headers={"if-none-match": etag})
    assert response.status_code == 200 and "Tiêu đề thứ hai" in text(response)
    assert response["ETag"] != etag


def test_parameters_a_page_does_not_use_share_its_cache_entry(client):
    article = ArticleFactory()
    client.get(article.get_absolute_url())
    shared, count = queries_of(client, article.get_absolute_url() + "?fbclid=abc&utm_source=zalo")
    assert shared.status_code == 200 and count == 0
    page = article.category.get_absolute_url()
    client.get(page)
    _, count = queries_of(client, page + "?page=1")
    assert count > 0  # ?page= is the page's own parameter: an entry of its own


def test_max_age_is_a_setting_and_never_outlives_the_next_scheduled_article(client, settings):
    settings.PAGE_CACHE_MAX_AGE = 60
    ArticleFactory()
    assert client.get(HOME)["Cache-Control"] == "public, max-age=60, must-revalidate"
    ArticleFactory(published_at=timezone.now() + datetime.timedelta(seconds=30))
    max_age = int(client.get(HOME)["Cache-Control"].split("max-age=")[1].split(",")[0])
    assert 25 <= max_age <= 30


def test_the_read_beacon_is_never_cached(client):
    article = ArticleFactory()
    url = reverse("news:article_read", kwargs={"pk": article.pk})
    browser = {"HTTP_USER_AGENT": "Mozilla/5.0 (Linux; Android 13) Chrome/120.0 Mobile Safari"}
    for ip in ("203.113.1.1", "203.113.1.2"):
        response = client.get(url, REMOTE_ADDR=ip, **browser)
        assert "no-store" in response["Cache-Control"] and "ETag" not in response
    assert Article.objects.get(pk=article.pk).read_count == 2  # each request reached the view


# --- staff ---------------------------------------------------------------------------------


def test_staff_never_get_a_cached_page(client, editor):
    article = ArticleFactory(title="Tiêu đề cũ")
    client.get(article.get_absolute_url())  # a reader fills the cache
    Article.objects.filter(pk=article.pk).update(title="Tiêu đề mới")  # no save(): no bump
    assert "Tiêu đề cũ" in text(client.get(article.get_absolute_url()))  # readers: cached
    client.force_login(editor)
    response = client.get(article.get_absolute_url())
    assert "Tiêu đề mới" in text(response)
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    assert "ETag" not in response


def test_staff_never_make_a_cached_page(client, editor):
    draft = ArticleFactory(title="Bản nháp chỉ biên tập viên thấy", draft=True)
    client.force_login(editor)
    assert "Bản nháp" in text(client.get(draft.get_absolute_url()))  # a preview
    assert client.get(HOME).status_code == 200  # the home page, made for staff
    client.logout()
    assert client.get(draft.get_absolute_url()).status_code == 404
    _, count = queries_of(client, HOME)
    assert count > 0  # nothing was stored by the staff member's visits


def test_a_page_holding_a_csrf_token_is_never_stored():
    runs = []

    @cache_for_readers
    def form_page(request):
        runs.append(1)
        return HttpResponse(f"<form><input name=csrfmiddlewaretoken value={get_token(request)}>")

    for _ in range(2):
        request = RequestFactory().get("/lien-he/")
        request.user = AnonymousUser()
        assert form_page(request).status_code == 200
    assert len(runs) == 2


# --- every change shows at once --------------------------------------------------------------


def test_a_publish_shows_at_once(client):
    draft = ArticleFactory(title="Tin vừa đăng", draft=True)
    category = draft.category.get_absolute_url()
    assert "Tin vừa đăng" not in text(client.get(HOME))
    assert "Tin vừa đăng" not in text(client.get(category))
    draft.status = Article.Status.PUBLISHED
    draft.save()
    assert "Tin vừa đăng" in text(client.get(HOME))
    assert "Tin vừa đăng" in text(client.get(category))
    assert client.get(draft.get_absolute_url()).status_code == 200


def test_an_edit_shows_at_once_on_every_page_that_shows_it(client):
    article = ArticleFactory(title="Tiêu đề trước khi sửa", body="<p>Nội dung cũ</p>")
    pages = [HOME, article.get_absolute_url(), article.category.get_absolute_url(), "/rss/"]
    for url in pages:
        assert "Tiêu đề trước khi sửa" in text(client.get(url))
    article.title = "Tiêu đề sau khi sửa"
    article.body = "<p>Nội dung mới</p>"
    article.save()
    for url in pages:
        page = text(client.get(url))
        assert "Tiêu đề sau khi sửa" in page and "Tiêu đề trước khi sửa" not in page
    assert "Nội dung mới" in text(client.get(article.get_absolute_url()))


def test_a_withdrawal_shows_at_once(client):
    article = ArticleFactory(title="Tin sẽ gỡ xuống")
    assert client.get(article.get_absolute_url()).status_code == 200
    assert "Tin sẽ gỡ xuống" in text(client.get(HOME))
    article.status = Article.Status.DRAFT
    article.save()
    assert client.get(article.get_absolute_url()).status_code == 404
    assert "Tin sẽ gỡ xuống" not in text(client.get(HOME))


def test_a_deletion_shows_at_once(client):
    article = ArticleFactory(title="Tin sẽ bị xoá")
    url = article.get_absolute_url()
    assert client.get(url).status_code == 200 and "Tin sẽ bị xoá" in text(client.get(HOME))
    article.delete()
    assert client.get(url).status_code == 404
    assert "Tin sẽ bị xoá" not in text(client.get(HOME))


@pytest.mark.parametrize("action", ["withdraw_selected", "trash_selected"])
def test_a_withdrawal_or_trashing_in_the_admin_shows_at_once(client, admin_user, action):
    article = ArticleFactory(title="Tin gỡ trong trang quản trị")
    assert "Tin gỡ trong trang quản trị" in text(client.get(HOME))
    client.force_login(admin_user)
    response = client.post(
        reverse("admin:news_article_changelist"),
        {"action": action, "_selected_action": [article.pk]},
    )
    assert response.status_code == 302
    client.logout()
    assert "Tin gỡ trong trang quản trị" not in text(client.get(HOME))
    assert client.get(article.get_absolute_url()).status_code == 404


def test_tags_gallery_pictures_and_related_articles_show_at_once(client):
    article = ArticleFactory()
    other = ArticleFactory(title="Bài liên quan do biên tập chọn", category=CategoryFactory())
    url = article.get_absolute_url()
    page = text(client.get(url))
    assert "Đoàn viên xung kích" not in page and "Ảnh mới thêm" not in page
    article.tags.add(TagFactory(name="Đoàn viên xung kích"))
    assert "Đoàn viên xung kích" in text(client.get(url))
    ArticleImageFactory(article=article, caption="Ảnh mới thêm")
    assert "Ảnh mới thêm" in text(client.get(url))
    ArticleImage.objects.get(caption="Ảnh mới thêm").delete()
    assert "Ảnh mới thêm" not in text(client.get(url))
    article.related_articles.add(other)
    assert "Bài liên quan do biên tập chọn" in text(client.get(url))


def test_a_scheduled_article_appears_when_its_time_comes(client, clock):
    ArticleFactory(title="Tin đã đăng")
    when = timezone.now() + datetime.timedelta(minutes=10)
    scheduled = ArticleFactory(title="Tin hẹn giờ đăng", published_at=when)
    url = scheduled.get_absolute_url()
    assert "Tin hẹn giờ đăng" not in text(client.get(HOME))
    assert client.get(url).status_code == 404
    clock(minutes=9, seconds=59)
    _, count = queries_of(client, HOME)
    assert count == 0  # still cached, one second before
    assert "Tin hẹn giờ đăng" not in text(client.get(HOME))  # invisible one second before
    assert client.get(url).status_code == 404
    assert not Article.objects.published().filter(pk=scheduled.pk).exists()
    clock(seconds=2)
    assert "Tin hẹn giờ đăng" in text(client.get(HOME))  # nothing was saved meanwhile
    assert client.get(url).status_code == 200  # visible one second after
    assert Article.objects.published().filter(pk=scheduled.pk).exists()


def test_pages_made_before_midnight_are_not_served_after_it(client, clock):
    ArticleFactory()
    client.get(HOME)
    clock(hours=11, minutes=59)
    _, count = queries_of(client, HOME)
    assert count == 0
    clock(minutes=2)
    _, count = queries_of(client, HOME)
    assert count > 0  # sponsorships start and end by date; "most read" counts days


def test_a_sponsor_change_shows_at_once(client):
    sponsor = SponsorFactory(name="Nhà tài trợ cũ", placement=Sponsor.Placement.SIDEBAR)
    assert "Nhà tài trợ cũ" in text(client.get(HOME))
    sponsor.name = "Nhà tài trợ mới"
    sponsor.save()
    page = text(client.get(HOME))
    assert "Nhà tài trợ mới" in page and "Nhà tài trợ cũ" not in page
    sponsor.delete()
    assert "Nhà tài trợ mới" not in text(client.get(HOME))


def test_a_sponsor_saved_in_the_admin_bumps_the_version_once(client, admin_user, monkeypatch):
    from portal import caching

    sponsor = SponsorFactory()
    bumps = []
    monkeypatch.setattr(caching, "_write_version", lambda: bumps.append(1))
    sponsor.name = "Đổi tên"
    sponsor.save()
    assert bumps == [1]  # logo renditions are made before the row is written, not after


def test_a_partner_link_change_shows_at_once(client):
    link = PartnerLinkFactory(name="Website đối tác cũ")
    assert "Website đối tác cũ" in text(client.get(HOME))
    link.name = "Website đối tác mới"
    link.save()
    assert "Website đối tác mới" in text(client.get(HOME))
    PartnerLink.objects.all().delete()
    assert "Website đối tác mới" not in text(client.get(HOME))


def test_a_change_to_the_sites_identity_shows_at_once(client):
    identity = SiteIdentity.load()
    identity.site_name = "Tỉnh đoàn Cũ"
    identity.save()
    article = ArticleFactory()
    for url in (HOME, article.get_absolute_url(), "/rss/"):
        assert "Tỉnh đoàn Cũ" in text(client.get(url))
    identity.site_name = "Tỉnh đoàn Mới"
    identity.save()
    for url in (HOME, article.get_absolute_url(), "/rss/"):
        page = text(client.get(url))
        assert "Tỉnh đoàn Mới" in page and "Tỉnh đoàn Cũ" not in page


def test_a_change_to_an_organisation_shows_at_once(client):
    organization = OrganizationFactory(name="Huyện đoàn Tên Cũ")
    url = organization.get_absolute_url()
    assert "Huyện đoàn Tên Cũ" in text(client.get(url))
    organization.name = "Huyện đoàn Tên Mới"
    organization.introduction = "<p>Giới thiệu mới</p>"
    organization.save()
    page = text(client.get(url))
    assert "Huyện đoàn Tên Mới" in page and "Giới thiệu mới" in page
    organization.is_active = False
    organization.save()
    assert client.get(url).status_code == 404


def test_a_change_to_the_menu_shows_at_once(client):
    category = CategoryFactory(name="Chuyên mục cũ", is_in_menu=True)
    ArticleFactory(category=category)
    assert "Chuyên mục cũ" in text(client.get(HOME))
    category.name = "Chuyên mục mới"
    category.save()
    page = text(client.get(HOME))
    assert "Chuyên mục mới" in page and "Chuyên mục cũ" not in page
    CategoryFactory(name="Chuyên mục vừa thêm", is_in_menu=True)
    assert "Chuyên mục vừa thêm" in text(client.get(HOME))


# --- a cache that is down ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "backend",
    [
        # What django-redis with IGNORE_EXCEPTIONS does when Redis is down: every get misses.
        {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
        # Django's own Redis client with nothing listening: every call raises.
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        },
    ],
    ids=["misses", "raises"],
)
def test_pages_answer_when_the_cache_is_down(client, settings, backend):
    settings.CACHES = {"default": backend, "pages": backend}
    settings.SITE_VERSION_FILE = ""  # the version lives in the (missing) cache
    article = ArticleFactory(title="Tin khi bộ đệm hỏng", organization=OrganizationFactory())
    SponsorFactory()
    PartnerLinkFactory()
    assert site_version() is None
    for url in (
        HOME,
        article.get_absolute_url(),
        article.category.get_absolute_url(),
        article.organization.get_absolute_url(),
        "/tim-kiem/?q=tin",
        "/rss/",
    ):
        for _ in range(2):
            response = client.get(url)
            assert response.status_code == 200
            assert "Tin khi bộ đệm hỏng" in text(response)
    article.title = "Tin đã sửa khi bộ đệm hỏng"
    article.save()  # the bump fails quietly
    assert "Tin đã sửa khi bộ đệm hỏng" in text(client.get(HOME))


def test_a_categorys_kept_count_follows_publishes_withdrawals_and_the_clock(client, clock):
    """The count behind a category's pages is kept in the cache (one for all its pages):
    each page number that exists or not says whether it followed."""
    category = CategoryFactory()
    articles = ArticleFactory.create_batch(PAGE_SIZE, category=category)
    second_page = f"{category.get_absolute_url()}?page=2"
    assert client.get(second_page).status_code == 404
    ArticleFactory(category=category)  # a publish: 21 articles, two pages
    assert client.get(second_page).status_code == 200
    articles[0].status = Article.Status.DRAFT  # a withdrawal: one page again
    articles[0].save()
    assert client.get(second_page).status_code == 404
    ArticleFactory(category=category, published_at=timezone.now() + datetime.timedelta(minutes=5))
    assert client.get(second_page).status_code == 404  # scheduled: not yet
    clock(minutes=5, seconds=1)
    assert client.get(second_page).status_code == 200  # its time came, with no save
