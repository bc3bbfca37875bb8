"""Smaller copies of uploaded images for ``srcset``, made on first use and kept in storage.

A phone on a slow connection should not download a 2000 px photo to show it 360 px wide.
Each copy is a WebP beside the original's name under ``renditions/``; whether it exists is
remembered in the cache so a page render does not ask the storage (S3) every time.
"""

import io
import logging
import posixpath

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageOps

WIDTHS = (360, 720, 1080)
logger = logging.getLogger(__name__)


def rendition_name(name, width):
    root, _ext = posixpath.splitext(name)
    return f"renditions/{root}.w{width}.webp"


def rendition_url(fieldfile, width):
    """URL of ``fieldfile`` at most ``width`` pixels wide, or None when it cannot be made."""
    name = rendition_name(fieldfile.name, width)
    key = f"rendition:{name}"
    if cache.get(key):
        return default_storage.url(name)
    try:
        if not default_storage.exists(name):
            with fieldfile.storage.open(fieldfile.name, "rb") as original:
                image = ImageOps.exif_transpose(Image.open(original))
                image.thumbnail((width, width * 4))
                if image.mode not in ("RGB", "RGBA"):
                    image = image.convert("RGBA" if "A" in image.getbands() else "RGB")
                out = io.BytesIO()
                image.save(out, "WEBP", quality=72, method=4)
            default_storage.save(name, ContentFile(out.getvalue()))
    except Exception:  # a missing or broken original: the page shows the original instead
        logger.warning("No rendition %s", name, exc_info=True)
        return None
    cache.set(key, True, 60 * 60 * 24)
    return default_storage.url(name)


def srcset(fieldfile, width):
    """``srcset`` value for an image ``width`` pixels wide: its smaller copies and itself."""
    candidates = []
    for size in WIDTHS:
        if size >= width:
            break
        url = rendition_url(fieldfile, size)
        if url:
            candidates.append(f"{url} {size}w")
    candidates.append(f"{fieldfile.url} {width}w")
    return ", ".join(candidates)
