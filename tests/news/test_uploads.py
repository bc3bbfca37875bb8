import io
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from news.models import Article, ArticleImage
from tests.conftest import image_bytes
from tests.factories import ArticleFactory, UserFactory

pytestmark = pytest.mark.django_db
URL = reverse("news:image_upload")


def stored_files(settings):
    root = settings.MEDIA_ROOT
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


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
    [stored] = stored_files(settings)
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
    [stored] = stored_files(settings)
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
            "status": "published",
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
