from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe

from news.caching import most_read_windows
from portal.caching import cached

register = template.Library()


@register.inclusion_tag("news/includes/read_counter.html")
def read_counter(article):
    """The markup that counts a read of ``article``: a script's POST, or an image without JS."""
    return {"url": reverse("news:article_read", kwargs={"pk": article.pk})}


@register.inclusion_tag("news/includes/most_read.html")
def most_read_block(limit=10):
    windows = most_read_windows(limit)
    return {"windows": windows if any(w["articles"] for w in windows) else []}


@register.simple_tag
def sidebar():
    """The sidebar (most read, upcoming events, sponsors, partner links) as one cached fragment.

    Drawn once and kept as HTML under the site version, so a page costs one cache read for it
    instead of one per block and the drawing of some forty links. Keyed by the date (sponsors
    and "most read" change at midnight) and by the next event's end (the event then leaves
    it); kept no longer than "most read" is (READS_MOST_READ_CACHE_SECONDS).
    """
    from events.caching import UPCOMING_TIMEOUT, next_event_end

    next_end = next_event_end()
    key = f"news:sidebar:{timezone.localdate().isoformat()}:"
    key += f"{next_end.timestamp() if next_end else 'none'}"
    timeout = min(settings.READS_MOST_READ_CACHE_SECONDS, UPCOMING_TIMEOUT)
    html = cached(key, lambda: render_to_string("includes/sidebar.html"), timeout)
    return mark_safe(html)  # our own template's output, escaped when it was drawn
