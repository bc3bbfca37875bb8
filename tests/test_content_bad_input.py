"""Hostile input on the pages of documents, albums, events and contact: a 4xx, never a 500,
and nothing stored changes."""

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contact.models import ContactMessage
from documents.models import Document, DocumentFile
from events.models import Event
from galleries.models import Album
from tests.factories import (
    AlbumFactory,
    DocumentFileFactory,
    EventFactory,
    PhotoFactory,
    VideoFactory,
)
from tests.support import BROWSER, HOSTILE, RAW_QUERIES

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader():
    return Client(raise_request_exception=False, HTTP_USER_AGENT=BROWSER)


@pytest.fixture
def content():
    document_file = DocumentFileFactory()
    photo = PhotoFactory(album=AlbumFactory())
    return {
        "file": document_file,
        "photo": photo,
        "event": EventFactory(),
        "video": VideoFactory(),
    }


def urls(content):
    document = content["file"].document
    photo = content["photo"]
    return {
        "/van-ban/": ["q", "type", "issuer", "year", "page"],
        "/van-ban/rss/": ["x"],
        document.get_absolute_url(): ["x"],
        content["file"].get_absolute_url(): ["x"],
        "/thu-vien-anh/": ["page"],
        photo.album.get_absolute_url(): ["x"],
        photo.get_absolute_url(): ["x"],
        "/su-kien/": ["page"],
        "/su-kien/lich.ics": ["x"],
        "/su-kien/tuan/": ["x"],
        "/su-kien/tuan/2026/48/": ["x"],
        content["event"].get_absolute_url(): ["x"],
        "/lien-he/": ["x"],
        "/video/": ["page"],
        content["video"].get_absolute_url(): ["x"],
        "/lien-he/da-gui/": ["x"],
    }


def stored():
    return [
        list(model.objects.values().order_by("pk"))
        for model in (Document, DocumentFile, Album, Event, ContactMessage)
    ]


def test_hostile_query_values_never_give_a_5xx(content, reader):
    before = stored()
    for url, params in urls(content).items():
        for param in params:
            for value in HOSTILE:
                response = reader.get(url, {param: value})
                assert response.status_code < 500, (url, param, value[:20])
        for raw in RAW_QUERIES:
            assert reader.get(f"{url}?{raw}=1&q={raw}").status_code < 500, (url, raw)
    assert stored() == before


def test_odd_methods_never_give_a_5xx_nor_store_anything(content, reader):
    before = stored()
    for url in urls(content):
        for method in ("POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"):
            response = reader.generic(method, url, b"\xff\xfe garbage")
            assert response.status_code < 500, (method, url)
    assert stored() == before


@pytest.mark.parametrize(
    "path",
    [
        "/van-ban/x-0/",
        "/van-ban/tep/99999999999999999999/",
        "/thu-vien-anh/x-99999/anh/1/",
        "/su-kien/tuan/2026/99/",
        "/su-kien/tuan/0/1/",
        "/su-kien/x-1/",
        "/video/x-99999/",
    ],
)
def test_addresses_that_do_not_exist_are_vietnamese_404s(reader, path):
    response = reader.get(path)
    assert response.status_code == 404
    assert "Không tìm thấy" in response.content.decode()


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    values=st.fixed_dictionaries(
        {
            "q": st.text(max_size=200),
            "type": st.text(max_size=20),
            "issuer": st.text(max_size=20),
            "year": st.one_of(st.text(max_size=10), st.integers().map(str)),
            "page": st.text(max_size=10),
        }
    )
)
def test_register_filters_take_any_text(reader, values):
    assert reader.get("/van-ban/", values).status_code in (200, 400, 404)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.fixed_dictionaries(
        {
            "name": st.text(max_size=300),
            "email": st.text(max_size=300),
            "phone": st.text(max_size=30),
            "subject": st.text(max_size=300),
            "message": st.text(max_size=300),
            "website": st.text(max_size=5),
            "started": st.text(max_size=80),
        }
    )
)
def test_the_contact_form_takes_any_text_without_storing_it(reader, data):
    response = reader.post("/lien-he/", data)
    assert response.status_code in (400, 429)
    assert not ContactMessage.objects.exists()


@pytest.mark.parametrize(
    "path",
    [
        "/admin/documents/document/?issued_on__year=99999999999&issued_on__month=99",
        "/admin/documents/document/?document_type__id__exact=99999999999999999999999",
        "/admin/documents/document/?q=%00",
        "/admin/galleries/album/?published_at__year=99999999999",
        "/admin/events/event/?start_at__year=0",
        "/admin/videos/video/?published_at__year=99999999999",
        "/admin/contact/contactmessage/?created_at__year=99999999999",
        "/admin/contact/contactmessage/?is_handled__exact=%00",
    ],
)
def test_hostile_admin_filters_never_give_a_5xx(admin_client, path):
    admin_client.raise_request_exception = False
    assert admin_client.get(path).status_code < 500
