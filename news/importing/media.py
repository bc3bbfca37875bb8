"""Pictures of imported articles: found under --media-dir, checked like an upload, stored once.

Every picture goes through portal.images.image_clean(), the checks and re-encoding of every
upload. A stored copy is named after the SHA-256 of the old file, so a re-run finds the copy it
made the first time instead of storing the picture again.
"""

import hashlib
import html
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.core.files.images import get_image_dimensions
from django.core.files.storage import default_storage
from django.utils.html import escape
from django.utils.translation import gettext as _

from portal.images import image_clean
from portal.renditions import make_copies

STORE_FOLDER = "news/import"


class ImportProblem(Exception):
    """Why one line or item cannot be imported, in words for the person running the import."""


class MediaDir:
    """The old site's files, copied to a folder: pictures are looked up there by path."""

    def __init__(self, root):
        self.root = Path(root).resolve() if root else None
        self._stored = {}

    def find(self, reference):
        """The file that ``reference`` (a path, or an address on the old site) names, or None.

        The longest part of the address's path that exists under the folder wins, so the folder
        may be the old site's root or its uploads folder. Nothing outside it is ever read.
        """
        if self.root is None or not reference:
            return None
        path = unquote(urlsplit(str(reference).strip()).path)
        parts = [part for part in path.replace("\\", "/").split("/") if part]
        if not parts or any(part in (".", "..") for part in parts):
            return None
        for start in range(len(parts)):
            candidate = self.root.joinpath(*parts[start:]).resolve()
            if candidate.is_relative_to(self.root) and candidate.is_file():
                return candidate
        return None

    def store(self, reference):
        """``(name, width, height)`` of the stored copy of the picture ``reference`` names.

        Raises ImportProblem when it is missing or refused by the checks of an upload.
        """
        if self.root is None:
            raise ImportProblem(
                _("picture %(name)s: no --media-dir was given") % {"name": reference}
            )
        path = self.find(reference)
        if path is None:
            raise ImportProblem(
                _("picture %(name)s: not found under %(folder)s")
                % {"name": reference, "folder": self.root}
            )
        if path not in self._stored:
            self._stored[path] = self._store_file(path, reference)
        return self._stored[path]

    def _store_file(self, path, reference):
        with path.open("rb") as handle:
            upload = File(handle, name=path.name)
            try:
                if path.stat().st_size > settings.IMAGE_MAX_UPLOAD_BYTES:
                    image_clean(upload)  # refuses it with the upload's own message
                digest = hashlib.sha256(handle.read()).hexdigest()
                content = image_clean(upload)
            except ValidationError as error:
                raise ImportProblem(
                    _("picture %(name)s: %(reason)s")
                    % {"name": reference, "reason": " ".join(error.messages)}
                ) from error
        extension = posixpath.splitext(content.name)[1]
        name = f"{STORE_FOLDER}/{digest[:2]}/{digest[:32]}{extension}"
        if not default_storage.exists(name):
            name = default_storage.save(name, content)
        # The srcset copies and the 1200×630 sharing crop, as for an upload (stored pictures
        # assigned by name are not new to SafeImageField, which makes them for uploads).
        make_copies(name)
        width, height = get_image_dimensions(content)
        return name, width, height

    def rewrite_body(self, body):
        """``(body, warnings)``: each <img> of a clean body that is found under the folder now
        shows our stored copy (with its size); a picture that is missing or refused is left out
        when its address was relative (it would be broken here) and kept when it was absolute."""
        warnings = []

        def replace(match):
            tag = match.group(0)
            src = html.unescape(_attribute(tag, "src"))
            try:
                name, width, height = self.store(src)
            except ImportProblem as problem:
                if urlsplit(src).scheme in ("http", "https"):
                    warnings.append(
                        _("%(problem)s; the old address is kept") % {"problem": problem}
                    )
                    return tag
                warnings.append(_("%(problem)s; left out") % {"problem": problem})
                return ""
            alt = _attribute(tag, "alt")
            return (
                f'<img src="{escape(default_storage.url(name))}" alt="{alt}" '
                f'width="{width}" height="{height}">'
            )

        return _IMG.sub(replace, body), warnings


_IMG = re.compile(r"<img\b[^>]*>")


def _attribute(tag, name):
    # The body has been through the sanitiser: attributes are double-quoted and escaped.
    match = re.search(rf'\s{name}="([^"]*)"', tag)
    return match.group(1) if match else ""
