"""manage.py import_articles: the old site's JSON Lines export (docs/import.md)."""

import io
import json
import re
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command

from news.importing.cleaning import clean_html, clean_text
from news.models import Article, Category, Source, Tag
from organizations.models import Organization
from portal.renditions import social_name
from tests.support import image_bytes

pytestmark = pytest.mark.django_db

DOCS = Path(__file__).resolve().parents[2] / "docs"
EXAMPLE = DOCS / "examples" / "bai-viet-cu.jsonl"
MEDIA = DOCS / "examples" / "media"


def run(path, media_dir=MEDIA):
    """``(stdout, stderr, error)`` of one import; error is the CommandError, if any."""
    out, err = io.StringIO(), io.StringIO()
    args = [str(path)] + (["--media-dir", str(media_dir)] if media_dir else [])
    try:
        call_command("import_articles", *args, stdout=out, stderr=err)
    except CommandError as error:
        return out.getvalue(), err.getvalue(), error
    return out.getvalue(), err.getvalue(), None


def write_lines(tmp_path, *lines, name="export.jsonl"):
    path = tmp_path / name
    path.write_text(
        "\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines) + "\n",
        encoding="utf-8",
    )
    return path


def good(legacy_id=1, **fields):
    return {
        "legacy_id": legacy_id,
        "title": f"Tin cũ số {legacy_id}",
        "published_at": "2018-03-26T07:00:00+07:00",
        "category": "Tin tức",
        **fields,
    }


def stored_files():
    root = Path(default_storage.location)
    return sorted(str(p) for p in root.rglob("*") if p.is_file()) if root.exists() else []


def test_example_file_imports_every_field():
    out, err, error = run(EXAMPLE)
    assert error is None, out
    article = Article.objects.get(legacy_id=4410)
    assert article.title == "Tuổi trẻ Kiên Giang ra quân chiến dịch tình nguyện hè"
    assert article.lead == "(KGO) - Sáng 12/5, hàng trăm đoàn viên thanh niên đã ra quân."
    assert article.is_published and article.read_count == 2201
    assert article.category.name == "Hoạt động Đoàn"
    assert article.organization.name == "Huyện đoàn Châu Thành"
    assert article.source.name == "Báo Kiên Giang"
    assert article.original_url == "https://baokiengiang.vn/tuoi-tre-ra-quan.html"
    assert article.byline == "Minh Anh"
    assert sorted(article.tags.values_list("name", flat=True)) == ["Thanh niên", "Tình nguyện hè"]
    assert article.cover_image.name.startswith("news/import/") and article.cover_width == 320
    assert article.cover_caption == "Đoàn viên tại lễ ra quân"
    # Its copies are made on import, as for an upload: the 1200×630 crop for sharing.
    assert default_storage.exists(social_name(article.cover_image.name))
    assert [(i.caption, i.width) for i in article.images.all()] == [
        ("Hiến máu tình nguyện", 240),
        ("Trồng cây xanh", 240),
    ]
    # The inline picture now shows our stored copy, with its size.
    assert re.search(
        r'<img src="/media/news/import/[0-9a-f/]+\.jpg" alt="Ra quân" width="320" height="200">',
        article.body,
    )
    # Local time when the export gives no offset: 08:30 in Vietnam is 01:30 UTC.
    assert article.published_at.isoformat() == "2019-05-12T01:30:00+00:00"
    assert Article.objects.get(legacy_id=4412).tags.count() == 2  # "Đại hội, Thanh niên"


def test_old_html_is_cleaned_before_the_sanitiser():
    run(EXAMPLE)
    body = Article.objects.get(legacy_id=4410).body
    assert "Buổi lễ ra quân diễn ra tại quảng trường trung tâm." in body  # entities decoded
    assert "font" not in body and "style" not in body and "Times" not in body
    assert "<p>&nbsp;</p>" not in body and "<p></p>" not in body
    assert "alert" not in Article.objects.get(legacy_id=4412).body
    assert clean_text("Đo&agrave;n &amp; H&#7897;i <b>tr&#7867;</b>") == "Đoàn & Hội trẻ"
    assert clean_html("<p><font color=red>a</font></p><p>&nbsp;</p><p> <br> </p>") == "<p>a</p>"
    # Decomposed Unicode (old editors) is stored composed, so it looks and searches the same.
    assert clean_text("Tha\u0300nh") == "Thành"


def test_a_re_run_updates_and_never_duplicates():
    run(EXAMPLE)
    counts = [m.objects.count() for m in (Article, Category, Tag, Source, Organization)]
    files = stored_files()
    Article.objects.filter(legacy_id=4411).update(title="Sửa tay", status="draft")
    out, _err, error = run(EXAMPLE)
    assert error is None
    assert "0 bài mới, 3 bài cập nhật" in out
    assert [m.objects.count() for m in (Article, Category, Tag, Source, Organization)] == counts
    assert stored_files() == files  # pictures are stored once
    article = Article.objects.get(legacy_id=4411)
    assert article.title == 'Hội thi "Rung chuông vàng" cho thiếu nhi' and article.is_published
    assert Article.objects.get(legacy_id=4410).images.count() == 2


