"""Admin search and every lookup ignore case and diacritics; permissions read in Vietnamese."""

import json

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from tests.factories import (
    ArticleFactory,
    CategoryFactory,
    OrganizationFactory,
    SourceFactory,
    TagFactory,
)

pytestmark = pytest.mark.django_db
AUTOCOMPLETE = reverse("admin:autocomplete")


def lookup(client, field_name, term):
    response = client.get(
        AUTOCOMPLETE,
        {"app_label": "news", "model_name": "article", "field_name": field_name, "term": term},
    )
    assert response.status_code == 200
    return [r["text"] for r in json.loads(response.content)["results"]]


@pytest.mark.parametrize("query", ["doan thanh nien", "ĐOÀN THANH NIÊN", "đoàn thanh niên"])
def test_admin_article_search_ignores_case_and_diacritics(admin_client, query):
    ArticleFactory(title="Đại hội Đoàn Thanh niên tỉnh")
    ArticleFactory(title="Hội Liên hiệp Phụ nữ", lead="Phụ nữ", body="<p>Hội nghị</p>")
    html = admin_client.get(reverse("admin:news_article_changelist"), {"q": query})
    assert "Đại hội Đoàn Thanh niên tỉnh" in html.content.decode()
    assert "Hội Liên hiệp Phụ nữ" not in html.content.decode()


@pytest.mark.parametrize(
    ("field_name", "factory", "name", "term"),
    [
        ("tags", TagFactory, "Mùa hè xanh", "mua he xanh"),
        ("category", CategoryFactory, "Tin Kiên Giang", "kien giang"),
        ("source", SourceFactory, "Báo Kiên Giang", "KIEN GIANG"),
        ("organization", OrganizationFactory, "Huyện đoàn Châu Thành", "huyen doan chau"),
    ],
)
def test_every_lookup_ignores_diacritics(admin_client, field_name, factory, name, term):
    factory(name=name)
    factory(name="Khác hẳn")
    assert lookup(admin_client, field_name, term) == [name]


def test_article_choices_show_their_date_and_state(admin_client):
    ArticleFactory(title="Thanh niên tình nguyện", draft=True)
    [text] = lookup(admin_client, "related_articles", "thanh nien tinh nguyen")
    assert text.startswith("Thanh niên tình nguyện (") and "· Bản nháp)" in text


def test_trashed_articles_are_not_offered(admin_client):
    article = ArticleFactory(title="Bài đã xóa")
    article.move_to_trash(user=None)
    assert lookup(admin_client, "related_articles", "bai da xoa") == []


def test_permission_names_read_in_vietnamese(admin_client):
    group = Group.objects.create(name="Thử")
    html = admin_client.get(reverse("admin:auth_group_change", args=[group.pk])).content
    html = html.decode()
    assert "Có thể thêm bài viết" in html and "Có thể xuất bản bài viết" in html
    assert "Có thể xóa vĩnh viễn bài viết trong thùng rác" in html
    assert "Can add" not in html and "Can publish" not in html


def test_history_of_other_objects_names_fields_in_vietnamese(admin_client):
    category = CategoryFactory(name="Tin cũ")
    url = reverse("admin:news_category_change", args=[category.pk])
    data = {"name": "Tin mới", "slug": category.slug, "order": 0, "is_in_menu": "on"}
    assert admin_client.post(url, data).status_code == 302
    html = admin_client.get(reverse("admin:news_category_history", args=[category.pk]))
    html = html.content.decode()
    assert "Đã thay đổi Tên" in html or "Đã thay đổi tên" in html, html[html.find("<table") :][:800]
    assert "Name" not in html


def test_user_permissions_read_in_vietnamese_too(admin_client, admin_user):
    html = admin_client.get(reverse("admin:auth_user_change", args=[admin_user.pk]))
    html = html.content.decode()
    assert "Có thể sửa bài viết" in html and "Can change" not in html
