"""Django's file storage, without the half-written file that a full disk leaves behind.

FileSystemStorage writes an upload chunk by chunk into a file it has just created; when a
write fails (ENOSPC, a quota, an I/O error) it closes the file and raises, leaving a
truncated or empty file, and the folders it made, in the media folder. A truncated image
looks stored and is broken for every reader. Here a failed save removes what it created:
an upload is stored whole or not at all.
"""

import os

from django.core.files import storage


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
