from django import template
from django.utils import timezone

from events import caching
from news.templatetags.news_tags import _weekday

register = template.Library()


@register.filter
def vi_weekday(value):
    """ "Thứ Hai" for a date or a time (in the site's time zone)."""
    if hasattr(value, "hour"):
        value = timezone.localtime(value)
    return _weekday(value)


@register.inclusion_tag("events/includes/upcoming.html")
def upcoming_events_block():
    return {"events": caching.upcoming_items()}
