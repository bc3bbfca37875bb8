"""Which files under MEDIA_ROOT a row still uses, and which are left over (clean_media).

A file is in use when a file or image field of any model names it, when the text of any row
links to it through MEDIA_URL (pictures in an article's body, documents linked from a page),
or when it is a copy (portal/renditions.py: srcset sizes, the sharing crop) of a file in
use. Everything else was left by an upload nobody saved, a replaced picture or a deleted row.
"""

import os
import re
import time
from html import unescape
from pathlib import Path
from urllib.parse import unquote

from django.apps import apps
from django.conf import settings
from django.db import models

from .renditions import WIDTHS, rendition_name, social_name
from .storage import media_url_prefixes


def _linked_names(text, pattern):
    for match in pattern.finditer(unescape(text)):
        yield unquote(match.group(1))


def media_names_in_use():
    """The storage names of every file some row uses, renditions included."""
    names = set()
    for model in apps.get_models():
        manager = model._base_manager
        for field in model._meta.concrete_fields:
            if isinstance(field, models.FileField):
                values = manager.exclude(**{field.attname: ""}).values_list(field.attname)
                names.update(name for (name,) in values.iterator() if name)
            elif isinstance(field, models.TextField):
                # Bodies link to the local MEDIA_URL or, with S3 storage, to the bucket.
                for media_url in media_url_prefixes():
                    pattern = re.compile(re.escape(media_url) + r"""([^"'\s<>?#]+)""")
                    rows = manager.filter(**{f"{field.attname}__contains": media_url})
                    for (text,) in rows.values_list(field.attname).iterator():
                        names.update(_linked_names(text or "", pattern))
    copies = [rendition_name(name, width) for name in names for width in WIDTHS]
    copies += [social_name(name) for name in names]  # the 1200×630 crop for sharing
    names.update(copies)
    return names


def media_orphans(*, older_than_seconds):
    """``(kept_recent, orphans)``: files under MEDIA_ROOT no row uses, as (name, path, size).

    Files younger than ``older_than_seconds`` are only counted: a picture uploaded into an
    article that is still being written is used by no row yet.
    """
    root = Path(str(settings.MEDIA_ROOT))
    in_use = media_names_in_use()
    newest_allowed = time.time() - older_than_seconds
    orphans, recent = [], 0
    for folder, _dirs, files in os.walk(root):
        for filename in files:
            path = Path(folder) / filename
            name = path.relative_to(root).as_posix()
            if name in in_use:
                continue
            stat = path.stat()
            if stat.st_mtime > newest_allowed:
                recent += 1
            else:
                orphans.append((name, path, stat.st_size))
    return recent, sorted(orphans)
