"""The media library: one record a picture, searched without diacritics, reused, kept when
in use, and phone photos scaled down rather than refused."""

import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from library.models import Picture
from portal.images import image_clean
from tests.factories import ArticleFactory, PictureFactory
from tests.support import image_bytes

pytestmark = pytest.mark.django_db
CHANGELIST = reverse("admin:library_picture_changelist")


def test_library_search_ignores_diacritics(admin_client):
    PictureFactory(caption="Chiến dịch Mùa hè xanh", credit="Ảnh: Kiên Giang")
    PictureFactory(caption="Hội thao")
    html = admin_client.get(CHANGELIST, {"q": "mua he xanh"}).content.decode()
    assert "Chiến dịch Mùa hè xanh" in html and "Hội thao" not in html
    response = admin_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "news",
            "model_name": "article",
            "field_name": "cover_picture",
            "term": "kien giang",
        },
    )
    assert [r["text"] for r in json.loads(response.content)["results"]] == [
        "Chiến dịch Mùa hè xanh"
    ]


def test_a_picture_in_use_cannot_be_deleted_and_the_refusal_says_where(admin_client):
    picture = PictureFactory()
    ArticleFactory(title="Bài dùng làm ảnh bìa", cover_picture=picture)
    ArticleFactory(title="Bài dùng trong nội dung", body=f'<p><img src="{picture.image.url}"></p>')
    url = reverse("admin:library_picture_delete", args=[picture.pk])
    html = admin_client.get(url).content.decode()
    assert "Bài dùng làm ảnh bìa" in html and "Bài dùng trong nội dung" in html
    admin_client.post(url, {"post": "yes"})
    assert Picture.objects.filter(pk=picture.pk).exists()


def test_an_unused_picture_can_be_deleted(admin_client):
    picture = PictureFactory()
    url = reverse("admin:library_picture_delete", args=[picture.pk])
    assert admin_client.post(url, {"post": "yes"}).status_code == 302
    assert not Picture.objects.exists()


def test_body_uploads_join_the_library(editor_client):
    upload = SimpleUploadedFile("anh.png", image_bytes("PNG"))
    response = editor_client.post(reverse("news:image_upload"), {"upload": upload})
    assert response.status_code == 200
    assert Picture.objects.get().image.url == response.json()["url"]


def test_a_large_phone_photo_is_scaled_down_not_refused(settings):
    settings.IMAGE_MAX_DIMENSION = 2560
    photo = SimpleUploadedFile("dien-thoai.jpg", image_bytes("JPEG", size=(4032, 3024)))
    stored = image_clean(photo)
    assert Image.open(io.BytesIO(stored.read())).size == (2560, 1920)


def test_library_changelist_queries_do_not_grow(admin_client, django_assert_max_num_queries):
    PictureFactory.create_batch(5)
    with django_assert_max_num_queries(12) as small:
        assert admin_client.get(CHANGELIST).status_code == 200
    count = len(small.captured_queries)
    PictureFactory.create_batch(45)
    with django_assert_max_num_queries(count):
        assert admin_client.get(CHANGELIST).status_code == 200


def test_focal_point_is_kept_within_the_picture(admin_client):
    picture = PictureFactory()
    url = reverse("admin:library_picture_change", args=[picture.pk])
    data = {"caption": "x", "alt_text": "", "credit": "", "focal_x": "150", "focal_y": "20"}
    response = admin_client.post(url, data)
    assert response.status_code == 200 and "focal_x" in response.context["adminform"].form.errors
    data["focal_x"] = "30"
    assert admin_client.post(url, data).status_code == 302
    picture.refresh_from_db()
    assert picture.focal_position == "30% 20%"


def test_cards_crop_around_the_pictures_focal_point(client):
    picture = PictureFactory(focal_x=30, focal_y=20)
    article = ArticleFactory(cover_picture=picture)
    assert 'style="--focal:30% 20%"' in client.get("/").content.decode()
    picture.focal_x = 70
    picture.save()
    article.refresh_from_db()
    assert article.cover_focal == "70% 20%"
