import re

import pytest
from django.urls import NoReverseMatch, reverse

from news.models import Article
from tests.factories import (
    ArticleFactory,
    CategoryFactory,
    OrganizationFactory,
    SourceFactory,
    TagFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
CHANGELIST = reverse("admin:news_article_changelist")


def form_data(article=None, **overrides):
    category = article.category if article else CategoryFactory()
    data = {
        "title": article.title if article else "Tuổi trẻ Kiên Giang ra quân",
        "slug": article.slug if article else "",
        "lead": "(KGO) - Sáng 27/11, Tỉnh đoàn tổ chức lễ ra quân.",
        "body": "<p>Nội dung</p>",
        "category": category.pk,
        "status": "published",
        "published_at_0": "27/11/2026",
        "published_at_1": "09:30:00",
        "images-TOTAL_FORMS": "0",
        "images-INITIAL_FORMS": "0",
    }
    data.update(overrides)
    return data


def make_articles(n):
    category, source, organization = CategoryFactory(), SourceFactory(), OrganizationFactory()
    for _ in range(n):
        ArticleFactory(
            category=category,
            source=source,
            organization=organization,
            tags=[TagFactory()],
            updated_by=UserFactory(),
        )


@pytest.mark.parametrize("url_params", ["", "?status__exact=published", "?q=%C4%91o%C3%A0n"])
def test_article_changelist_query_count_does_not_grow(
    admin_client, url_params, django_assert_max_num_queries
):
    make_articles(5)
    with django_assert_max_num_queries(12) as small:
        assert admin_client.get(CHANGELIST + url_params).status_code == 200
    make_articles(45)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = admin_client.get(CHANGELIST + url_params)
    assert response.status_code == 200


def test_admin_speaks_vietnamese(admin_client):
    page = admin_client.get(CHANGELIST).content.decode()
    assert "Chọn bài viết để thay đổi" in page
    assert "Theo trạng thái" in page  # the status filter
    assert 'lang="vi"' in page


def test_change_form_uses_ckeditor5_with_our_upload_view(admin_client):
    page = admin_client.get(reverse("admin:news_article_add")).content.decode()
    assert "django_ckeditor_5/dist/bundle.js" in page
    assert f'data-upload-url="{reverse("news:image_upload")}"' in page
    assert "sourceEditing" not in page and "htmlEmbed" not in page


def test_stock_upload_url_of_the_package_is_not_routed():
    with pytest.raises(NoReverseMatch):
        reverse("ck_editor_5_upload_file")


def test_admin_save_sanitises_the_body_and_records_who(admin_client, admin_user):
    body = '<p onclick="x()">Nội dung <strong>đậm</strong></p><script>alert(1)</script>'
    response = admin_client.post(reverse("admin:news_article_add"), form_data(body=body))
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.body == "<p>Nội dung <strong>đậm</strong></p>"
    assert article.slug == "tuoi-tre-kien-giang-ra-quan"
    assert article.created_by == admin_user == article.updated_by
    assert article.published_at.isoformat().startswith("2026-11-27T02:30")  # 09:30 in Vietnam


def test_read_count_is_not_editable_in_the_admin(admin_client):
    article = ArticleFactory()
    Article.objects.filter(pk=article.pk).update(read_count=7)
    url = reverse("admin:news_article_change", args=[article.pk])
    assert 'name="read_count"' not in admin_client.get(url).content.decode()
    admin_client.post(url, form_data(article, read_count="999999"))
    article.refresh_from_db()
    assert article.read_count == 7


def test_audit_fields_are_read_only(admin_client):
    article = ArticleFactory()
    page = admin_client.get(reverse("admin:news_article_change", args=[article.pk])).content
    assert b'name="created_by"' not in page
    assert b'name="updated_at"' not in page


def test_editor_can_write_an_article(editor_client, editor):
    response = editor_client.post(reverse("admin:news_article_add"), form_data())
    assert response.status_code == 302
    assert Article.objects.get().created_by == editor


def test_invalid_date_gets_a_vietnamese_message_and_changes_nothing(admin_client):
    article = ArticleFactory(title="Giữ nguyên")
    url = reverse("admin:news_article_change", args=[article.pk])
    response = admin_client.post(url, form_data(article, title="Đổi", published_at_0="32/13/2026"))
    assert response.status_code == 200
    assert "Nhập một ngày hợp lệ" in response.content.decode()
    article.refresh_from_db()
    assert article.title == "Giữ nguyên"


def test_staff_see_natural_vietnamese_for_adding_filtering_and_actions(admin_client, editor_client):
    ArticleFactory()
    page = admin_client.get(CHANGELIST).content.decode()
    # Django's own Vietnamese says "add to", "activity" and "go to" here.
    assert "Thêm bài viết" in page and "Thêm vào" not in page
    assert "Thao tác:" in page and "Hoạt động:" not in page
    assert "Thực hiện</button>" in page and "Đi đến" not in page
    assert "Theo trạng thái" in page and "Bởi trạng thái" not in page
    index = editor_client.get(reverse("admin:index")).content.decode()
    assert "Chưa có" in index and "Không có sẵn" not in index


def test_article_form_gives_caption_and_description_room(admin_client):
    page = admin_client.get(reverse("admin:news_article_add")).content.decode()
    for name in ["cover_caption", "cover_alt"]:
        tag = re.search(rf'<input[^>]*name="{name}"[^>]*>', page).group()
        assert 'class="vLargeTextField"' in tag, name
    assert "css/admin.css" in admin_client.get(CHANGELIST).content.decode()
