"""The cached "upcoming events" box of the sidebar: one query when missing, none otherwise.

Saving or deleting an event empties it; the timeout lets an event that has ended drop out
without any save.
"""

import logging

from django.core.cache import cache
from django.utils import timezone

logger = logging.getLogger(__name__)

UPCOMING_KEY = "events:upcoming"
UPCOMING_TIMEOUT = 5 * 60
UPCOMING_COUNT = 5


def upcoming_items():
    """What the box shows: plain dicts, cheap to cache."""
    try:
        items = cache.get(UPCOMING_KEY)
    except Exception:  # a cache that is down must not take the page with it
        logger.warning("Cache unavailable for the upcoming events", exc_info=True)
        items = None
    if items is None:
        from .models import Event

        items = [
            {
                "title": event.title,
                "url": event.get_absolute_url(),
                "start_at": event.start_at,
                "place": event.place,
            }
            for event in Event.objects.published().upcoming(timezone.now())[:UPCOMING_COUNT]
        ]
        try:
            cache.set(UPCOMING_KEY, items, UPCOMING_TIMEOUT)
        except Exception:
            pass
    return items


def forget_upcoming():
    try:
        cache.delete(UPCOMING_KEY)
    except Exception:
        logger.warning("Cache unavailable: the upcoming events box may be stale", exc_info=True)


def on_event_change(sender, **kwargs):
    forget_upcoming()
