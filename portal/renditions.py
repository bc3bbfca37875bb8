"""Smaller copies of uploaded images for ``srcset``, made on first use and kept in storage.

A phone on a slow connection should not download a 2000 px photo to show it 360 px wide.
Each copy is a WebP beside the original's name under ``renditions/``; whether it exists is
remembered in the cache so a page render does not ask the storage (S3) every time.
"""

import io
import logging
import posixpath
import re
from html import unescape
from types import SimpleNamespace

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.html import escape
from PIL import Image, ImageOps

WIDTHS = (360, 720, 1080)
logger = logging.getLogger(__name__)


def rendition_name(name, width):
    root, _ext = posixpath.splitext(name)
    return f"renditions/{root}.w{width}.webp"


# An original that cannot be read (its file deleted, or broken) is remembered for this long:
# a page with many such pictures neither asks the storage again nor writes a log line for
# each of them on every view, and a file put back is picked up once the mark expires.
UNREADABLE_SECONDS = 60 * 60


def _unreadable_key(name):
    return f"rendition:unreadable:{name}"


def _made(fieldfile, name, make):
    """URL of the copy ``name`` of ``fieldfile``, made by ``make(image)`` (bytes) when it does
    not exist yet; None when the original cannot be read (remembered for a while)."""
    key = f"rendition:{name}"
    if cache.get(key):
        return default_storage.url(name)
    try:
        if not default_storage.exists(name):
            with fieldfile.storage.open(fieldfile.name, "rb") as original:
                data = make(ImageOps.exif_transpose(Image.open(original)))
            default_storage.save(name, ContentFile(data))
    except FileNotFoundError:  # deleted: one line, the traceback says nothing more
        logger.warning("Image file missing, shown without smaller copies: %s", fieldfile.name)
        cache.set(_unreadable_key(fieldfile.name), True, UNREADABLE_SECONDS)
        return None
    except Exception:  # a broken original: the page shows the original instead
        logger.warning("No rendition %s", name, exc_info=True)
        cache.set(_unreadable_key(fieldfile.name), True, UNREADABLE_SECONDS)
        return None
    cache.set(key, True, 60 * 60 * 24)
    return default_storage.url(name)


def rendition_url(fieldfile, width):
    """URL of ``fieldfile`` at most ``width`` pixels wide, or None when it cannot be made."""

    def make(image):
        image.thumbnail((width, width * 4))
        if image.mode not in ("RGB", "RGBA"):
            image = image.convert("RGBA" if "A" in image.getbands() else "RGB")
        out = io.BytesIO()
        image.save(out, "WEBP", quality=72, method=4)
        return out.getvalue()

    return _made(fieldfile, rendition_name(fieldfile.name, width), make)


def srcset(fieldfile, width):
    """``srcset`` value for an image ``width`` pixels wide: its smaller copies and itself."""
    sizes = [size for size in WIDTHS if size < width]
    # One cache round trip for the image, not one a size: a home page shows dozens of them.
    names = {size: rendition_name(fieldfile.name, size) for size in sizes}
    unreadable = _unreadable_key(fieldfile.name)
    known = cache.get_many([f"rendition:{name}" for name in names.values()] + [unreadable])
    candidates = []
    if unreadable not in known:
        for size in sizes:
            if f"rendition:{names[size]}" in known:
                url = default_storage.url(names[size])
            else:
                url = rendition_url(fieldfile, size)
                if url is None:
                    break  # the original cannot be read: no other size can be made either
            candidates.append(f"{url} {size}w")
    candidates.append(f"{fieldfile.url} {width}w")
    return ", ".join(candidates)


_IMG = re.compile(r"<img\b[^>]*>")
_ATTRIBUTE = re.compile(r'\s(src|width|srcset)="([^"]*)"')
BODY_SIZES = "(max-width: 900px) 100vw, 760px"


def responsive_images(html, sizes=BODY_SIZES):
    """Give the pictures of a (sanitised) body that are our own uploads a ``srcset``.

    CKEditor 5 stores each picture's width; phones then fetch a copy of their size
    instead of the full upload. Pictures from elsewhere are left as they are.
    """

    def add_srcset(match):
        tag = match.group(0)
        attributes = dict(_ATTRIBUTE.findall(tag))
        src = unescape(attributes.get("src", ""))
        width = attributes.get("width", "")
        if "srcset" in attributes or not width.isdigit() or not src.startswith(settings.MEDIA_URL):
            return tag
        name = src[len(settings.MEDIA_URL) :]
        upload = SimpleNamespace(name=name, storage=default_storage, url=src)
        value = srcset(upload, int(width))
        if "," not in value:  # no smaller copy: the picture is small already
            return tag
        return f'{tag[:-1]} srcset="{escape(value)}" sizes="{sizes}">'

    return _IMG.sub(add_srcset, html)


SOCIAL_SIZE = (1200, 630)  # what Facebook, Zalo and Google show for a shared article


def social_image_url(fieldfile):
    """URL of ``fieldfile`` cropped to 1200×630 (JPEG), or None when it cannot be made.

    Made on first use and kept in storage, like the srcset copies.
    """
    if cache.get(_unreadable_key(fieldfile.name)):
        return None
    root, _ext = posixpath.splitext(fieldfile.name)

    def make(image):
        out = io.BytesIO()
        ImageOps.fit(image.convert("RGB"), SOCIAL_SIZE).save(
            out, "JPEG", quality=82, optimize=True, progressive=True
        )
        return out.getvalue()

    return _made(fieldfile, f"renditions/{root}.{SOCIAL_SIZE[0]}x{SOCIAL_SIZE[1]}.jpg", make)
