from django import template
from django.conf import settings
from django.core.cache import cache
from django.urls import reverse

from news.models import Article, cached_article_lists_generation

register = template.Library()


@register.inclusion_tag("news/includes/read_counter.html")
def read_counter(article):
    """The markup that counts a read of ``article``: a script's POST, or an image without JS."""
    return {"url": reverse("news:article_read", kwargs={"pk": article.pk})}


def most_read_articles(limit=10):
    """The "most read" box's articles, kept in the cache: the box is on every page."""
    generation = cached_article_lists_generation()
    key = f"reads:most-read:{generation}:{settings.READS_MOST_READ_DAYS}:{limit}"
    try:
        articles = cache.get(key)
    except Exception:  # a cache that is down must not take the page with it
        articles = None
    if articles is None:
        articles = list(Article.objects.published().for_listing().most_read()[:limit])
        try:
            cache.set(key, articles, settings.READS_MOST_READ_CACHE_SECONDS)
        except Exception:
            pass
    return articles


@register.inclusion_tag("includes/most_read.html")
def most_read_block(limit=10):
    return {"articles": most_read_articles(limit)}
