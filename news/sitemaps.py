"""The news sitemaps: every published article, Google News' last two days, the category,
organisation and tag pages (portal/sitemaps.py lists them with the other apps' in the index).

Each sitemap file holds at most 50,000 addresses (the protocol's limit); the index lists as many
article pages as there are articles. Every page costs a fixed number of queries (a count and
one slice in id order, or one aggregate), whatever the size of the archive. Answers are cached
and refreshed when anything pages show is saved or deleted (the site version,
portal/caching.py) and when the next scheduled article comes out.
"""

import datetime

from django.contrib.sitemaps import Sitemap
from django.contrib.sites.shortcuts import get_current_site
from django.core.paginator import InvalidPage, Paginator
from django.db.models import Max, Q
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from organizations.models import Organization

from .models import Article, Category, Tag

MAX_URLS = 50_000
NEWS_DAYS = 2
NEWS_MAX_URLS = 1_000  # Google News reads at most this many from one file


def _latest(queryset, field="updated_at"):
    return queryset.aggregate(latest=Max(field))["latest"]


class ArticleSitemap(Sitemap):
    changefreq = "weekly"
    limit = MAX_URLS

    def items(self):
        # In id order: a page's content stays put as new articles arrive.
        return Article.objects.published().order_by("id").only("id", "slug", "updated_at")

    def lastmod(self, item):
        return item.updated_at

    def get_latest_lastmod(self):
        return _latest(Article.objects.published())


class NewsSitemap(Sitemap):
    """Articles of the last two days with Google News' <news:news> (sitemaps/news.xml)."""

    limit = NEWS_MAX_URLS
    template_name = "sitemaps/news.xml"

    def items(self):
        since = timezone.now() - datetime.timedelta(days=NEWS_DAYS)
        return (
            Article.objects.published()
            .filter(published_at__gte=since)
            .order_by("-published_at", "-id")
            .only("id", "slug", "title", "published_at", "updated_at")[:NEWS_MAX_URLS]
        )

    def lastmod(self, item):
        return item.updated_at

    def get_latest_lastmod(self):
        since = timezone.now() - datetime.timedelta(days=NEWS_DAYS)
        return _latest(Article.objects.published().filter(published_at__gte=since))


def _published_articles(prefix=""):
    """A filter on a related article being published (for an aggregate over it)."""
    now = timezone.now()
    return Q(**{f"{prefix}status": Article.Status.PUBLISHED, f"{prefix}published_at__lte": now})


class CategorySitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        return Category.objects.order_by("id")

    def lastmod(self, item):
        return item.updated_at


class OrganizationSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return (
            Organization.objects.active()
            .annotate(
                news_lastmod=Max("articles__updated_at", filter=_published_articles("articles__"))
            )
            .order_by("id")
            .only("id", "slug", "updated_at")
        )

    def lastmod(self, item):
        return max(filter(None, [item.updated_at, item.news_lastmod]))


class TagSitemap(Sitemap):
    """Tags that have published articles; a tag page changes when one of them does."""

    changefreq = "weekly"

    def items(self):
        return (
            Tag.objects.annotate(
                lastmod=Max("articles__updated_at", filter=_published_articles("articles__"))
            )
            .filter(lastmod__isnull=False)
            .order_by("id")
            .only("id", "slug")
        )

    def lastmod(self, item):
        return item.lastmod


def article_urlset(request):
    """The articles sitemap page, written directly: Django's sitemap template takes seconds
    for 50,000 addresses, this a small fraction of it (same XML, same pages)."""
    sitemap = ArticleSitemap()
    # The same pages as the index counts (same query, same order), as plain tuples: model
    # instances cost more than the rest of the page together.
    rows = sitemap.items().values_list("id", "slug", "updated_at")
    try:
        articles = Paginator(rows, sitemap.limit).page(request.GET.get("p", 1)).object_list
    except InvalidPage as error:
        raise Http404 from error
    base = f"{request.scheme}://{get_current_site(request).domain}"
    # reverse() once, not 50,000 times: an article's address is this prefix, "<slug>-<id>/"
    # (tests compare every address with get_absolute_url()).
    prefix = reverse("news:article_detail", kwargs={"slug": "s", "pk": 0}).removesuffix("s-0/")
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
    ]
    for pk, slug, updated_at in articles:
        parts.append(
            f"<url><loc>{escape(f'{base}{prefix}{slug}-{pk}/')}</loc>"
            f"<lastmod>{timezone.localtime(updated_at).date().isoformat()}</lastmod>"
            f"<changefreq>{sitemap.changefreq}</changefreq></url>\n"
        )
    parts.append("</urlset>\n")
    response = HttpResponse("".join(parts), content_type="application/xml")
    response["X-Robots-Tag"] = "noindex, noodp, noarchive"
    return response
