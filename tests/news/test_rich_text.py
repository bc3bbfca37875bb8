"""Bodies as readers get them: lazy pictures, and phone-sized copies of our own uploads."""

import io

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image

from tests.factories import ArticleFactory
from tests.support import image_bytes, page_queries

pytestmark = pytest.mark.django_db


def uploaded(size=(1600, 900)):
    name = default_storage.save("news/body/2026/11/anh.jpg", ContentFile(image_bytes("JPEG", size)))
    return name, settings.MEDIA_URL + name


def figure(src, width, height=450):
    return f'<figure class="image"><img src="{src}" width="{width}" height="{height}"></figure>'


def test_body_pictures_get_phone_sized_copies(client):
    name, url = uploaded()
    article = ArticleFactory(body=figure(url, 1600, 900))
    page = client.get(article.get_absolute_url()).content.decode()
    stem = name.rsplit(".", 1)[0]
    for width in (360, 720, 1080):
        assert f"{settings.MEDIA_URL}renditions/{stem}.w{width}.webp {width}w" in page
    assert f"{url} 1600w" in page
    assert 'sizes="(max-width: 900px) 100vw, 760px"' in page
    assert 'loading="lazy"' in page
    with default_storage.open(f"renditions/{stem}.w360.webp") as copy:
        image = Image.open(io.BytesIO(copy.read()))
        assert (image.format, image.width) == ("WEBP", 360)


@pytest.mark.parametrize(
    "body",
    [
        figure("https://baokiengiang.vn/anh.jpg", 1600),  # not ours
        figure(settings.MEDIA_URL + "news/body/khong-co.jpg", 1600),  # missing file
        '<figure class="image"><img src="/media/news/body/a.jpg"></figure>',  # no width
    ],
)
def test_other_pictures_are_left_as_they_are(client, body):
    article = ArticleFactory(body=body)
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert "srcset" not in response.content.decode().split('class="article-body"')[1][:600]


def test_small_pictures_need_no_copies(client):
    _name, url = uploaded(size=(300, 200))
    article = ArticleFactory(body=figure(url, 300, 200))
    body = client.get(article.get_absolute_url()).content.decode().split('class="article-body"')[1]
    assert "srcset" not in body[:600]


def test_stored_body_is_unchanged_by_what_pages_add():
    _name, url = uploaded()
    article = ArticleFactory(body=figure(url, 1600, 900))
    article.refresh_from_db()
    assert "srcset" not in article.body and "loading" not in article.body


def test_body_pictures_cost_no_queries(client):
    _name, url = uploaded()
    one = ArticleFactory(body=figure(url, 1600, 900))
    five = ArticleFactory(body=figure(url, 1600, 900) * 5, category=one.category)
    assert page_queries(client, one.get_absolute_url()) == page_queries(
        client, five.get_absolute_url()
    )