def test_a_re_run_keeps_the_reads_counted_here(tmp_path):
    run(write_lines(tmp_path, good(7, read_count=100)), media_dir=None)
    article = Article.objects.get(legacy_id=7)
    article.count_read(5)
    run(write_lines(tmp_path, good(7, read_count=130)), media_dir=None)
    article.refresh_from_db()
    assert article.read_count == 135 and article.legacy_read_count == 130


def test_bad_lines_are_reported_by_number_and_the_good_ones_imported(tmp_path):
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "not-a-picture.jpg").write_text("<?php echo 1; ?>")
    path = write_lines(
        tmp_path,
        good(1),
        "{not json",
        good(3, title=""),
        good(4, published_at="26/03/2018"),
        {**good(5), "legacy_id": "abc"},
        "[1, 2]",
        good(7, cover_image="khong-co.jpg"),
        good(8, cover_image="not-a-picture.jpg"),
        good(9, source_url="khong phai dia chi"),
        "",
        good(11, images=[{"path": "../../../etc/passwd"}]),
        good(12),
    )
    out, _err, error = run(path, media_dir=tmp_path / "media")
    assert isinstance(error, CommandError)
    assert sorted(Article.objects.values_list("legacy_id", flat=True)) == [1, 12]
    lines = {int(n): text for n, text in re.findall(r"^Dòng (\d+): (.*)$", out, re.M)}
    assert sorted(lines) == [2, 3, 4, 5, 6, 7, 8, 9, 11]
    assert "JSON" in lines[2]
    assert "title" in lines[3]
    assert "published_at" in lines[4] and "ISO 8601" in lines[4]
    assert "legacy_id" in lines[5]
    assert "khong-co.jpg" in lines[7] and "không tìm thấy" in lines[7]
    assert "không phải là ảnh hợp lệ" in lines[8]  # the upload's own message
    assert "original_url" in lines[9]
    assert "không tìm thấy" in lines[11]  # nothing outside --media-dir is ever read
    assert "2 bài mới" in out and "9 lỗi" in out


def test_a_bad_line_changes_nothing_stored(tmp_path):
    run(write_lines(tmp_path, good(1, title="Bản gốc", tags=["Cũ"])), media_dir=None)
    before = Article.objects.values().get(legacy_id=1)
    bad = good(1, title="Bản hỏng", category="Chuyên mục mới", tags=["Mới"], source_url="x y")
    _out, _err, error = run(write_lines(tmp_path, bad), media_dir=None)
    assert error is not None
    assert Article.objects.values().get(legacy_id=1) == before
    assert list(Article.objects.get(legacy_id=1).tags.values_list("name", flat=True)) == ["Cũ"]
    # What the failed line created on its way (a category, a tag) went with it.
    assert not Category.objects.filter(name="Chuyên mục mới").exists()
    assert not Tag.objects.filter(name="Mới").exists()


def test_a_picture_is_refused_as_an_upload_would_be(tmp_path, settings):
    settings.IMAGE_MAX_UPLOAD_BYTES = 1000
    (tmp_path / "big.png").write_bytes(image_bytes("PNG", size=(300, 300), color=(1, 2, 3)))
    (tmp_path / "big.png").write_bytes((tmp_path / "big.png").read_bytes() + b"\0" * 2000)
    out, _err, _error = run(write_lines(tmp_path, good(1, cover_image="big.png")), tmp_path)
    assert "Dòng 1:" in out and "quá lớn" in out
    assert not Article.objects.exists()


def test_inline_pictures_that_are_missing_are_reported(tmp_path):
    body = '<p><img src="/anh/mat.jpg"><img src="https://bao.example.vn/anh.jpg" alt="x"></p>'
    out, _err, error = run(write_lines(tmp_path, good(1, body_html=body)), media_dir=tmp_path)
    assert error is None
    body = Article.objects.get(legacy_id=1).body
    assert "/anh/mat.jpg" not in body  # relative: it would be broken here
    assert "https://bao.example.vn/anh.jpg" in body  # absolute: kept, and said so
    assert out.count("Dòng 1: cảnh báo") == 2


def test_progress_bar_and_summary(tmp_path):
    out, err, _error = run(write_lines(tmp_path, good(1), good(2), "{"), media_dir=None)
    assert "3/3" in err and "bài viết/s" in err  # count, total and rate
    assert re.search(r"Xong sau [\d.]+ giây: 2 bài mới, 0 bài cập nhật, 1 lỗi, 0 bỏ qua", out)
    assert "bài mỗi giây" in out


def test_missing_file_or_folder_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="Không tìm thấy tệp"):
        call_command("import_articles", str(tmp_path / "khong-co.jsonl"))
    with pytest.raises(CommandError, match="Không tìm thấy thư mục"):
        call_command("import_articles", str(EXAMPLE), "--media-dir", str(tmp_path / "khong"))


def test_old_site_link_leads_to_the_imported_article(client):
    run(EXAMPLE)
    response = client.get("/news.php", {"id": "4410"})
    assert response.status_code == 301
    assert response["Location"] == Article.objects.get(legacy_id=4410).get_absolute_url()


def test_admin_shows_the_old_ids_read_only(admin_client):
    run(EXAMPLE)
    article = Article.objects.get(legacy_id=4410)
    page = admin_client.get(f"/admin/news/article/{article.pk}/change/").content.decode()
    assert "4410" in page and "Trang cũ" in page
    assert 'name="legacy_id"' not in page and 'name="wordpress_id"' not in page
