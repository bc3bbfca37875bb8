"""Sitemaps: every published article however many there are, Google News, organisations, tags."""

import datetime
import time
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
from django.db import connection
from django.utils import timezone

from news.models import Article
from organizations.models import SiteIdentity
from tests.factories import (
    ArticleFactory,
    CategoryFactory,
    OrganizationFactory,
    SiteIdentityFactory,
    TagFactory,
)

pytestmark = pytest.mark.django_db

NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "n": "http://www.google.com/schemas/sitemap-news/0.9",
}
HOST = "http://testserver"  # the Site's domain in tests (tests/conftest.py)


def locs(response, tag="s:url"):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    return [element.findtext("s:loc", namespaces=NS) for element in root.findall(tag, NS)]


def path_of(url):
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def insert_published_articles(count, category):
    """``count`` published articles in one INSERT … SELECT: the database makes the rows, so
    60,000 take a second or two (building as many model instances takes far longer)."""
    when = timezone.now() - datetime.timedelta(days=3)
    template = Article(category=category, status=Article.Status.PUBLISHED, published_at=when)
    fields = [
        f
        for f in Article._meta.concrete_fields
        if not f.primary_key and f.name not in ("title", "slug")
    ]
    values = [f.get_db_prep_save(f.pre_save(template, True), connection) for f in fields]
    columns = ", ".join(["title", "slug", *(connection.ops.quote_name(f.column) for f in fields)])
    placeholders = ", ".join(["%s"] * len(fields))
    with connection.cursor() as cursor:
        cursor.execute(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %s) "
            f"INSERT INTO news_article ({columns}) "
            f"SELECT 'Tin ' || i, 'tin-' || i, {placeholders} FROM n",
            [count, *values],
        )


def test_60000_articles_are_all_listed_in_two_pages_of_absolute_urls(
    client, django_assert_max_num_queries
):
    insert_published_articles(60_000, CategoryFactory())
    hidden = [ArticleFactory(draft=True), ArticleFactory(scheduled=True)]
    index = locs(client.get("/sitemap.xml"), "s:sitemap")
    article_pages = [url for url in index if "sitemap-articles" in url]
    assert article_pages == [f"{HOST}/sitemap-articles.xml", f"{HOST}/sitemap-articles.xml?p=2"]
    assert all(url.startswith(f"{HOST}/") for url in index)
    listed = []
    for page in article_pages:
        # the site (once), a count, one slice and the page cache's next scheduled moments,
        # whatever the size
        with django_assert_max_num_queries(5):
            listed += locs(client.get(path_of(page)))
    assert len(listed) == len(set(listed)) == 60_000
    assert all(url.startswith(f"{HOST}/tin-tuc/") for url in listed)
    published = Article.objects.published()
    assert set(listed) == {
        f"{HOST}/tin-tuc/{slug}-{pk}/" for pk, slug in published.values_list("id", "slug")
    }
    for article in published.order_by("?")[:50]:  # the sitemap writes get_absolute_url()'s form
        assert f"{HOST}{article.get_absolute_url()}" in listed
    assert not {f"{HOST}{a.get_absolute_url()}" for a in hidden} & set(listed)
    assert client.get("/sitemap-articles.xml", {"p": "3"}).status_code == 404


def test_the_index_and_its_pages_cost_a_fixed_number_of_queries(
    client, django_assert_max_num_queries
):
    SiteIdentity.load()
    ArticleFactory.create_batch(3, tags=[TagFactory()], organization=OrganizationFactory())
    # The page cache asks each kind of content for its next scheduled moment once (5 queries).
    with django_assert_max_num_queries(26) as few:
        client.get("/sitemap.xml")
    ArticleFactory.create_batch(30, tags=[TagFactory()], organization=OrganizationFactory())
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/sitemap.xml")
    sections = ("articles", "news", "categories", "organizations", "tags")
    for section in sections:  # the site's name (news sitemap) is cached from then on
        client.get(f"/sitemap-{section}.xml")
    ArticleFactory()  # a saved article: every sitemap is made again
    for section in sections:
        # a count, one slice, and the page cache's next moments (the next scheduled article,
        # document, album and video, and the next event's end)
        with django_assert_max_num_queries(7):
            assert client.get(f"/sitemap-{section}.xml").status_code == 200


