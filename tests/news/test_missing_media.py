"""Pictures whose files are gone (a deleted cover, body pictures lost with a folder).

Copies are made when an article is saved, never when a page is shown: a missing file is
noticed then, in one log line without a traceback, and page views never ask the storage
about it nor write a log line.
"""

import logging
import re

import pytest
from django.conf import settings

from tests.factories import ArticleFactory
from tests.support import image_bytes

pytestmark = pytest.mark.django_db

MISSING = 100


def _body():
    return "".join(
        f'<figure class="image"><img src="/media/news/body/2026/01/mat-{n}.jpg" '
        f'width="800" height="600" alt="Ảnh {n}"></figure>'
        for n in range(MISSING)
    )


def _rendition_warnings(caplog):
    return [r for r in caplog.records if r.name == "portal.renditions"]


def test_missing_pictures_are_noticed_once_on_save_and_never_on_a_view(client, caplog):
    with caplog.at_level(logging.WARNING):
        article = ArticleFactory(body=_body())
        article.cover_image.name = "news/covers/2026/01/bia-da-xoa.jpg"
        article.cover_width, article.cover_height = 1600, 900
        article.save()
    warnings = _rendition_warnings(caplog)
    # One line per missing file and save, no traceback.
    assert len(warnings) == 2 * MISSING
    assert all(record.exc_info is None for record in warnings)
    assert all("\n" not in record.getMessage() for record in warnings)

    caplog.clear()
    url = article.get_absolute_url()
    with caplog.at_level(logging.DEBUG):
        for _ in range(3):
            page = client.get(url)
            assert page.status_code == 200
    text = page.content.decode()
    assert len(re.findall(r'<img src="/media/news/body/2026/01/mat-\d+\.jpg"', text)) == MISSING
    assert _rendition_warnings(caplog) == []
    assert not (settings.MEDIA_ROOT / "renditions").exists()  # nothing was tried

    # A file put back gets its smaller copies when the article is next saved.
    restored = settings.MEDIA_ROOT / "news/body/2026/01/mat-0.jpg"
    restored.parent.mkdir(parents=True, exist_ok=True)
    restored.write_bytes(image_bytes(size=(800, 600)))
    article.save()
    text = client.get(url).content.decode()
    assert "mat-0.w360.webp 360w" in text
    assert "mat-1.w360.webp" not in text
