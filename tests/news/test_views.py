import datetime
import re

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from django.views.defaults import server_error

from news.models import Article
from organizations.models import SiteIdentity
from tests.factories import (
    ArticleFactory,
    ArticleImageFactory,
    CategoryFactory,
    OrganizationFactory,
    SiteIdentityFactory,
    SourceFactory,
    TagFactory,
)
from tests.support import page_queries

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _site_identity(db):
    SiteIdentityFactory(
        site_name="Tỉnh đoàn Kiên Giang",
        tagline=(
            "Diễn đàn của Đoàn TNCS Hồ Chí Minh, Hội LHTN Việt Nam, Đội TNTP HCM tỉnh Kiên Giang"
        ),
        address="06 Nguyễn Công Trứ, Rạch Giá",
        phone="0297 3862 123",
        email="tinhdoan@kiengiang.gov.vn",
        content_responsible="Nguyễn Văn A",
        licence="Giấy phép số 12/GP-TTĐT",
    )


def text(response):
    return re.sub(r"\s+", " ", response.content.decode())


def count_queries(client, url):
    return page_queries(client, url)


def make_articles(n, **kwargs):
    """``n`` published articles with every relation a page may show."""
    tags = [TagFactory(), TagFactory()]
    source = SourceFactory()
    for _ in range(n):
        article = ArticleFactory(source=source, tags=tags, **kwargs)
        ArticleImageFactory(article=article)


# The frame of every page


def test_frame_shows_site_identity_menu_and_search(client):
    parent = CategoryFactory(name="Tin hoạt động", order=1)
    CategoryFactory(name="Huyện đoàn", parent=parent)
    CategoryFactory(name="Ẩn khỏi menu", is_in_menu=False)
    body = text(client.get("/"))
    assert "Tỉnh đoàn Kiên Giang" in body
    assert "Diễn đàn của Đoàn TNCS Hồ Chí Minh" in body
    for line in ["06 Nguyễn Công Trứ", "0297 3862 123", "tinhdoan@kiengiang.gov.vn"]:
        assert line in body
    assert "Chịu trách nhiệm nội dung: Nguyễn Văn A" in body
    assert "Giấy phép số 12/GP-TTĐT" in body
    assert 'href="/chuyen-muc/tin-hoat-dong/">Tin hoạt động</a>' in body
    assert '<ul class="submenu"> <li><a href="/chuyen-muc/huyen-doan/">Huyện đoàn</a>' in body
    assert "Ẩn khỏi menu" not in body
    assert '<label for="search-q" class="visually-hidden">Tìm kiếm tin tức</label>' in body
    assert 'class="skip-link" href="#main"' in body
    assert "<main" in body and "<aside" in body and "<footer" in body


def test_identity_edited_in_admin_shows_on_next_page(client):
    SiteIdentity.objects.filter(pk=1).update(site_name="Tỉnh đoàn An Giang")
    assert "Tỉnh đoàn An Giang" in text(client.get("/"))


def test_sidebar_lists_most_read_first(client):
    ArticleFactory(title="Ít người đọc").count_read(3)
    ArticleFactory(title="Nhiều người đọc").count_read(500)
    ArticleFactory(title="Bản nháp được đọc nhiều", draft=True).count_read(9999)
    body = text(client.get("/"))
    box = body[body.index('class="box most-read"') :]
    assert "Tin đọc nhiều" in box
    assert box.index("Nhiều người đọc") < box.index("Ít người đọc")
    assert "Bản nháp" not in box


# Home


def test_home_shows_featured_latest_and_a_block_per_menu_category(client):
    section = CategoryFactory(name="Phong trào", order=1)
    sub = CategoryFactory(name="Tình nguyện hè", parent=section)
    hidden = CategoryFactory(name="Lưu trữ", is_in_menu=False)
    ArticleFactory(title="Tin nổi bật đầu trang", is_featured=True, category=section)
    ArticleFactory(title="Tin của chuyên mục con", category=sub)
    ArticleFactory(title="Tin không có trong menu", category=hidden)
    ArticleFactory(title="Tin nháp", draft=True, category=section)
    ArticleFactory(title="Tin hẹn giờ", scheduled=True, category=section)
    response = client.get("/")
    body = text(response)
    assert [a.title for a in response.context["featured"]] == ["Tin nổi bật đầu trang"]
    sections = dict(response.context["sections"])
    assert [c.name for c in sections] == ["Phong trào"]
    assert {a.title for a in sections[section]} == {
        "Tin nổi bật đầu trang",
        "Tin của chuyên mục con",
    }
    assert "Tin không có trong menu" in body  # in the latest news, not in a block
    assert "Tin nháp" not in body and "Tin hẹn giờ" not in body


