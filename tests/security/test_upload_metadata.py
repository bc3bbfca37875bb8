"""Re-encoding removes every comment, text chunk and metadata block of an uploaded image."""

import io
import struct

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageCms, PngImagePlugin

from portal.images import image_clean

SCRIPT = b"<script>alert(document.cookie)</script>"


def cleaned(data):
    return image_clean(SimpleUploadedFile("upload", data)).read()


def jpeg_segments(data):
    """The marker of every segment before the image data (SOS)."""
    assert data[:2] == b"\xff\xd8"
    position, markers = 2, []
    while True:
        marker = data[position + 1]
        markers.append(marker)
        if marker == 0xDA:  # start of scan: entropy-coded data follows
            return markers
        (length,) = struct.unpack(">H", data[position + 2 : position + 4])
        position += 2 + length


def png_chunks(data):
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, chunks = 8, []
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        chunks.append(data[position + 4 : position + 8].decode("ascii"))
        position += 12 + length
    return chunks


def exif_with_text():
    exif = Image.Exif()
    exif[0x010E] = SCRIPT.decode()  # ImageDescription
    exif[0x0112] = 1  # orientation
    return exif.tobytes()


def srgb_profile():
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def test_a_jpeg_comment_with_a_script_is_removed():
    out = io.BytesIO()
    Image.new("RGB", (40, 30), "red").save(out, "JPEG", comment=SCRIPT)
    assert SCRIPT in out.getvalue()  # the upload really carries it

    result = cleaned(out.getvalue())

    assert SCRIPT not in result and b"script" not in result
    assert 0xFE not in jpeg_segments(result)  # no COM segment at all
    assert Image.open(io.BytesIO(result)).size == (40, 30)


def test_jpeg_exif_xmp_and_colour_profile_are_removed():
    out = io.BytesIO()
    Image.new("RGB", (40, 30), "red").save(
        out, "JPEG", exif=exif_with_text(), xmp=SCRIPT, icc_profile=srgb_profile()
    )
    result = cleaned(out.getvalue())
    assert SCRIPT not in result
    # APP1 (EXIF, XMP), APP2 (ICC), APP13 (IPTC) and COM are all gone: APP0 (JFIF) may stay.
    assert not {0xE1, 0xE2, 0xED, 0xFE} & set(jpeg_segments(result))


@pytest.mark.parametrize("mode", ["RGBA", "RGB", "P", "L"])
def test_png_text_chunks_exif_and_profile_are_removed(mode):
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", SCRIPT.decode())
    info.add_text("Compressed", SCRIPT.decode(), zip=True)
    info.add_itxt("Description", SCRIPT.decode(), lang="vi")
    out = io.BytesIO()
    Image.new("RGB", (40, 30), "red").convert(mode).save(
        out, "PNG", pnginfo=info, exif=exif_with_text(), icc_profile=srgb_profile()
    )
    assert {"tEXt", "zTXt", "iTXt", "eXIf", "iCCP"} <= set(png_chunks(out.getvalue()))

    result = cleaned(out.getvalue())

    assert SCRIPT not in result
    chunks = set(png_chunks(result))
    assert not {"tEXt", "zTXt", "iTXt", "eXIf", "iCCP"} & chunks
    assert chunks <= {"IHDR", "PLTE", "tRNS", "IDAT", "IEND"}


def test_webp_exif_and_xmp_are_removed():
    out = io.BytesIO()
    Image.new("RGBA", (40, 30), "red").save(out, "WEBP", exif=exif_with_text(), xmp=SCRIPT)
    assert SCRIPT in out.getvalue()
    result = cleaned(out.getvalue())
    assert SCRIPT not in result
    assert b"EXIF" not in result and b"XMP " not in result and b"ICCP" not in result


@pytest.mark.parametrize("frames", [1, 3])
def test_gif_comments_are_removed_and_the_animation_kept(frames):
    images = [Image.new("RGB", (40, 30), colour) for colour in ["red", "blue", "green"][:frames]]
    out = io.BytesIO()
    images[0].save(
        out, "GIF", save_all=True, append_images=images[1:], comment=SCRIPT, duration=100, loop=0
    )
    assert SCRIPT in out.getvalue()

    result = cleaned(out.getvalue())

    assert SCRIPT not in result
    assert b"\x21\xfe" not in result  # no comment extension block
    assert Image.open(io.BytesIO(result)).n_frames == frames


def test_a_broken_exif_block_does_not_refuse_the_picture():
    out = io.BytesIO()
    Image.new("RGB", (40, 30), "red").save(out, "WEBP", exif=b"Exif\x00\x00" + SCRIPT)
    result = cleaned(out.getvalue())
    assert SCRIPT not in result
    assert Image.open(io.BytesIO(result)).size == (40, 30)
