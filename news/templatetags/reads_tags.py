from django import template
from django.conf import settings
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from news.models import Article, cached_article_lists_generation

register = template.Library()


@register.inclusion_tag("news/includes/read_counter.html")
def read_counter(article):
    """The markup that counts a read of ``article``: a script's POST, or an image without JS."""
    return {"url": reverse("news:article_read", kwargs={"pk": article.pk})}


# The most-read box's tabs: today, this ISO week (Monday to Sunday), this calendar month.
MOST_READ_WINDOWS = [("day", _("Today")), ("week", _("This week")), ("month", _("This month"))]


def most_read_windows(limit=10):
    """The most-read box's three lists, kept in the cache: the box is on every page.

    The key holds the date, so "today" (and a new week or month) starts afresh at midnight,
    and the article lists' generation, so an editor's change (a title, a withdrawal) shows at
    once.
    """
    today = timezone.localdate()
    generation = cached_article_lists_generation()
    key = f"reads:most-read-windows:{generation}:{today.isoformat()}:{limit}"
    try:
        windows = cache.get(key)
    except Exception:  # a cache that is down must not take the page with it
        windows = None
    if windows is None:
        published = Article.objects.published().for_listing()
        windows = [
            {
                "key": name,
                "label": label,
                "articles": published.most_read_in(name, limit, day=today),
            }
            for name, label in MOST_READ_WINDOWS
        ]
        try:
            cache.set(key, windows, settings.READS_MOST_READ_CACHE_SECONDS)
        except Exception:
            pass
    return windows


@register.inclusion_tag("includes/most_read.html")
def most_read_block(limit=10):
    windows = most_read_windows(limit)
    return {"windows": windows if any(w["articles"] for w in windows) else []}