def test_home_section_blocks_show_the_newest_four(client):
    section = CategoryFactory()
    now = timezone.now()
    for hours in range(1, 7):
        ArticleFactory(
            title=f"Tin {hours} giờ trước",
            category=section,
            published_at=now - datetime.timedelta(hours=hours),
        )
    sections = dict(client.get("/").context["sections"])
    assert [a.title for a in sections[section]] == [f"Tin {h} giờ trước" for h in range(1, 5)]


@pytest.mark.parametrize("path", ["/"])
def test_home_queries_do_not_grow_with_articles(client, path):
    categories = [CategoryFactory(), CategoryFactory()]
    CategoryFactory(parent=categories[0])
    make_articles(5, category=categories[0], is_featured=True)
    few = count_queries(client, path)
    make_articles(45, category=categories[1], is_featured=True)
    # The sections and their sub-categories are kept in the cache. Then the ids of the
    # featured, the latest and each section's newest articles (one statement on PostgreSQL;
    # one per list on SQLite, here 4), then every row in one query.
    expected = 2 if connection.features.supports_slicing_ordering_in_compound else 5
    assert count_queries(client, path) == few == expected


# Category page


def test_category_includes_sub_categories_newest_first_20_a_page(client):
    parent = CategoryFactory(name="Tin tức")
    child = CategoryFactory(name="Cơ sở", parent=parent)
    now = timezone.now()
    for i in range(25):
        ArticleFactory(
            title=f"Bài {i:02d}",
            category=child if i % 2 else parent,
            published_at=now - datetime.timedelta(minutes=i + 1),
        )
    ArticleFactory(title="Bài nháp", draft=True, category=parent)
    first = client.get(parent.get_absolute_url())
    assert [a.title for a in first.context["page"]] == [f"Bài {i:02d}" for i in range(20)]
    second = client.get(parent.get_absolute_url() + "?page=2")
    assert [a.title for a in second.context["page"]] == [f"Bài {i:02d}" for i in range(20, 25)]
    assert 'href="?page=2"' in text(first)
    assert "Bài nháp" not in text(first) + text(second)
    assert "Cơ sở" in text(first)  # a link to the sub-category


@pytest.mark.parametrize("page", ["abc", "0", "-1", "3", "99999999999999999999", "1.5"])
def test_category_page_number_out_of_range_is_404_not_500(client, page):
    category = CategoryFactory()
    for _ in range(21):
        ArticleFactory(category=category)
    response = client.get(category.get_absolute_url(), {"page": page})
    assert response.status_code == 404
    assert "Không tìm thấy trang" in text(response)


def test_category_empty_page_parameter_is_the_first_page(client):
    category = CategoryFactory()
    response = client.get(category.get_absolute_url() + "?page=")
    assert response.status_code == 200
    assert response.context["page"].number == 1


def test_unknown_category_is_404(client):
    assert client.get("/chuyen-muc/khong-co/").status_code == 404


def test_category_queries_do_not_grow_with_articles(client):
    category = CategoryFactory()
    CategoryFactory(parent=category)
    make_articles(5, category=category)
    few = count_queries(client, category.get_absolute_url())
    make_articles(45, category=category)
    # the category, its sub-categories (menu, and all for the list), the page's ids from the
    # index, then its rows (a deferred join); the count is kept in the cache
    assert count_queries(client, category.get_absolute_url()) == few == 5


# Article page


