import pytest
from django.contrib.sites.models import Site
from django.core.cache import caches

from tests.factories import ArticleFactory, CategoryFactory

pytestmark = pytest.mark.django_db


def test_rss_lists_published_articles_only(client):
    ArticleFactory(title="Tin đã đăng")
    ArticleFactory(title="Tin nháp", draft=True)
    ArticleFactory(title="Tin hẹn giờ", scheduled=True)
    body = client.get("/rss/").content.decode()
    assert "<rss" in body and "Tin đã đăng" in body
    assert "Tin nháp" not in body and "Tin hẹn giờ" not in body


def test_category_rss_includes_sub_categories_and_404s_for_unknown(client):
    parent = CategoryFactory()
    ArticleFactory(title="Tin mục con", category=CategoryFactory(parent=parent))
    ArticleFactory(title="Tin mục khác")
    body = client.get(f"/chuyen-muc/{parent.slug}/rss/").content.decode()
    assert "Tin mục con" in body and "Tin mục khác" not in body
    assert client.get("/chuyen-muc/khong-co/rss/").status_code == 404


def clear_caches():
    for each in caches.all(initialized_only=True):
        each.clear()


def test_rss_query_count_does_not_grow(client, django_assert_max_num_queries):
    ArticleFactory.create_batch(5)
    Site.objects.get_current()  # the Site (its domain) is read once per process and kept
    clear_caches()  # the feed is page-cached: measure a feed that is drawn
    with django_assert_max_num_queries(7) as small:  # 5 of them: the next scheduled moments
        client.get("/rss/")
    assert len(small.captured_queries) > 0
    ArticleFactory.create_batch(25)
    clear_caches()
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get("/rss/")


def test_sitemap_lists_published_articles_and_categories(client):
    article = ArticleFactory()
    draft = ArticleFactory(draft=True)
    body = client.get("/sitemap-articles.xml").content.decode()
    assert article.get_absolute_url() in body
    assert draft.get_absolute_url() not in body
    assert (
        article.category.get_absolute_url()
        in client.get("/sitemap-categories.xml").content.decode()
    )


def test_robots_points_at_the_sitemap_and_keeps_the_admin_prefix_secret(client):
    body = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body
    assert "/admin/" not in body  # tests/security/test_headers.py tries a secret prefix
