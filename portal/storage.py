"""Django's file storage, without the half-written file that a full disk leaves behind.

FileSystemStorage writes an upload chunk by chunk into a file it has just created; when a
write fails (ENOSPC, a quota, an I/O error) it closes the file and raises, leaving a
truncated or empty file, and the folders it made, in the media folder. A truncated image
looks stored and is broken for every reader. Here a failed save removes what it created:
an upload is stored whole or not at all.
"""

import os
from urllib.parse import unquote

from django.conf import settings
from django.core.files import storage
from django.core.files.storage import default_storage


class FileSystemStorage(storage.FileSystemStorage):
    def _save(self, name, content):
        path = self.path(name)
        existed = os.path.lexists(path)  # save() picked a free name; never remove another's file
        new_folders = []
        folder = os.path.dirname(path)
        while folder and not os.path.isdir(folder):
            new_folders.append(folder)
            folder = os.path.dirname(folder)
        try:
            return super()._save(name, content)
        except OSError:
            if not existed:
                try:
                    os.remove(path)
                except FileNotFoundError:
                    pass
            for folder in new_folders:  # innermost first; stop at one something else uses
                try:
                    os.rmdir(folder)
                except OSError:
                    break
            raise


def media_url_prefixes():
    """The beginnings of our own media files' addresses: MEDIA_URL and, when media lives in
    object storage (S3), the bucket's or its custom domain's address."""
    prefixes = [settings.MEDIA_URL]
    probe = "_"
    url = default_storage.url(probe)
    if url.endswith(probe) and url[: -len(probe)] not in prefixes:
        prefixes.append(url[: -len(probe)])
    return prefixes


def stored_media_name(url):
    """The storage name of the media file at ``url`` when it is one of ours, else None."""
    for prefix in media_url_prefixes():
        if url.startswith(prefix) and len(url) > len(prefix):
            return unquote(url[len(prefix) :].split("?", 1)[0])
    return None