def test_article_shows_date_source_read_count_and_tags(client):
    source = SourceFactory(name="Báo Kiên Giang")
    tag = TagFactory(name="Thanh niên tình nguyện")
    article = ArticleFactory(
        title="Dân vận khéo",
        lead="(KGO) - Mở đầu bài.",
        body="<p>Đoạn thân bài.</p>",
        source=source,
        original_url="https://baokiengiang.vn/bai-goc",
        original_author="Trần Thị B",
        original_published_at=datetime.datetime(2026, 11, 26, 1, 0, tzinfo=datetime.UTC),
        published_at=datetime.datetime(2026, 11, 27, 2, 30, tzinfo=datetime.UTC),
        tags=[tag],
    )
    Article.objects.filter(pk=article.pk).update(read_count=2201)
    body = text(client.get(article.get_absolute_url()))
    assert '<h1 class="article-title">Dân vận khéo</h1>' in body
    assert "Thứ Sáu, 27/11/2026 - 09:30" in body
    assert '<a href="https://baokiengiang.vn/bai-goc" rel="noopener">Báo Kiên Giang</a>' in body
    assert "Trần Thị B, <time" in body and "Thứ Năm, 26/11/2026 - 08:00" in body
    assert 'Số lần đọc: <span id="read-count">2.201</span>' in body
    assert "Thanh niên tình nguyện" in body
    assert "(KGO) - Mở đầu bài." in body and "<p>Đoạn thân bài.</p>" in body


def test_article_shows_breadcrumb_gallery_share_and_print(client):
    parent = CategoryFactory(name="Tin tức")
    article = ArticleFactory(category=CategoryFactory(name="Cơ sở", parent=parent))
    ArticleImageFactory(article=article, caption="Ra quân tình nguyện", alt_text="Đoàn viên")
    body = text(client.get(article.get_absolute_url()))
    crumbs = body[body.index('class="breadcrumb"') :]
    assert crumbs.index("Trang chủ") < crumbs.index("Tin tức") < crumbs.index("Cơ sở")
    assert "Ra quân tình nguyện" in body and 'alt="Đoàn viên"' in body
    assert (
        "https://www.facebook.com/sharer/sharer.php?u=http%3A%2F%2Ftestserver%2Ftin-tuc%2F" in body
    )
    assert "Zalo" in body and "Sao chép liên kết" in body and "In bài" in body
    assert 'href="/static/css/print.css" media="print"' in body


def test_related_news_picked_first_then_shared_tags_then_category(client):
    category = CategoryFactory()
    tag = TagFactory()
    now = timezone.now()

    def at(hours, **kwargs):
        return ArticleFactory(published_at=now - datetime.timedelta(hours=hours), **kwargs)

    article = at(1, category=category, tags=[tag])
    picked_old = at(50, category=CategoryFactory())
    same_tag = at(10, category=CategoryFactory(), tags=[tag])
    same_category_new = at(2, category=category)
    same_category_old = at(20, category=category)
    at(3, category=CategoryFactory())  # unrelated
    draft_picked = at(4, draft=True, category=category)
    article.related_articles.set([picked_old, draft_picked])
    related = client.get(article.get_absolute_url()).context["related"]
    assert related == [picked_old, same_tag, same_category_new, same_category_old]


def test_related_news_stops_at_six_and_never_holds_the_article_itself(client):
    category = CategoryFactory()
    article = ArticleFactory(category=category)
    article.related_articles.set([article, *ArticleFactory.create_batch(3)])
    ArticleFactory.create_batch(5, category=category)
    related = client.get(article.get_absolute_url()).context["related"]
    assert len(related) == 6
    assert article not in related
    assert len(set(related)) == 6


def test_article_with_an_old_slug_redirects_permanently(client):
    article = ArticleFactory()
    response = client.get(reverse("news:article_detail", kwargs={"slug": "cu", "pk": article.pk}))
    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url()


@pytest.mark.parametrize("trait", ["draft", "scheduled"])
def test_unpublished_article_is_404_for_readers(client, trait):
    article = ArticleFactory(**{trait: True})
    response = client.get(article.get_absolute_url())
    assert response.status_code == 404


@pytest.mark.parametrize("trait", ["draft", "scheduled"])
def test_staff_preview_shows_banner_and_is_not_indexed(editor_client, trait):
    article = ArticleFactory(**{trait: True})
    response = editor_client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert response.context["is_preview"] is True
    body = text(response)
    assert "Bản xem trước" in body
    assert '<meta name="robots" content="noindex">' in body
    assert response["X-Robots-Tag"] == "noindex"
    assert "no-cache" in response["Cache-Control"]


