from django import template
from django.urls import reverse

from news.caching import most_read_windows

register = template.Library()


@register.inclusion_tag("news/includes/read_counter.html")
def read_counter(article):
    """The markup that counts a read of ``article``: a script's POST, or an image without JS."""
    return {"url": reverse("news:article_read", kwargs={"pk": article.pk})}


@register.inclusion_tag("news/includes/most_read.html")
def most_read_block(limit=10):
    windows = most_read_windows(limit)
    return {"windows": windows if any(w["articles"] for w in windows) else []}
