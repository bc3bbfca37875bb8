"""manage.py import_wordpress: WordPress export files (WXR), read safely."""

import io
import re
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from news.importing.cleaning import wordpress_paragraphs, wordpress_shortcodes
from news.models import Article, Category

pytestmark = pytest.mark.django_db

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"
EXAMPLE = EXAMPLES / "wordpress.xml"

WXR_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/{v}/"
 xmlns:excerpt="http://wordpress.org/export/{v}/excerpt/"><channel><wp:wxr_version>{v}</wp:wxr_version>
"""


def post(post_id, title, **extra):
    fields = {"post_type": "post", "status": "publish", "post_date": "2019-01-02 08:00:00"}
    fields.update(extra)
    wp = "".join(f"<wp:{k}><![CDATA[{v}]]></wp:{k}>" for k, v in fields.items())
    return (
        f"<item><title>{title}</title><content:encoded><![CDATA[<p>Nội dung {post_id}</p>]]>"
        f"</content:encoded><wp:post_id>{post_id}</wp:post_id>{wp}</item>"
    )


def wxr(tmp_path, *items, version="1.2", prolog=""):
    path = tmp_path / "export.xml"
    head = WXR_HEAD.format(v=version)
    if prolog:
        head = head.replace('<?xml version="1.0" encoding="UTF-8"?>\n', prolog)
    path.write_text(head + "".join(items) + "</channel></rss>", encoding="utf-8")
    return path


def run(path, media_dir=EXAMPLES / "media"):
    out, err = io.StringIO(), io.StringIO()
    args = [str(path)] + (["--media-dir", str(media_dir)] if media_dir else [])
    try:
        call_command("import_wordpress", *args, stdout=out, stderr=err)
    except CommandError as error:
        return out.getvalue(), err.getvalue(), error
    return out.getvalue(), err.getvalue(), None


def test_example_export_maps_posts_statuses_authors_tags_and_cover():
    out, err, error = run(EXAMPLE)
    assert error is None, out
    assert Article.objects.count() == 4
    post = Article.objects.get(wordpress_id=21)
    assert post.title == 'Hội trại tổng kết "Mùa hè xanh" 2020'
    assert post.lead == "Hội trại khép lại chiến dịch tình nguyện."
    assert post.is_published and post.byline == "Ngọc Hân" and post.read_count == 1502
    assert post.wordpress_slug == "hoi-trai-tong-ket-mua-he-xanh"
    assert list(post.tags.values_list("name", flat=True)) == ["Mùa hè xanh"]
    assert post.published_at.isoformat() == "2020-03-15T13:00:00+00:00"  # post_date_gmt
    # The featured image: the attachment found under --media-dir by its URL's path.
    assert post.cover_image.name.startswith("news/import/") and post.cover_width == 320
    assert (post.cover_caption, post.cover_alt) == (
        "Lửa trại đêm tổng kết",
        "Đoàn viên quanh lửa trại",
    )
    # Paragraphs from blank lines, a line break from a single one.
    assert "<p>Hơn 300 đoàn viên tham gia.<br>\nChương trình kéo dài đến 22 giờ.</p>" in post.body
    statuses = dict(Article.objects.values_list("wordpress_id", "status"))
    assert statuses == {21: "published", 30: "draft", 31: "draft", 32: "published"}
    assert not Article.objects.get(wordpress_id=32).is_published  # "future": scheduled
    assert "4 bài mới" in out and "6/6" in err  # every item counts in the progress


def test_caption_becomes_a_figure_and_other_shortcodes_are_removed_and_reported():
    out, _err, _error = run(EXAMPLE)
    body = Article.objects.get(wordpress_id=21).body
    assert re.search(
        r'<figure class="image image-style-align-center"><img src="/media/news/import/[^"]+" '
        r'alt="Mùa hè xanh" width="300" height="200"><figcaption>Các đội hình tình nguyện nhận '
        r"bằng khen</figcaption></figure>",
        body,
    )
    assert "[gallery" not in body and "[caption" not in body
    assert "Mục 2: cảnh báo: đã bỏ mã ngắn (shortcode): gallery" in out
    assert "Mục 5: cảnh báo: đã bỏ mã ngắn (shortcode): embed" in out
    assert "[embed]" not in Article.objects.get(wordpress_id=31).body


def test_nested_categories_are_folded_into_our_two_levels_and_reported():
    out, _err, _error = run(EXAMPLE)
    parent = Category.objects.get(name="Hoạt động", parent=None)
    child = Category.objects.get(name="Tin cơ sở")
    assert child.parent == parent
    assert not Category.objects.filter(name="Huyện Châu Thành").exists()
    assert Article.objects.get(wordpress_id=21).category == child  # folded from level 3
    assert Article.objects.get(wordpress_id=31).category == child
    assert Article.objects.get(wordpress_id=30).category == parent
    assert "Hoạt động › Tin cơ sở › Huyện Châu Thành" in out and "Tin cơ sở." in out


def test_pages_and_attachments_are_reported_and_skipped():
    out, _err, _error = run(EXAMPLE)
    assert "Mục 4: bỏ qua: 'Giới thiệu' là page, không phải bài viết" in out
    assert "1 tệp đính kèm" in out
    assert "2 bỏ qua" in out
    assert not Article.objects.filter(title="Giới thiệu").exists()


def test_a_re_run_updates_and_never_duplicates():
    run(EXAMPLE)
    categories = Category.objects.count()
    Article.objects.filter(wordpress_id=21).update(title="Sửa tay")
    out, _err, error = run(EXAMPLE)
    assert error is None and "0 bài mới, 4 bài cập nhật" in out
    assert Article.objects.count() == 4 and Category.objects.count() == categories
    assert Article.objects.get(wordpress_id=21).title.startswith("Hội trại tổng kết")


def test_a_bad_item_is_reported_by_number_and_the_others_imported(tmp_path):
    path = wxr(
        tmp_path,
        post(1, "Bài tốt"),
        post(2, ""),
        post("x", "Số hỏng"),
        post(4, "Không ngày", post_date="", status="publish"),
        post(5, "Bài thùng rác", status="trash"),
        post(6, "Bài tốt nữa"),
    )
    out, _err, error = run(path, media_dir=None)
    assert isinstance(error, CommandError)
    assert sorted(Article.objects.values_list("wordpress_id", flat=True)) == [1, 6]
    assert re.search(r"^Mục 2: không nhập được: .*tiêu đề", out, re.M)
    assert re.search(r"^Mục 3: không nhập được: .*post_id", out, re.M)
    assert re.search(r"^Mục 4: không nhập được: .*ngày", out, re.M)
    assert re.search(r"^Mục 5: bỏ qua: .*'trash'", out, re.M)


def test_wxr_1_0_and_1_1_files_are_read(tmp_path):
    for version, post_id in (("1.0", 41), ("1.1", 42)):
        run(wxr(tmp_path, post(post_id, f"Bài WXR {version}"), version=version), media_dir=None)
        assert Article.objects.get(wordpress_id=post_id).title == f"Bài WXR {version}"


def test_external_entities_are_refused_and_nothing_is_imported(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("mat-khau-bi-mat")
    prolog = f'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]>\n'
    path = wxr(tmp_path, post(1, "&xxe;"), prolog=prolog)
    with pytest.raises(CommandError, match="khai báo thực thể XML"):
        call_command("import_wordpress", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    assert not Article.objects.exists()


def test_billion_laughs_is_refused_and_nothing_is_imported(tmp_path):
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    )
    prolog = f'<?xml version="1.0"?>\n<!DOCTYPE rss [{entities}]>\n'
    path = wxr(tmp_path, post(1, "&lol9;"), prolog=prolog)
    with pytest.raises(CommandError, match="khai báo thực thể XML"):
        call_command("import_wordpress", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    assert not Article.objects.exists()


def test_broken_or_foreign_files_are_a_clear_error(tmp_path):
    broken = tmp_path / "broken.xml"
    broken.write_text("<rss><channel><item><title>Hỏng</title></channel>")
    with pytest.raises(CommandError, match="không phải XML hợp lệ"):
        call_command("import_wordpress", str(broken))
    foreign = tmp_path / "feed.xml"
    foreign.write_text(
        '<rss version="2.0"><channel><item><title>RSS</title></item></channel></rss>'
    )
    with pytest.raises(CommandError, match="không phải tệp xuất của WordPress"):
        call_command("import_wordpress", str(foreign))
    assert not Article.objects.exists()


def test_shortcodes_and_paragraphs():
    assert wordpress_shortcodes("[[gallery]] và [Ảnh minh họa] [anh minh hoa]") == (
        "[gallery] và [Ảnh minh họa] [anh minh hoa]",
        [],
    )
    html, removed = wordpress_shortcodes(
        '[caption caption="Chú thích &amp; ảnh"]<img src="a.jpg" />[/caption][audio src="a.mp3"]'
    )
    assert (
        html == '<figure class="image"><img src="a.jpg" /><figcaption>Chú thích &amp; ảnh'
        "</figcaption></figure>"
    )
    assert removed == ["audio"]
    assert wordpress_paragraphs("Một\nhai\n\n<h2>Ba</h2>") == "<p>Một<br>\nhai</p>\n<h2>Ba</h2>"
