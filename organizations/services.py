"""Image processing for the organisations app (STYLE §2: outside-world work lives here)."""

import io

from django.core.files.base import ContentFile
from PIL import Image, ImageOps


def logo_rendition(*, source, box):
    """A copy of the logo in ``source`` scaled to fit ``box`` (width, height), as a ContentFile.

    Logos with transparency stay PNG; the others become JPEG. The logo is scaled up as well as
    down, so every sponsor fills the same box whatever size was uploaded.
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
