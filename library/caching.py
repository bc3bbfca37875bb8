"""The cache of the media library: what makes cached pages old when a picture changes.

Nothing of the library is cached by itself, but pages show its pictures as article covers, with
their focal point copied onto the articles by an SQL update (no signal of the articles'). So a
picture's save or deletion bumps the site version (portal/caching.py), through the receivers
connected in LibraryConfig.ready().
"""

from django.db.models.signals import post_delete, post_save

from portal.caching import site_version_bump


def changed(sender, **kwargs):
    site_version_bump()


def connect():
    from .models import Picture

    post_save.connect(changed, sender=Picture, dispatch_uid="library.caching:Picture:save")
    post_delete.connect(changed, sender=Picture, dispatch_uid="library.caching:Picture:delete")
