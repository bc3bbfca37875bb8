"""Every uploaded image (inline, cover, gallery, logos) passes through here.

Its copies (srcset sizes, logo boxes) are made by portal/renditions.py when it is stored.

An image is checked by size first, then opened by Pillow only as JPEG, PNG, GIF or WebP,
refused above a pixel limit (decompression bombs), and re-encoded without metadata. What
comes out is a new file with a random name in a dated folder; the uploaded bytes are never
stored as they came.
"""

import io
import uuid
import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from django.forms import ImageField as FormImageField
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageCms, ImageOps

from .uploads import refuse, upload_size_check

FORMATS = {"JPEG": "jpg", "PNG": "png", "GIF": "gif", "WEBP": "webp"}


def image_clean(uploaded):
    """Validate ``uploaded`` and return a re-encoded ContentFile, or raise ValidationError."""
    upload_size_check(uploaded, settings.IMAGE_MAX_UPLOAD_BYTES)
    uploaded.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(uploaded, formats=list(FORMATS))
            width, height = image.size
            if width * height > settings.IMAGE_MAX_PIXELS:
                raise Image.DecompressionBombError
            image.load()
            # Each frame of an animation is re-encoded at full size: a small GIF of many
            # frames is a decompression bomb too, so the limit holds for all frames together.
            if width * height * getattr(image, "n_frames", 1) > settings.IMAGE_MAX_PIXELS:
                refuse(
                    _(
                        "The animation is too large: it has too many frames for its size "
                        "(limit: %(limit)s megapixels for all frames together)."
                    ),
                    "too_many_frames",
                    limit=settings.IMAGE_MAX_PIXELS // 1_000_000,
                )
            data = _reencode(image)
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        refuse(
            _("The image is too large in pixels; the limit is %(limit)s megapixels."),
            "too_many_pixels",
            limit=settings.IMAGE_MAX_PIXELS // 1_000_000,
        )
    except Exception:  # Pillow raises many kinds of error for a file that is not an image.
        refuse(
            _("The file is not a valid image. Only JPEG, PNG, GIF and WebP images are accepted."),
            "invalid_image",
        )
    return ContentFile(data, name=f"image.{FORMATS[image.format]}")


# What Pillow needs from an image's info to draw it right; everything else (comments, text
# chunks, EXIF, XMP, colour profiles, application extensions) is dropped before saving,
# because several of Pillow's writers copy it from the source image otherwise (a JPEG's COM
# segment with a <script> in it survived re-encoding that way).
_DRAWING_INFO = {"transparency", "duration", "loop", "background", "disposal"}


def _without_metadata(image):
    """``image`` in sRGB when it carried a colour profile, with no metadata left in its info."""
    icc = image.info.get("icc_profile")
    if icc and image.mode in ("RGB", "RGBA"):
        try:
            image = ImageCms.profileToProfile(
                image, ImageCms.ImageCmsProfile(io.BytesIO(icc)), ImageCms.createProfile("sRGB")
            )
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a broken profile: the pixels as they are
    image.info = {key: value for key, value in image.info.items() if key in _DRAWING_INFO}
    return image


def _exif_transpose(image):
    """Upright pixels by the EXIF orientation; a broken EXIF block is ignored, not fatal."""
    try:
        return ImageOps.exif_transpose(image)
    except Exception:  # Pillow raises SyntaxError, ValueError... for malformed EXIF
        return image


def _reencode(image):
    fmt = image.format
    out = io.BytesIO()
    if fmt == "GIF":
        # Keep animation; every frame is re-encoded and comments/extensions are dropped.
        frames = getattr(image, "n_frames", 1)
        image.info = {k: v for k, v in image.info.items() if k in _DRAWING_INFO}
        image.save(out, "GIF", save_all=frames > 1, optimize=False, comment=b"")
        return out.getvalue()
    image = _exif_transpose(image)
    # A phone's 4000 px photo is scaled down, not refused: no page shows it wider than this,
    # and the bytes readers download shrink tenfold. Only the pixel limit above refuses.
    longest = settings.IMAGE_MAX_DIMENSION
    if max(image.size) > longest:
        image.thumbnail((longest, longest), Image.Resampling.LANCZOS)
    if image.mode.startswith("I"):
        # 16-bit grey: scaled to 8 bits, not clipped (which would turn most of it white).
        image = image.point(lambda value: value / 256).convert("L")
    if fmt == "JPEG":
        image = _without_metadata(image.convert("RGB"))
        image.save(out, "JPEG", quality=85, optimize=True, progressive=True)
    elif fmt == "PNG":
        if image.mode not in ("RGB", "RGBA", "L", "LA", "P"):
            image = image.convert("RGBA")
        _without_metadata(image).save(out, "PNG", optimize=True)
    else:
        if image.mode not in ("RGB", "RGBA"):
            image = image.convert("RGBA")
        _without_metadata(image).save(out, "WEBP", quality=85)
    return out.getvalue()


@deconstructible
class DatedUploadTo:
    """An ``upload_to`` that stores under <folder>/YYYY/MM/ with a random name."""

    def __init__(self, folder):
        self.folder = folder

    def __call__(self, instance, filename):
        ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else "jpg"
        if ext not in FORMATS.values():
            ext = "jpg"
        now = timezone.localtime()
        return f"{self.folder}/{now:%Y/%m}/{uuid.uuid4().hex}.{ext}"

    def __eq__(self, other):
        return isinstance(other, DatedUploadTo) and other.folder == self.folder


class SafeImageFormField(FormImageField):
    """Form field whose cleaned value is the re-encoded image, never the raw upload."""

    def to_python(self, data):
        if data in self.empty_values:
            return None
        return image_clean(data)


class SafeImageField(models.ImageField):
    """ImageField that re-encodes through image_clean() in every form, admin included, and
    makes the picture's smaller copies for ``srcset`` when it is stored (portal/renditions.py).

    ``srcset_copies=False`` for pictures never shown with a ``srcset`` (logos, favicons).
    """

    def __init__(self, *args, srcset_copies=True, **kwargs):
        self.srcset_copies = srcset_copies  # not a database matter: left out of migrations
        super().__init__(*args, **kwargs)

    def pre_save(self, model_instance, add):
        file = getattr(model_instance, self.attname)
        is_new = bool(file) and not file._committed
        file = super().pre_save(model_instance, add)  # stores a new upload
        if is_new and self.srcset_copies:
            from .renditions import make_copies

            make_copies(file.name, file.storage)
        return file

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": SafeImageFormField, **kwargs})
