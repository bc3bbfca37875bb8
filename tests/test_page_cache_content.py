"""Whole pages for anonymous readers beyond the news: tags, documents, albums, videos and events
are cached too, and every change to them shows at once (test_page_cache.py: the news pages)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import (
    AlbumFactory,
    ArticleFactory,
    DocumentFactory,
    DocumentFileFactory,
    EventFactory,
    PhotoFactory,
    TagFactory,
    VideoFactory,
)
from tests.support import queries_of, text

pytestmark = pytest.mark.django_db


# --- the other public pages: tags, documents, albums, videos, events ------------------------

KINDS = {
    # factory, the field a reader sees, the list page
    "document": (DocumentFactory, "summary", "/van-ban/"),
    "album": (AlbumFactory, "title", "/thu-vien-anh/"),
    "video": (VideoFactory, "title", "/video/"),
    "event": (EventFactory, "title", "/su-kien/"),
}


def assert_cached(client, url):
    _, count = queries_of(client, url)
    assert count == 0, url  # the second visit did not run the view


@pytest.mark.parametrize("kind", KINDS)
def test_lists_and_details_of_other_content_are_cached_and_show_every_change(client, kind):
    factory, field, list_url = KINDS[kind]
    obj = factory(**{field: "Tên trước khi sửa"})
    pages = [list_url, obj.get_absolute_url()]
    for url in pages:
        assert "Tên trước khi sửa" in text(client.get(url))
        assert_cached(client, url)
    setattr(obj, field, "Tên sau khi sửa")  # an edit
    obj.save()
    for url in [list_url, obj.get_absolute_url()]:  # a document's address follows its summary
        page = text(client.get(url))
        assert "Tên sau khi sửa" in page and "Tên trước khi sửa" not in page
    obj.is_published = False  # a withdrawal
    obj.save()
    assert "Tên sau khi sửa" not in text(client.get(list_url))
    assert client.get(obj.get_absolute_url()).status_code == 404
    other = factory(**{field: "Bản ghi sẽ bị xoá"})  # a publish
    assert "Bản ghi sẽ bị xoá" in text(client.get(list_url))
    assert client.get(other.get_absolute_url()).status_code == 200
    url = other.get_absolute_url()
    other.delete()  # a deletion
    assert "Bản ghi sẽ bị xoá" not in text(client.get(list_url))
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("kind", ["document", "album", "video"])
def test_scheduled_documents_albums_and_videos_appear_when_their_time_comes(client, clock, kind):
    factory, field, list_url = KINDS[kind]
    factory()
    scheduled = factory(
        **{field: "Hẹn giờ đăng", "published_at": timezone.now() + datetime.timedelta(minutes=10)}
    )
    assert "Hẹn giờ đăng" not in text(client.get(list_url))
    assert client.get(scheduled.get_absolute_url()).status_code == 404
    clock(minutes=9, seconds=59)
    assert_cached(client, list_url)
    clock(seconds=2)
    assert "Hẹn giờ đăng" in text(client.get(list_url))  # nothing was saved meanwhile
    assert client.get(scheduled.get_absolute_url()).status_code == 200


def test_an_event_leaves_the_list_when_it_ends(client, clock):
    now = timezone.now()
    EventFactory(title="Sự kiện còn lâu", start_at=now, end_at=now + datetime.timedelta(days=1))
    EventFactory(title="Sự kiện sắp hết", start_at=now, end_at=now + datetime.timedelta(minutes=10))
    assert "Sự kiện sắp hết" in text(client.get("/su-kien/"))
    clock(minutes=9)
    assert_cached(client, "/su-kien/")
    clock(minutes=2)
    page = text(client.get("/su-kien/"))
    assert "Sự kiện sắp hết" not in page and "Sự kiện còn lâu" in page


def test_the_week_of_events_is_cached_and_shows_an_edit(client):
    event = EventFactory(title="Hội nghị trước khi sửa")
    year, week, _day = timezone.localtime(event.start_at).isocalendar()
    url = reverse("events:event_week", kwargs={"year": year, "week": week})
    assert "Hội nghị trước khi sửa" in text(client.get(url))
    assert_cached(client, url)
    event.title = "Hội nghị sau khi sửa"
    event.save()
    assert "Hội nghị sau khi sửa" in text(client.get(url))


def test_a_photo_added_or_deleted_shows_on_its_album_at_once(client):
    album = AlbumFactory()
    url = album.get_absolute_url()
    client.get(url)
    assert_cached(client, url)
    photo = PhotoFactory(album=album)
    assert photo.get_absolute_url() in text(client.get(url))
    assert client.get(photo.get_absolute_url()).status_code == 200
    photo_url = photo.get_absolute_url()
    photo.delete()
    assert photo_url not in text(client.get(url))
    assert client.get(photo_url).status_code == 404


def test_a_documents_file_and_type_show_at_once(client):
    document = DocumentFactory()
    url = document.get_absolute_url()
    client.get(url)
    assert_cached(client, url)
    document_file = DocumentFileFactory(document=document)
    assert document_file.get_absolute_url() in text(client.get(url))
    document.document_type.name = "Công văn hoả tốc"
    document.document_type.save()
    for page in (url, "/van-ban/"):
        assert "Công văn hoả tốc" in text(client.get(page))


def test_the_tag_page_is_cached_and_shows_tagging_renaming_and_untagging(client):
    tag = TagFactory(name="Chuyển đổi số")
    article = ArticleFactory(title="Bài chưa gắn thẻ")
    url = tag.get_absolute_url()
    assert "Bài chưa gắn thẻ" not in text(client.get(url))
    assert_cached(client, url)
    article.tags.add(tag)
    assert "Bài chưa gắn thẻ" in text(client.get(url))
    tag.name = "Chuyển đổi số toàn diện"
    tag.save()
    assert "Chuyển đổi số toàn diện" in text(client.get(url))
    article.title = "Bài đã sửa tên"
    article.save()
    assert "Bài đã sửa tên" in text(client.get(url))
    article.tags.remove(tag)
    assert "Bài đã sửa tên" not in text(client.get(url))
