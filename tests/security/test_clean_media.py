"""manage.py clean_media: lists the files no row uses (dry run), deletes only those."""

import os
import time
from io import StringIO
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command

from portal.renditions import social_name
from tests.factories import ArticleFactory, ArticleImageFactory, SponsorFactory
from tests.support import image_bytes

pytestmark = pytest.mark.django_db

DAY_AND_A_HALF_AGO = time.time() - 36 * 3600


def stored(name, age=DAY_AND_A_HALF_AGO):
    name = default_storage.save(name, ContentFile(image_bytes()))
    os.utime(default_storage.path(name), (age, age))
    return name


def run(*args):
    out = StringIO()
    call_command("clean_media", *args, stdout=out)
    return out.getvalue()


def all_files(settings):
    root = Path(settings.MEDIA_ROOT)
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


@pytest.fixture
def media(settings):
    """A media folder with files in use of every kind and orphans of every kind."""
    article = ArticleFactory(
        cover_image=ContentFile(image_bytes("JPEG", size=(500, 300)), name="bia.jpg")
    )
    cover = article.cover_image  # its smaller copy (360 px) was made when it was stored
    body_picture = stored("news/body/2026/05/anh-trong-bai.jpg")
    quoted = stored("news/body/2026/05/anh co dau cach.jpg")
    article.body = (
        f'<figure class="image"><img src="/media/{body_picture}" width="800"></figure>'
        f'<p><img src="/media/{quoted.replace(" ", "%20")}"></p>'
    )
    article.save()
    gallery = ArticleImageFactory(article=article).image.name
    sponsor = SponsorFactory()
    in_use = {
        cover.name,
        f"renditions/{cover.name.rsplit('.', 1)[0]}.w360.webp",
        body_picture,
        quoted,
        gallery,
        sponsor.logo.name,
        sponsor.logo_1x.name,
        sponsor.logo_2x.name,
    }
    deleted = ArticleFactory(with_cover=True)
    deleted_cover = deleted.cover_image.name
    deleted.delete()
    orphans = {
        stored("news/body/2026/01/bo-do.jpg"),  # uploaded into an article never saved
        stored("renditions/news/2025/12/da-xoa.w720.webp"),
        deleted_cover,
    }
    os.utime(default_storage.path(deleted_cover), (DAY_AND_A_HALF_AGO, DAY_AND_A_HALF_AGO))
    for name in in_use:
        os.utime(default_storage.path(name), (DAY_AND_A_HALF_AGO, DAY_AND_A_HALF_AGO))
    # Covers and gallery pictures get a 1200×630 crop for sharing when stored: the crop of a
    # picture in use is in use, the crop of the deleted article's cover is not.
    on_disk = all_files(settings)
    in_use |= {social_name(name) for name in in_use} & on_disk
    orphans |= {social_name(name) for name in orphans} & on_disk
    assert social_name(cover.name) in in_use and social_name(deleted_cover) in orphans
    for name in in_use | orphans:
        os.utime(default_storage.path(name), (DAY_AND_A_HALF_AGO, DAY_AND_A_HALF_AGO))
    recent = stored("news/body/2026/06/dang-viet.jpg", age=time.time())
    assert all_files(settings) == in_use | orphans | {recent}
    return {"in_use": in_use, "orphans": orphans, "recent": recent}


def test_dry_run_lists_exactly_the_orphans_and_deletes_nothing(media, settings):
    before = all_files(settings)
    out = run()
    listed = {line.strip().rsplit("  (", 1)[0] for line in out.splitlines() if line[:2] == "  "}
    assert listed == media["orphans"]
    assert f"{len(media['orphans'])} tệp không dùng" in out and "--delete" in out
    assert "1 tệp không dùng mới hơn 24 giờ được giữ lại" in out
    assert all_files(settings) == before


def test_delete_removes_only_the_orphans(media, settings):
    out = run("--delete")
    assert f"Đã xoá {len(media['orphans'])} tệp không dùng" in out
    assert all_files(settings) == media["in_use"] | {media["recent"]}
    assert not (Path(settings.MEDIA_ROOT) / "news/body/2026/01").exists()  # emptied folder
    assert "Không có tệp nào không dùng." in run("--delete")


def test_older_than_zero_takes_the_recent_upload_too(media, settings):
    run("--delete", "--older-than", "0")
    assert all_files(settings) == media["in_use"]


def test_media_on_object_storage_is_refused_in_vietnamese(settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
    with pytest.raises(CommandError, match="chỉ dùng được với"):
        run()
