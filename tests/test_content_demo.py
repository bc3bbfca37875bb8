"""`manage.py demo` gives every kind of content a few items, and stays idempotent."""

import pytest
from django.core.management import call_command

from contact.models import ContactMessage
from documents.models import Document, DocumentFile
from events.models import Event
from galleries.models import Album, Photo
from videos.models import Video

pytestmark = pytest.mark.django_db
MODELS = [Document, DocumentFile, Album, Photo, Event, Video, ContactMessage]


def counts():
    return {model.__name__: model.objects.count() for model in MODELS}


def test_demo_creates_a_few_items_of_each_kind_and_twice_changes_nothing(client, capsys):
    call_command("demo")
    first = counts()
    assert all(count >= 2 for count in first.values()), first
    assert Document.objects.filter(articles__isnull=False).exists()
    call_command("demo")
    assert counts() == first
    for url in ["/van-ban/", "/thu-vien-anh/", "/su-kien/", "/video/", "/lien-he/"]:
        assert client.get(url).status_code == 200, url
    document = Document.objects.first()
    response = client.get(document.files.first().get_absolute_url())
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"


def test_demo_on_a_site_with_articles_fills_only_the_kinds_that_are_empty(capsys):
    call_command("demo")
    Event.objects.all().delete()
    titles = set(Video.objects.values_list("title", flat=True))
    call_command("demo")
    assert Event.objects.count() >= 3
    assert set(Video.objects.values_list("title", flat=True)) == titles
