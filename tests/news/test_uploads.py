import io
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from news.editing import version_token
from news.models import Article, ArticleImage
from tests.factories import ArticleFactory, UserFactory
from tests.support import image_bytes

pytestmark = pytest.mark.django_db
URL = reverse("news:image_upload")


def stored_files(settings):
    root = settings.MEDIA_ROOT
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def stored_originals(settings):
    """The uploaded pictures themselves, without the copies made from them (renditions/)."""
    return [
        p
        for p in stored_files(settings)
        if p.relative_to(settings.MEDIA_ROOT).parts[0] != "renditions"
    ]


def upload(client, name, content, content_type="image/jpeg"):
    return client.post(URL, {"upload": SimpleUploadedFile(name, content, content_type)})


def png_bomb(width=20000, height=20000):
    """A tiny PNG whose header claims a huge picture (a decompression bomb)."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    row = b"\x00" + b"\x00" * width
    data = zlib.compress(row * 10, 9)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )


@pytest.mark.parametrize(
    ("fmt", "ext", "content_type"),
    [("JPEG", "jpg", "image/jpeg"), ("PNG", "png", "image/png"), ("WEBP", "webp", "image/webp")],
)
def test_valid_images_are_accepted_and_reencoded(editor_client, settings, fmt, ext, content_type):
    exif = Image.Exif()
    exif[0x010F] = "SecretCameraMaker"  # Make
    original = image_bytes(fmt, size=(120, 80), exif=exif.tobytes())
    response = upload(editor_client, f"anh-goc.{ext}", original, content_type)
    assert response.status_code == 200
    url = response.json()["url"]
    assert url.startswith(settings.MEDIA_URL + "news/body/")
    assert url.endswith(f".{ext}")
    [stored] = stored_originals(settings)
    data = stored.read_bytes()
    assert data != original
    assert b"SecretCameraMaker" not in data
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == fmt
        assert image.size == (120, 80)


def test_stored_name_is_random_and_dated_whatever_the_uploaded_name(editor_client, settings):
    name = '../../<script>alert("x")</script>/..\\evil.jpg'
    response = upload(editor_client, name, image_bytes("JPEG"))
    assert response.status_code == 200
    url = response.json()["url"]
    assert "<" not in url and "script" not in url and ".." not in url
    [stored] = stored_originals(settings)
    relative = stored.relative_to(settings.MEDIA_ROOT).as_posix()
    parts = relative.split("/")
    assert parts[:2] == ["news", "body"]
    assert len(parts[2]) == 4 and parts[2].isdigit() and parts[3].isdigit()
    assert len(parts[4]) == len("0123456789abcdef0123456789abcdef.jpg")


@pytest.mark.parametrize(
    ("name", "content", "content_type", "message"),
    [
        ("hinh.jpg", b"Day khong phai la anh, chi la van ban.", "image/jpeg", "không phải"),
        (
            "logo.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect/></svg>',
            "image/svg+xml",
            "không phải",
        ),
        ("anh.jpg", b"", "image/jpeg", "trống"),
    ],
)
def test_non_images_are_refused_in_vietnamese(
    editor_client, settings, name, content, content_type, message
):
    response = upload(editor_client, name, content, content_type)
    assert response.status_code == 400
    assert message in response.json()["error"]["message"]
    assert stored_files(settings) == []


def test_tiff_and_bmp_are_refused(editor_client, settings):
    for fmt in ("TIFF", "BMP"):
        response = upload(editor_client, "anh.jpg", image_bytes(fmt))
        assert response.status_code == 400
    assert stored_files(settings) == []


def test_pixel_bomb_is_refused(editor_client, settings):
    bomb = png_bomb()
    assert len(bomb) < 1024 * 1024
    response = upload(editor_client, "bom.png", bomb, "image/png")
    assert response.status_code == 400
    assert "megapixel" in response.json()["error"]["message"]
    assert stored_files(settings) == []


def test_oversized_file_is_refused_before_it_is_opened(editor_client, settings):
    settings.IMAGE_MAX_UPLOAD_BYTES = 50_000
    big = image_bytes("JPEG") + b"\0" * 60_000
    response = upload(editor_client, "lon.jpg", big)
    assert response.status_code == 400
    assert "quá lớn" in response.json()["error"]["message"]
    assert stored_files(settings) == []


def test_anonymous_users_cannot_upload(client, settings):
    response = upload(client, "anh.jpg", image_bytes("JPEG"))
    assert response.status_code == 403
    assert stored_files(settings) == []


def test_staff_without_article_permission_cannot_upload(client, settings):
    client.force_login(UserFactory(is_staff=True))
    response = upload(client, "anh.jpg", image_bytes("JPEG"))
    assert response.status_code == 403
    assert "không được phép" in response.json()["error"]["message"]
    assert stored_files(settings) == []


def test_get_is_not_allowed(editor_client):
    assert editor_client.get(URL).status_code == 405


def test_missing_file_is_a_400(editor_client):
    response = editor_client.post(URL, {})
    assert response.status_code == 400
    assert response.json()["error"]["message"]


def test_bad_cover_image_in_admin_is_refused_and_changes_nothing(admin_client, settings):
    article = ArticleFactory(title="Tiêu đề gốc")
    url = reverse("admin:news_article_change", args=[article.pk])
    response = admin_client.post(
        url,
        {
            "title": "Tiêu đề mới",
            "slug": article.slug,
            "category": article.category_id,
            "status": "published",
            "published_at_0": "27/11/2026",
            "published_at_1": "09:30:00",
            "cover_image": SimpleUploadedFile("bia.jpg", b"<html>not an image</html>"),
            "images-TOTAL_FORMS": "0",
            "images-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200  # the form again, with the error
    assert "không phải" in response.content.decode()
    article.refresh_from_db()
    assert article.title == "Tiêu đề gốc"
    assert not article.cover_image
    assert stored_files(settings) == []


def test_gallery_image_in_admin_is_reencoded(admin_client, settings):
    article = ArticleFactory()
    url = reverse("admin:news_article_change", args=[article.pk])
    response = admin_client.post(
        url,
        {
            "title": article.title,
            "slug": article.slug,
            "category": article.category_id,
            "version_token": version_token(article),
            "published_at_0": "27/11/2026",
            "published_at_1": "09:30:00",
            "images-TOTAL_FORMS": "1",
            "images-INITIAL_FORMS": "0",
            "images-0-image": SimpleUploadedFile("<b>x</b>.png", image_bytes("PNG")),
            "images-0-caption": "Ảnh đoàn viên",
            "images-0-order": "1",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    image = ArticleImage.objects.get(article=article)
    assert image.image.name.startswith("news/") and image.image.name.endswith(".png")
    assert (image.width, image.height) == (64, 48)
    assert Article.objects.count() == 1


def gif_bytes(frames, size, **save_kwargs):
    """An animated GIF of ``frames`` frames ``size`` wide and high, alternating two colours."""
    colours = [(200, 30, 30), (30, 30, 200)]
    images = [Image.new("RGB", (size, size), colours[n % 2]) for n in range(frames)]
    out = io.BytesIO()
    images[0].save(out, "GIF", save_all=True, append_images=images[1:], **save_kwargs)
    return out.getvalue()


def test_truncated_animated_gif_is_refused_not_a_500(editor_client, settings):
    # The first frame loads; a later one is cut short, which shows only when re-encoding.
    response = upload(editor_client, "cut.gif", gif_bytes(3, 64)[:-30], "image/gif")
    assert response.status_code == 400
    assert "không phải là ảnh hợp lệ" in response.json()["error"]["message"]
    assert stored_files(settings) == []


def test_gif_with_too_many_frames_for_its_size_is_refused(editor_client, settings):
    # 200 x 200 x 30 frames = 1.2 megapixels to re-encode, from a file of a few kB.
    settings.IMAGE_MAX_PIXELS = 1_000_000
    response = upload(editor_client, "bomb.gif", gif_bytes(30, 200), "image/gif")
    assert response.status_code == 400
    assert "quá nhiều khung hình" in response.json()["error"]["message"]
    assert stored_files(settings) == []


def test_small_animated_gif_keeps_its_frames(editor_client, settings):
    response = upload(editor_client, "dong.gif", gif_bytes(4, 32, duration=100), "image/gif")
    assert response.status_code == 200
    [stored] = stored_originals(settings)
    with Image.open(stored) as image:
        assert image.n_frames == 4


def test_16_bit_grey_png_is_scaled_not_turned_white(editor_client, settings):
    grey = Image.new("I;16", (256, 4))
    grey.putdata([x * 256 for x in range(256)] * 4)  # a ramp from black to white
    out = io.BytesIO()
    grey.save(out, "PNG")
    response = upload(editor_client, "xam.png", out.getvalue(), "image/png")
    assert response.status_code == 200
    [stored] = stored_originals(settings)
    with Image.open(stored) as image:
        image = image.convert("L")
        assert image.getpixel((0, 0)) == 0
        assert 95 <= image.getpixel((100, 0)) <= 105
        assert image.getpixel((255, 0)) == 255


@pytest.mark.parametrize(
    ("mode", "fmt", "save_kwargs"),
    [
        ("CMYK", "JPEG", {}),
        ("P", "PNG", {"transparency": 0}),
        ("LA", "PNG", {}),
        ("L", "WEBP", {}),
    ],
)
def test_unusual_colour_modes_are_stored_usable(editor_client, settings, mode, fmt, save_kwargs):
    out = io.BytesIO()
    Image.new(mode, (40, 30)).save(out, fmt, **save_kwargs)
    response = upload(editor_client, f"anh.{fmt.lower()}", out.getvalue(), f"image/{fmt.lower()}")
    assert response.status_code == 200
    [stored] = stored_originals(settings)
    with Image.open(stored) as image:
        image.load()
        assert image.size == (40, 30)
        assert image.mode in ("RGB", "RGBA", "L", "LA", "P")


def test_exif_orientation_is_applied_then_dropped(editor_client, settings):
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90° clockwise to show"
    response = upload(
        editor_client, "xoay.jpg", image_bytes("JPEG", size=(80, 40), exif=exif.tobytes())
    )
    assert response.status_code == 200
    [stored] = stored_originals(settings)
    with Image.open(stored) as image:
        assert image.size == (40, 80)
        assert 0x0112 not in image.getexif()


def test_gif_whose_header_claims_huge_dimensions_is_refused(editor_client, settings):
    screen = struct.pack("<HH", 65535, 65535)
    data = (
        b"GIF89a" + screen + b"\x00\x00\x00,\x00\x00\x00\x00" + screen + b"\x00\x02\x02D\x01\x00;"
    )
    response = upload(editor_client, "huge.gif", data, "image/gif")
    assert response.status_code == 400
    assert "megapixel" in response.json()["error"]["message"]
    assert stored_files(settings) == []
