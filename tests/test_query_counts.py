"""Every public page asks the database the same number of queries with 5 articles as with 50:
no query per article (N+1), and no page whose cost grows with the archive's size.

Each page is rendered once first, as a reader's earlier visit would, so that the site-wide
blocks (identity, sponsors, partner links, most read) are in the cache; then it is drawn again
with the whole-page cache out of the way, and that drawing is counted. The sitemap, cached
whole, is measured with an empty cache.
"""

import datetime

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.utils import timezone

from news.models import Article
from organizations.models import SiteIdentity
from portal.pagination import PAGE_SIZE
from tests.factories import (
    ArticleFactory,
    ArticleImageFactory,
    CategoryFactory,
    OrganizationFactory,
    SourceFactory,
    SponsorFactory,
    TagFactory,
)

pytestmark = pytest.mark.django_db
PAGE_CACHE_SECONDS = django_settings.PAGE_CACHE_SECONDS


class Site:
    """A site with a section and its sub-category, an organisation, tags, and ``n`` articles."""

    def __init__(self):
        SiteIdentity.load()
        SponsorFactory()
        self.section = CategoryFactory(name="Tin tức")
        self.child = CategoryFactory(name="Trong tỉnh", parent=self.section)
        self.other = CategoryFactory(name="Gương sáng")
        self.organization = OrganizationFactory(parent=OrganizationFactory())
        self.tags = [TagFactory(), TagFactory()]
        self.source = SourceFactory()
        self.article = self._article(self.child, hours=0)
        self.count = 1

    def _article(self, category, hours):
        article = ArticleFactory(
            title=f"Thanh niên tình nguyện {hours}",
            body="<p>Đoàn viên thanh niên ra quân.</p>",
            category=category,
            organization=self.organization,
            source=self.source,
            tags=self.tags,
            is_featured=hours % 3 == 0,
            published_at=timezone.now() - datetime.timedelta(hours=hours + 1),
        )
        if hours % 10 == 0:  # pictures and reads on some: the article page and most read show them
            ArticleImageFactory(article=article)
            article.count_read()
        return article

    def grow_to(self, n):
        for hours in range(self.count, n):
            self._article([self.section, self.child, self.other][hours % 3], hours)
        self.count = n
        self.article.related_articles.set(Article.objects.exclude(pk=self.article.pk)[:3])

    def last_page(self):
        count = Article.objects.published().in_category(self.section).count()
        return (count + PAGE_SIZE - 1) // PAGE_SIZE


PAGES = {
    "home": lambda site: ("/", {}),
    "category": lambda site: (site.section.get_absolute_url(), {}),
    "category last page": lambda site: (
        site.section.get_absolute_url(),
        {"page": site.last_page()},
    ),
    "article": lambda site: (site.article.get_absolute_url(), {}),
    "organisation": lambda site: (site.organization.get_absolute_url(), {}),
    "search": lambda site: ("/tim-kiem/", {"q": "thanh niên"}),
    "search, no match": lambda site: ("/tim-kiem/", {"q": "xylophone"}),
    "rss": lambda site: ("/rss/", {}),
    "category rss": lambda site: (f"{site.section.get_absolute_url()}rss/", {}),
    "tag": lambda site: (site.tags[0].get_absolute_url(), {}),
    "sitemap index": lambda site: ("/sitemap.xml", {}),
    "sitemap": lambda site: ("/sitemap-articles.xml", {}),
    "news sitemap": lambda site: ("/sitemap-news.xml", {}),
    "tag sitemap": lambda site: ("/sitemap-tags.xml", {}),
    "organisation sitemap": lambda site: ("/sitemap-organizations.xml", {}),
}
# What each page asks, once the site-wide blocks (the menu, most read, ...) are cached:
PINS = {
    # the ids of the featured, the latest and each section's newest (one statement on
    # PostgreSQL, one per list on SQLite: here 4; the sections are kept in the cache), then
    # every row in one query
    "home": 5,
    # the category, its sub-categories twice (shown as links; for the list), the ids of the
    # page (one indexed run per category, merged), the page's rows; the count is kept in the
    # cache (one count for all the category's pages between two changes)
    "category": 5,
    "category last page": 5,  # the same queries, the runs read oldest first
    # the article, its tags and pictures, related: picks, shared tags, same category
    "article": 6,
    # the organisation, its units, the page's ids, its rows (the count is kept, as above)
    "organisation": 4,
    # the tiers of the search in one statement, the page's rows, matching static pages and
    # documents
    "search": 4,
    "search, no match": 3,  # the tiers, static pages and documents, each found empty
    "rss": 2,  # the site's name, the articles
    "category rss": 5,  # the category, the site's name, its sub-categories, ids, rows
    "tag": 4,  # the tag, the count, the page's ids (a deferred join), its rows
    # Sitemaps are measured with an empty cache, so each also asks the page cache's five next
    # moments (the next scheduled article, document, album and video, the next event's end).
    # per section a count (the number of pages) and a lastmod
    "sitemap index": 25,
    "sitemap": 7,  # the count, one slice of (id, slug, updated_at)
    "news sitemap": 8,  # the same, and the site's name
    "tag sitemap": 7,  # the count, tags with their latest published article
    "organisation sitemap": 7,
}


def queries_of(client, name, site, settings, django_assert_max_num_queries):
    url, params = PAGES[name](site)
    assert client.get(url, params).status_code == 200  # the site-wide blocks are cached
    if "sitemap" in name:
        cache.clear()  # sitemaps are cached whole: measure the making of one
    # The whole-page cache would answer the second visit with no query at all: measure a page
    # that is drawn (the blocks it is made of stay cached, as on a busy site).
    settings.PAGE_CACHE_SECONDS = 0
    with django_assert_max_num_queries(PINS[name]) as captured:
        response = client.get(url, params)
    settings.PAGE_CACHE_SECONDS = PAGE_CACHE_SECONDS
    assert response.status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize("name", PAGES)
def test_page_queries_do_not_grow_with_articles(
    client, name, settings, django_assert_max_num_queries
):
    site = Site()
    site.grow_to(5)
    few = queries_of(client, name, site, settings, django_assert_max_num_queries)
    assert few > 0  # drawn, not answered by the page cache
    site.grow_to(50)
    many = queries_of(client, name, site, settings, django_assert_max_num_queries)
    # Never more with more articles (the sitemap index asks one query less once every
    # section it lists has rows).
    assert many <= few
    if name == "category last page":
        assert site.last_page() > 1