def test_published_article_is_not_a_preview_even_for_staff(editor_client):
    response = editor_client.get(ArticleFactory().get_absolute_url())
    assert response.context["is_preview"] is False
    assert "Bản xem trước" not in text(response)
    assert "noindex" not in text(response)


def test_article_queries_do_not_grow_with_related_articles(client):
    category = CategoryFactory(parent=CategoryFactory())
    tags = [TagFactory(), TagFactory()]
    article = ArticleFactory(category=category, source=SourceFactory(), tags=tags)
    ArticleImageFactory.create_batch(2, article=article)
    make_articles(5, category=category)
    article.related_articles.set(Article.objects.exclude(pk=article.pk)[:2])
    few = count_queries(client, article.get_absolute_url())
    make_articles(45, category=category)
    article.related_articles.set(Article.objects.exclude(pk=article.pk)[:4])
    # article, tags, images, picked and other related news, documents filed under it
    assert count_queries(client, article.get_absolute_url()) == few == 6


def test_related_news_filled_by_a_shared_tag_asks_for_no_other_article(client):
    tag = TagFactory()
    article = ArticleFactory(tags=[tag])
    sharing = [ArticleFactory(tags=[tag], category=CategoryFactory()) for _ in range(7)]
    ArticleFactory(category=article.category)  # same category, no shared tag
    # article, tags, images, picks, shared tags: the list is full, the category is not read
    assert count_queries(client, article.get_absolute_url()) == 5
    related = client.get(article.get_absolute_url()).context["related"]
    assert [a.pk for a in related] == [a.pk for a in sharing[::-1][:6]]


# Error pages


def test_404_page_is_vietnamese_in_the_site_frame(client):
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    body = text(response)
    assert "Không tìm thấy trang" in body
    assert "Tỉnh đoàn Kiên Giang" in body and "Về trang chủ" in body


def test_500_page_is_vietnamese_and_needs_no_database(rf, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = server_error(rf.get("/"))
    assert response.status_code == 500
    body = response.content.decode()
    assert "Lỗi máy chủ" in body and "Về trang chủ" in body
    assert '<html lang="vi">' in body


# Images


def test_large_cover_gets_smaller_copies_in_srcset_and_size_attributes(client):
    from django.core.files.base import ContentFile

    from tests.support import image_bytes

    article = ArticleFactory()
    article.cover_image = ContentFile(image_bytes(size=(1600, 900)), name="anh.jpg")
    article.cover_alt = "Đoàn viên ra quân"
    article.save()
    body = text(client.get(article.get_absolute_url()))
    img = re.search(r'<img src="[^"]+anh[^>]*>|<img src="/media/news/[^>]*>', body).group(0)
    assert 'width="1600" height="900"' in img
    assert re.search(r"\.w360\.webp 360w, .*\.w720\.webp 720w, .*\.w1080\.webp 1080w, ", img)
    assert 'alt="Đoàn viên ra quân"' in img


def test_images_below_the_fold_load_lazily(client):
    category = CategoryFactory()
    for _ in range(3):
        ArticleFactory(category=category, with_cover=True)
    body = text(client.get(category.get_absolute_url()))
    imgs = re.findall(r"<img [^>]*media[^>]*>", body)
    assert len(imgs) == 3
    assert "loading" not in imgs[0] and 'fetchpriority="high"' in imgs[0]
    assert all('loading="lazy"' in img for img in imgs[1:])


def test_organization_on_article_does_not_break_page(client):
    article = ArticleFactory(organization=OrganizationFactory())
    assert client.get(article.get_absolute_url()).status_code == 200


def test_every_card_title_links_to_its_article(client):
    # A merge once dropped the card's {% with url=... %}: every title linked to "".
    article = ArticleFactory()
    for path in ("/", article.category.get_absolute_url()):
        body = client.get(path).content.decode()
        assert f'class="card-title"><a href="{article.get_absolute_url()}">' in body
        assert 'class="card-title"><a href="">' not in body
