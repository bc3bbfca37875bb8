"""The cache of the events app: the "upcoming events" box of the sidebar (one query when
missing, none otherwise), and what makes cached pages old when events change.

The box is kept under the site version (portal/caching.py): saving or deleting an event bumps
it (receivers connected in apps.py), and an event that ends leaves the box without any save,
because no page is kept past the end of the next event to end (``next_event_end()``,
registered with the page cache).
"""

from django.utils import timezone

from portal.caching import cached, next_scheduled, register_next_change, site_version_bump

UPCOMING_TIMEOUT = 5 * 60
UPCOMING_COUNT = 5


def upcoming_items():
    """What the box shows: plain dicts, cheap to cache."""

    def build():
        from .models import Event

        return [
            {
                "title": event.title,
                "url": event.get_absolute_url(),
                "start_at": event.start_at,
                "place": event.place,
            }
            for event in Event.objects.published().upcoming(timezone.now())[:UPCOMING_COUNT]
        ]

    # Keyed by the next end too: the event that ends leaves the box at that moment.
    next_end = next_event_end()
    key = f"events:upcoming:{next_end.timestamp() if next_end else 'none'}"
    return cached(key, build, UPCOMING_TIMEOUT)


def on_event_change(sender, **kwargs):
    site_version_bump()


def next_event_end():
    """When the next published event ends, and so leaves the box (None: none ahead)."""
    from .models import Event

    return next_scheduled("events:next-end", Event.objects.published(), field="end_at")


def connect():
    register_next_change(next_event_end)
