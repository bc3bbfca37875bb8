"""Pictures whose files are gone (a deleted cover, body pictures lost with a folder).

The page still shows; each missing file is noticed once, in one log line, and remembered, so
the next views neither ask the storage again nor write the log again.
"""

import logging
import re

import pytest
from django.conf import settings
from django.core.cache import cache

from portal.renditions import UNREADABLE_SECONDS
from tests.conftest import image_bytes
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

MISSING = 100


def _article_with_missing_pictures():
    body = "".join(
        f'<figure class="image"><img src="/media/news/body/2026/01/mat-{n}.jpg" '
        f'width="800" height="600" alt="Ảnh {n}"></figure>'
        for n in range(MISSING)
    )
    article = ArticleFactory(body=body)
    article.cover_image.name = "news/covers/2026/01/bia-da-xoa.jpg"
    article.cover_width, article.cover_height = 1600, 900
    article.save()
    return article


def _rendition_warnings(caplog):
    return [r for r in caplog.records if r.name == "portal.renditions"]


def test_missing_pictures_are_noticed_once_and_not_retried_on_every_view(client, caplog):
    article = _article_with_missing_pictures()
    url = article.get_absolute_url()

    with caplog.at_level(logging.WARNING):
        first = client.get(url)
    assert first.status_code == 200
    page = first.content.decode()
    assert len(re.findall(r'<img src="/media/news/body/2026/01/mat-\d+\.jpg"', page)) == MISSING
    warnings = _rendition_warnings(caplog)
    # One line per missing file (the 100 pictures and the cover), no traceback: before, each
    # picture was tried once per size, each with a traceback, on every view.
    assert len(warnings) == MISSING + 1
    assert all(record.exc_info is None for record in warnings)
    assert all("\n" not in record.getMessage() for record in warnings)

    # Put one file back: within the remembered period it is not looked at again.
    restored = settings.MEDIA_ROOT / "news/body/2026/01/mat-0.jpg"
    restored.parent.mkdir(parents=True, exist_ok=True)
    restored.write_bytes(image_bytes(size=(800, 600)))
    caplog.clear()
    with caplog.at_level(logging.DEBUG):
        for _ in range(3):
            assert client.get(url).status_code == 200
    assert _rendition_warnings(caplog) == []
    assert not (settings.MEDIA_ROOT / "renditions").exists()  # nothing was tried

    # Once the mark expires (an hour), the restored picture gets its smaller copies.
    assert UNREADABLE_SECONDS == 60 * 60
    cache.delete("rendition:unreadable:news/body/2026/01/mat-0.jpg")
    page = client.get(url).content.decode()
    assert "mat-0.w360.webp 360w" in page
    assert "mat-1.w360.webp" not in page
