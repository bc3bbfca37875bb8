"""The cache of the media library: what makes cached pages old when a picture changes.

Nothing of the library is cached by itself, but pages show its pictures as article covers, with
their focal point copied onto the articles by an SQL update (no signal of the articles'). So a
picture's save or deletion bumps the site version (portal/caching.py), through the receivers
connected in LibraryConfig.ready().
"""

from portal.caching import bump_on_change


def connect():
    from .models import Picture

    bump_on_change(Picture)
