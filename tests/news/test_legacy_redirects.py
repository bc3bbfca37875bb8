"""Every old link keeps working: the old PHP site's, WordPress's, and administrators' own."""

import datetime

import pytest
from django.conf import settings
from django.contrib.redirects.models import Redirect
from django.utils import timezone

from tests.factories import ArticleFactory, CategoryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def post():
    when = timezone.make_aware(datetime.datetime(2020, 3, 15, 20, 0))
    return ArticleFactory(
        wordpress_id=21, wordpress_slug="hoi-trai-tong-ket", published_at=when, legacy_id=4410
    )


def assert_moved_to(response, article):
    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url()


@pytest.mark.parametrize(
    "url",
    [
        "/?p=21",
        "/2020/03/15/hoi-trai-tong-ket/",
        "/2020/03/hoi-trai-tong-ket/",
        "/hoi-trai-tong-ket/",
        "/2020/03/15/hoi-trai-tong-ket",  # WordPress answered without the slash too
        "/hoi-trai-tong-ket",
        "/news.php?id=4410",
    ],
)
def test_every_old_address_answers_301_with_the_article(client, post, url):
    assert_moved_to(client.get(url), post)


def test_head_requests_are_redirected_too(client, post):
    assert_moved_to(client.head("/2020/03/15/hoi-trai-tong-ket/"), post)


def test_the_date_in_the_address_picks_between_two_posts_with_one_slug(client):
    older = ArticleFactory(
        wordpress_id=1,
        wordpress_slug="dai-hoi",
        published_at=timezone.make_aware(datetime.datetime(2017, 5, 2, 9, 0)),
    )
    newer = ArticleFactory(
        wordpress_id=2,
        wordpress_slug="dai-hoi",
        published_at=timezone.make_aware(datetime.datetime(2022, 5, 2, 9, 0)),
    )
    assert_moved_to(client.get("/2017/05/02/dai-hoi/"), older)
    assert_moved_to(client.get("/2022/05/dai-hoi/"), newer)


@pytest.mark.parametrize("url", ["/?p=999", "/?p=abc", "/?p=", "/khong-co/", "/2020/03/15/khong/"])
def test_unknown_old_addresses_are_404(client, post, url):
    assert client.get(url).status_code == 404


def test_drafts_are_not_reachable_by_old_addresses(client):
    ArticleFactory(wordpress_id=30, wordpress_slug="ban-nhap", draft=True)
    assert client.get("/?p=30").status_code == 404
    assert client.get("/ban-nhap/").status_code == 404


def test_old_addresses_never_shadow_our_own(client):
    category = CategoryFactory(slug="tin-tuc-moi")
    ArticleFactory(wordpress_id=5, wordpress_slug="tim-kiem")
    ArticleFactory(wordpress_id=6, wordpress_slug="rss")
    assert client.get("/tim-kiem/", {"q": "đoàn"}).status_code == 200
    assert client.get("/rss/").status_code == 200
    assert client.get(category.get_absolute_url()).status_code == 200
    assert client.get("/").status_code == 200  # the home page without ?p=


def test_administrators_manage_any_other_redirect(admin_client, client):
    response = admin_client.post(
        "/admin/redirects/redirect/add/",
        {
            "site": settings.SITE_ID,
            "old_path": "/gioi-thieu.html",
            "new_path": "/trang/gioi-thieu/",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Redirect.objects.filter(old_path="/gioi-thieu.html").exists()
    response = client.get("/gioi-thieu.html")
    assert response.status_code == 301 and response["Location"] == "/trang/gioi-thieu/"
