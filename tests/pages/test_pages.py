"""Static pages at /trang/<slug>/: edited in the admin with CKEditor 5, sanitised like
articles, in the sitemap and in the search."""

import re

import pytest
from django.urls import reverse

from pages.models import Page
from tests.factories import ArticleFactory, PageFactory

pytestmark = pytest.mark.django_db


def text(response):
    return re.sub(r"\s+", " ", response.content.decode())


def test_a_page_shows_its_title_and_body_at_its_address(client):
    page = PageFactory(title="Giới thiệu", body="<h2>Chức năng</h2><p>Đoàn kết thanh niên.</p>")
    assert page.get_absolute_url() == "/trang/gioi-thieu/"
    response = client.get("/trang/gioi-thieu/")
    assert response.status_code == 200
    body = text(response)
    assert '<h1 class="article-title">Giới thiệu</h1>' in body
    assert "<h2>Chức năng</h2><p>Đoàn kết thanh niên.</p>" in body
    assert '<link rel="canonical" href="http://testserver/trang/gioi-thieu/">' in body


def test_the_slug_is_made_from_the_vietnamese_title():
    page = Page.objects.create(title="Cơ cấu tổ chức Đoàn")
    assert page.slug == "co-cau-to-chuc-doan"
    assert Page.objects.create(title="Cơ cấu tổ chức Đoàn").slug == "co-cau-to-chuc-doan-2"


def test_a_hidden_page_is_404_for_readers_and_a_preview_for_administrators(client, admin_client):
    page = PageFactory(title="Sắp công bố", hidden=True)
    assert client.get(page.get_absolute_url()).status_code == 404
    response = admin_client.get(page.get_absolute_url())
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex"
    assert "trang này đang ẩn" in text(response)


def test_an_unknown_page_is_a_vietnamese_404(client):
    response = client.get("/trang/khong-co/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in text(response)


HOSTILE_BODY = (
    '<p onclick="alert(1)">Xin chào<script>alert(2)</script></p>'
    '<a href="javascript:alert(3)">bấm</a>'
    '<img src="x" onerror="alert(4)">'
    '<iframe src="https://evil.example.com"></iframe>'
    '<p style="position:fixed">Liên hệ</p>'
)


def test_the_body_is_sanitised_on_save():
    page = PageFactory(body=HOSTILE_BODY)
    stored = Page.objects.get(pk=page.pk).body
    for bad in ["onclick", "<script", "alert(2)", "javascript:", "onerror", "<iframe", "style="]:
        assert bad not in stored, bad
    assert "Xin chào" in stored and "Liên hệ" in stored


def test_the_admin_edits_a_page_with_ckeditor_and_stores_it_sanitised(admin_client):
    add = reverse("admin:pages_page_add")
    form = admin_client.get(add).content.decode()
    assert "django_ckeditor_5" in form
    response = admin_client.post(
        add,
        {"title": "Liên hệ", "slug": "", "body": HOSTILE_BODY, "is_published": "on"},
    )
    assert response.status_code == 302
    page = Page.objects.get()
    assert page.slug == "lien-he"
    assert "<script" not in page.body and "javascript:" not in page.body
    shown = text(admin_client.get(page.get_absolute_url()))
    assert "alert(" not in shown.split('<main id="main"')[1].split("</main>")[0]


def test_a_hostile_slug_is_a_form_error(admin_client):
    response = admin_client.post(
        reverse("admin:pages_page_add"),
        {"title": "Giới thiệu", "slug": "có dấu/và khoảng", "body": "", "is_published": "on"},
    )
    assert response.status_code == 200
    assert "slug" in response.context["adminform"].form.errors
    assert not Page.objects.exists()


def test_published_pages_are_in_the_sitemap(client):
    shown = PageFactory(title="Giới thiệu")
    hidden = PageFactory(title="Bản nháp", hidden=True)
    body = client.get("/sitemap-pages.xml").content.decode()
    assert f"http://testserver{shown.get_absolute_url()}</loc>" in body
    assert hidden.get_absolute_url() not in body


def test_search_finds_pages_blind_to_diacritics_above_the_news(client):
    page = PageFactory(title="Cơ cấu tổ chức", body="<p>Ban Thường vụ Tỉnh đoàn.</p>")
    PageFactory(title="Ban Thường vụ ẩn", hidden=True)
    ArticleFactory(title="Ban thường vụ họp phiên thường kỳ")
    body = text(client.get("/tim-kiem/", {"q": "ban thuong vu"}))
    assert f'<a href="{page.get_absolute_url()}">Cơ cấu tổ chức</a>' in body
    assert "Ban Thường vụ ẩn" not in body
    assert body.index("Trang thông tin") < body.index("Ban thường vụ họp phiên")
    assert "Cơ cấu tổ chức" not in text(client.get("/tim-kiem/", {"q": "khong co tu nay"}))


def test_a_page_costs_the_same_few_queries(client, django_assert_max_num_queries):
    page = PageFactory()
    client.get(page.get_absolute_url())
    with django_assert_max_num_queries(3):  # the page; cached blocks cost none
        assert client.get(page.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("rows", [5, 50])
def test_the_admin_list_of_pages_does_not_grow_with_rows(
    admin_client, rows, django_assert_max_num_queries
):
    PageFactory.create_batch(rows)
    with django_assert_max_num_queries(8):
        response = admin_client.get(reverse("admin:pages_page_changelist"))
    assert response.content.decode().count('class="action-select"') == rows
