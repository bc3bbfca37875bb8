"""The cache of the videos: what makes cached pages old when a video changes.

The video list and a video's page are whole pages for readers (portal/caching.py). Saving or
deleting a video bumps the site version through the receivers connected in
VideosConfig.ready(); a video scheduled for later needs no save when its time comes, because no
page is kept past it (``next_scheduled_video()``, registered with the page cache).
"""

from portal.caching import bump_on_change, next_scheduled, register_next_change


def next_scheduled_video():
    """When the next scheduled video goes live (None: none is scheduled)."""
    from .models import Video

    return next_scheduled("videos:next-scheduled", Video.objects.filter(is_published=True))


def connect():
    from .models import Video

    bump_on_change(Video)
    register_next_change(next_scheduled_video)