def test_news_sitemap_has_the_last_two_days_in_google_news_schema(client):
    SiteIdentityFactory(site_name="Tỉnh đoàn Kiên Giang")
    fresh = ArticleFactory(title='Tin "mới" & nóng <b>')
    old = ArticleFactory(published_at=timezone.now() - datetime.timedelta(days=3))
    response = client.get("/sitemap-news.xml")
    root = ET.fromstring(response.content)
    urls = root.findall("s:url", NS)
    assert [u.findtext("s:loc", namespaces=NS) for u in urls] == [
        f"{HOST}{fresh.get_absolute_url()}"
    ]
    news = urls[0].find("n:news", NS)
    assert news.findtext("n:publication/n:name", namespaces=NS) == "Tỉnh đoàn Kiên Giang"
    assert news.findtext("n:publication/n:language", namespaces=NS) == "vi"
    assert news.findtext("n:title", namespaces=NS) == 'Tin "mới" & nóng <b>'
    published = datetime.datetime.fromisoformat(news.findtext("n:publication_date", namespaces=NS))
    assert published == fresh.published_at
    assert old.get_absolute_url() not in response.content.decode()


def test_organisation_and_tag_sitemaps_have_lastmod(client):
    organization, hidden_org = OrganizationFactory(), OrganizationFactory(is_active=False)
    tag, draft_tag = TagFactory(), TagFactory()
    TagFactory()  # a tag without articles
    article = ArticleFactory(organization=organization, tags=[tag])
    ArticleFactory(draft=True, tags=[draft_tag])
    root = ET.fromstring(client.get("/sitemap-organizations.xml").content)
    entries = {
        u.findtext("s:loc", namespaces=NS): u.findtext("s:lastmod", namespaces=NS)
        for u in root.findall("s:url", NS)
    }
    assert f"{HOST}{organization.get_absolute_url()}" in entries
    assert f"{HOST}{hidden_org.get_absolute_url()}" not in entries
    assert all(entries.values())
    root = ET.fromstring(client.get("/sitemap-tags.xml").content)
    entries = {
        u.findtext("s:loc", namespaces=NS): u.findtext("s:lastmod", namespaces=NS)
        for u in root.findall("s:url", NS)
    }
    assert list(entries) == [f"{HOST}/the/{tag.slug}/"]  # tags without published news: absent
    lastmod = datetime.date.fromisoformat(entries[f"{HOST}/the/{tag.slug}/"])
    assert lastmod == timezone.localdate(article.updated_at)


def test_sitemaps_are_refreshed_when_an_article_is_published(client):
    first = ArticleFactory()
    assert len(locs(client.get("/sitemap-articles.xml"))) == 1
    draft = ArticleFactory(draft=True)
    assert len(locs(client.get("/sitemap-articles.xml"))) == 1  # cached now
    draft.status = Article.Status.PUBLISHED
    draft.save()
    assert f"{HOST}{draft.get_absolute_url()}" in locs(client.get("/sitemap-articles.xml"))
    assert f"{HOST}{first.get_absolute_url()}" in locs(client.get("/sitemap-articles.xml"))


def test_sitemaps_are_refreshed_when_a_scheduled_article_comes_out(client):
    ArticleFactory()
    scheduled = ArticleFactory(published_at=timezone.now() + datetime.timedelta(seconds=1))
    assert len(locs(client.get("/sitemap-articles.xml"))) == 1
    time.sleep(max(0, (scheduled.published_at - timezone.now()).total_seconds()) + 0.2)
    assert f"{HOST}{scheduled.get_absolute_url()}" in locs(client.get("/sitemap-articles.xml"))


def test_robots_txt_points_to_every_sitemap(client):
    body = client.get("/robots.txt").content.decode()
    for name in (
        "sitemap",
        "sitemap-articles",
        "sitemap-news",
        "sitemap-categories",
        "sitemap-organizations",
        "sitemap-tags",
    ):
        assert f"Sitemap: http://testserver/{name}.xml\n" in body
