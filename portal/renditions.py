"""Every copy of an uploaded image is made here, when the image is stored: never for a page.

- Smaller WebP copies for ``srcset``, so that a phone on a slow connection does not download a
  2000 px photo to show it 360 px wide. Each copy sits beside the original's name under
  ``renditions/``. SafeImageField makes them when a cover or gallery picture is stored, and the
  editor's upload view when a body picture is; an article's body gets its ``srcset`` when the
  article is saved (Article.body_html).
- A 1200×630 crop for sharing (``og:image``), made with the ``srcset`` copies.
- A logo fitted to a fixed box (the sponsors' blocks): fit_box(), called by Sponsor.save().

Pages only build addresses from names (srcset()): a reader's GET never asks the storage
whether a file exists and never writes one.
"""

import io
import logging
import posixpath
import re
from html import unescape

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.html import escape
from PIL import Image, ImageOps

from .storage import stored_media_name

WIDTHS = (360, 720, 1080)
logger = logging.getLogger(__name__)


def rendition_name(name, width):
    root, _ext = posixpath.splitext(name)
    return f"renditions/{root}.w{width}.webp"


SOCIAL_SIZE = (1200, 630)  # what Facebook, Zalo and Google show for a shared article


def social_name(name):
    root, _ext = posixpath.splitext(name)
    return f"renditions/{root}.{SOCIAL_SIZE[0]}x{SOCIAL_SIZE[1]}.jpg"


def make_copies(name, storage=None, *, social=True):
    """Make the missing copies of the stored image ``name``: its ``srcset`` sizes and, unless
    ``social`` is False (body pictures), its 1200×630 crop for sharing. Returns the ``srcset``
    widths it has."""
    from .images import _exif_transpose  # the upload pipeline's own, tolerant of broken EXIF

    storage = storage or default_storage
    with storage.open(name, "rb") as original:
        image = _exif_transpose(Image.open(original))
        image.load()
    crop = social_name(name)
    if social and not storage.exists(crop):
        out = io.BytesIO()
        ImageOps.fit(image.convert("RGB"), SOCIAL_SIZE).save(
            out, "JPEG", quality=82, optimize=True, progressive=True
        )
        storage.save(crop, ContentFile(out.getvalue()))
    widths = [width for width in WIDTHS if width < image.width]
    for width in widths:
        copy_name = rendition_name(name, width)
        if storage.exists(copy_name):
            continue
        copy = image.copy()
        copy.thumbnail((width, width * 4))
        if copy.mode not in ("RGB", "RGBA"):
            copy = copy.convert("RGBA" if "A" in copy.getbands() else "RGB")
        out = io.BytesIO()
        copy.save(out, "WEBP", quality=72, method=4)
        storage.save(copy_name, ContentFile(out.getvalue()))
    return widths


def delete_with_copies(name, storage=None):
    """Delete the stored image ``name`` and whatever copies of it were made."""
    storage = storage or default_storage
    for stored in [name, social_name(name), *(rendition_name(name, width) for width in WIDTHS)]:
        try:
            storage.delete(stored)
        except OSError:
            logger.warning("Could not delete %s", stored)


def srcset(fieldfile, width):
    """``srcset`` of an image ``width`` pixels wide: its copies (made when it was stored) and
    itself. Builds addresses only; it touches neither the storage nor the cache."""
    storage = fieldfile.storage
    candidates = [
        f"{storage.url(rendition_name(fieldfile.name, size))} {size}w"
        for size in WIDTHS
        if size < width
    ]
    candidates.append(f"{fieldfile.url} {width}w")
    return ", ".join(candidates)


def social_image_url(fieldfile):
    """URL of the 1200×630 crop of ``fieldfile`` (JPEG) made when it was stored."""
    return fieldfile.storage.url(social_name(fieldfile.name))


def fit_box(source, box):
    """A copy of the image in ``source`` scaled to fit ``box`` (width, height), as a ContentFile.

    Pictures with transparency stay PNG; the others become JPEG. The picture is scaled up as
    well as down, so every logo fills the same box whatever size was uploaded.
    """
    with Image.open(source) as image:
        image.seek(0)  # the first frame of an animated GIF
        has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
        image = image.convert("RGBA" if has_alpha else "RGB")
        image = ImageOps.contain(image, box, Image.Resampling.LANCZOS)
    out = io.BytesIO()
    if has_alpha:
        image.save(out, "PNG", optimize=True)
        return ContentFile(out.getvalue(), name="logo.png")
    image.save(out, "JPEG", quality=88, optimize=True, progressive=True)
    return ContentFile(out.getvalue(), name="logo.jpg")


_IMG = re.compile(r"<img\b[^>]*>")
_ATTRIBUTE = re.compile(r'\s(src|width|srcset)="([^"]*)"')
BODY_SIZES = "(max-width: 900px) 100vw, 760px"


def responsive_images(html, sizes=BODY_SIZES):
    """Give the pictures of a (sanitised) body that are our own uploads a ``srcset``.

    Called when the body is saved: the copies a picture lacks are made then. CKEditor 5 stores
    each picture's width; phones then fetch a copy of their size instead of the full upload.
    Pictures from elsewhere, and uploads whose file is missing, are left as they are.
    """

    def add_srcset(match):
        tag = match.group(0)
        attributes = dict(_ATTRIBUTE.findall(tag))
        src = unescape(attributes.get("src", ""))
        width = attributes.get("width", "")
        name = stored_media_name(src)  # on the local disk or in the bucket
        if "srcset" in attributes or not width.isdigit() or name is None:
            return tag
        try:
            made = make_copies(name, social=False)
        except FileNotFoundError:  # deleted: one line, the traceback says nothing more
            logger.warning("Image file missing, shown without smaller copies: %s", name)
            return tag
        except Exception:  # a broken original: readers get the original alone
            logger.warning("No copies of the body picture %s", name, exc_info=True)
            return tag
        candidates = [
            f"{default_storage.url(rendition_name(name, size))} {size}w"
            for size in made
            if size < int(width)
        ]
        if not candidates:  # the picture is small already
            return tag
        value = ", ".join([*candidates, f"{src} {width}w"])
        return f'{tag[:-1]} srcset="{escape(value)}" sizes="{sizes}">'

    return _IMG.sub(add_srcset, html)
