"""The cache of the photo albums: what makes cached pages old when an album or a photo changes.

The album list, an album and a photo's page are whole pages for readers (portal/caching.py).
Saving or deleting an album or a photo bumps the site version through the receivers connected
in GalleriesConfig.ready(); an album scheduled for later needs no save when its time comes,
because no page is kept past it (``next_scheduled_album()``, registered with the page cache).
"""

from portal.caching import bump_on_change, next_scheduled, register_next_change


def next_scheduled_album():
    """When the next scheduled album goes live (None: none is scheduled)."""
    from .models import Album

    return next_scheduled("galleries:next-scheduled", Album.objects.filter(is_published=True))


def connect():
    from .models import Album, Photo

    bump_on_change(Album, Photo)
    register_next_change(next_scheduled_album)
