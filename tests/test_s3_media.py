"""Media in S3-compatible object storage (several app servers share one bucket): every media
address a page, its metadata, a feed or a body's ``srcset`` gives is the bucket's, absolute,
and answers with the stored file. Against a real S3 API (moto's server, on loopback)."""

import json
import re
import urllib.request
from html import unescape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from news.models import Article
from news.services import remote_image_urls
from tests.factories import AlbumFactory, ArticleFactory
from tests.support import image_bytes

pytestmark = pytest.mark.django_db


def _get(url):
    with urllib.request.urlopen(url, timeout=10) as answer:
        return answer.status, answer.headers.get("Content-Type", ""), answer.read()


def _assert_served_from_bucket(url, s3, magic):
    assert url.startswith(s3.url), url
    status, _type, body = _get(url)
    assert status == 200
    assert body.startswith(magic), (url, body[:12])


JPEG, WEBP = b"\xff\xd8\xff", b"RIFF"


def _cover(size=(1600, 900)):
    return SimpleUploadedFile("anh-bia.jpg", image_bytes("JPEG", size=size))


def test_the_articles_sharing_picture_is_the_buckets_absolute_address(client, s3_storage):
    article = ArticleFactory(cover_image=_cover())
    page = client.get(article.get_absolute_url()).content.decode()
    og_image = unescape(re.search(r'<meta property="og:image" content="([^"]+)"', page)[1])
    _assert_served_from_bucket(og_image, s3_storage, JPEG)
    assert "1200x630" in og_image
    twitter = unescape(re.search(r'<meta name="twitter:image" content="([^"]+)"', page)[1])
    assert twitter == og_image
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    news_article = next(json.loads(block) for block in blocks if '"NewsArticle"' in block)
    assert json.dumps(news_article["image"]).count(og_image) >= 1
    assert "testserver" not in og_image


def test_the_cover_and_its_srcset_copies_on_the_page_come_from_the_bucket(client, s3_storage):
    article = ArticleFactory(cover_image=_cover())
    page = client.get(article.get_absolute_url()).content.decode()
    srcsets = [unescape(value) for value in re.findall(r'srcset="([^"]+)"', page)]
    cover_srcset = next(
        value for value in srcsets if article.cover_image.name.split("/")[-1][:8] in value
    )
    candidates = [item.rsplit(" ", 1)[0] for item in cover_srcset.split(", ")]
    assert len(candidates) == 4  # 360, 720, 1080 and the 1600 px original
    for url in candidates[:-1]:
        _assert_served_from_bucket(url, s3_storage, WEBP)
    _assert_served_from_bucket(candidates[-1], s3_storage, JPEG)


def test_the_feed_gives_each_articles_picture_at_the_buckets_address(client, s3_storage):
    with_picture = ArticleFactory(cover_image=_cover())
    ArticleFactory()  # none: no media element
    feed = client.get(reverse("feed")).content.decode()
    urls = [unescape(url) for url in re.findall(r'<media:content [^>]*\burl="([^"]+)"', feed)]
    assert len(urls) == 1, feed
    assert 'xmlns:media="http://search.yahoo.com/mrss/"' in feed
    _assert_served_from_bucket(urls[0], s3_storage, JPEG)
    assert with_picture.cover_image.name.rsplit(".", 1)[0] in urls[0]


def test_a_body_picture_uploaded_to_the_bucket_gets_its_srcset_from_the_bucket(
    editor_client, s3_storage
):
    upload = SimpleUploadedFile("than-bai.jpg", image_bytes("JPEG", size=(1500, 1000)))
    answer = editor_client.post(reverse("news:image_upload"), {"upload": upload})
    assert answer.status_code == 200
    src = answer.json()["url"]
    _assert_served_from_bucket(src, s3_storage, JPEG)
    article = ArticleFactory(body=f'<p>Ảnh</p><img src="{src}" width="1500" height="1000">')
    article.refresh_from_db()
    srcset = unescape(re.search(r'srcset="([^"]+)"', article.body_html)[1])
    candidates = [item.rsplit(" ", 1)[0] for item in srcset.split(", ")]
    assert candidates[-1] == src
    assert len(candidates) == 4
    for url in candidates[:-1]:
        _assert_served_from_bucket(url, s3_storage, WEBP)
    # Our own bucket's pictures are not "pictures of other sites" to import.
    assert remote_image_urls(article.body) == []


def test_an_albums_sharing_picture_is_the_buckets_absolute_address(client, s3_storage):
    album = AlbumFactory(cover=_cover((800, 600)))
    page = client.get(album.get_absolute_url()).content.decode()
    og_image = unescape(re.search(r'<meta property="og:image" content="([^"]+)"', page)[1])
    _assert_served_from_bucket(og_image, s3_storage, JPEG)


def test_on_the_local_disk_metadata_and_feeds_use_this_sites_address(client):
    article = ArticleFactory(cover_image=_cover())
    page = client.get(article.get_absolute_url()).content.decode()
    og_image = re.search(r'<meta property="og:image" content="([^"]+)"', page)[1]
    assert og_image.startswith("http://testserver/media/renditions/")
    feed = client.get(reverse("feed")).content.decode()
    assert re.findall(r'<media:content [^>]*\burl="([^"]+)"', feed) == [og_image]
    assert Article.objects.count() == 1
