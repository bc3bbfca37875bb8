"""Two editors on one article, autosave, a cover kept after errors, the error summary, preview."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from library.models import Picture
from news import editing
from news.models import Article, ArticleAutosave
from tests.factories import ArticleFactory, CategoryFactory, PictureFactory, UserFactory
from tests.news.editing_helpers import article_form, change_url
from tests.support import image_bytes

pytestmark = pytest.mark.django_db


def staff_client(name):
    user = UserFactory(
        username=name, first_name=name.capitalize(), is_staff=True, is_superuser=True
    )
    client = Client()
    client.force_login(user)
    return client, user


def test_stale_form_is_refused_naming_who_and_when_and_keeps_the_editors_text():
    article = ArticleFactory(lead="Sapo ban đầu", body="<p>Nội dung ban đầu</p>")
    lan, _ = staff_client("lan")
    minh, _ = staff_client("minh")
    stale = article_form(article)  # Lan opens the form
    response = minh.post(change_url(article), article_form(article, lead="Sapo của Minh"))
    assert response.status_code == 302  # Minh saves first

    stale.update(body="<p>Đoạn Lan viết cả buổi sáng</p>", _action="save")
    response = lan.post(change_url(article), stale)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Minh đã sửa bài viết này lúc" in html
    assert "Đoạn Lan viết cả buổi sáng" in html  # still in her form
    assert "<del>của Minh</del>" in html and "<ins>ban đầu</ins>" in html  # the differences
    article.refresh_from_db()
    assert article.lead == "Sapo của Minh"  # nothing of hers overwrote his change
    assert article.body == "<p>Nội dung ban đầu</p>"

    # Having seen the differences, saving again is her decision, and it is kept.
    form = response.context["adminform"].form
    again = dict(stale, version_token=form.data["version_token"])
    assert lan.post(change_url(article), again).status_code == 302
    article.refresh_from_db()
    assert article.body == "<p>Đoạn Lan viết cả buổi sáng</p>"


def test_a_form_without_its_version_token_is_refused(admin_client):
    article = ArticleFactory(title="Giữ nguyên")
    data = article_form(article, title="Đổi", version_token="")
    assert admin_client.post(change_url(article), data).status_code == 200
    assert Article.objects.get(pk=article.pk).title == "Giữ nguyên"


def test_article_open_elsewhere_shows_who_and_the_marker_expires(monkeypatch, settings):
    article = ArticleFactory()
    lan, _ = staff_client("lan")
    minh, _ = staff_client("minh")
    clock = [1_000_000.0]
    monkeypatch.setattr(editing.time, "time", lambda: clock[0])
    lan.get(change_url(article))
    html = minh.get(change_url(article)).content.decode()
    assert "Đang có người sửa: <strong>Lan</strong>" in html
    clock[0] += settings.EDITING_PRESENCE_SECONDS + 1
    html = minh.get(change_url(article)).content.decode()
    assert "Đang có người sửa: <strong></strong>" in html and 'editing-others" hidden' in html


def test_autosave_keeps_the_form_per_user_and_article_and_offers_it_back(admin_client):
    article = ArticleFactory(title="Tiêu đề đã lưu")
    url = reverse("admin:news_article_autosave", args=[article.pk])
    response = admin_client.post(url, {"title": "Tiêu đề đang gõ", "body": "<p>Chưa lưu</p>"})
    assert response.status_code == 200 and "Đã tự động lưu lúc" in response.json()["message"]
    html = admin_client.get(change_url(article)).content.decode()
    assert "Khôi phục bản tự động lưu" in html
    offered = json.loads(html.split('id="autosave-data" type="application/json">')[1].split("<")[0])
    assert offered["title"] == ["Tiêu đề đang gõ"]
    # Another editor is not offered someone else's text.
    other, _ = staff_client("khac")
    assert "Khôi phục bản tự động lưu" not in other.get(change_url(article)).content.decode()
    # A successful save ends the autosave.
    admin_client.post(change_url(article), article_form(article, _action="save"))
    assert not ArticleAutosave.objects.filter(article=article).exists()


def test_autosave_of_a_new_article_is_offered_on_the_add_form(admin_client):
    admin_client.post(reverse("admin:news_article_autosave_new"), {"title": "Bài mới chưa lưu"})
    html = admin_client.get(reverse("admin:news_article_add")).content.decode()
    assert "Khôi phục bản tự động lưu" in html
    assert json.dumps("Bài mới chưa lưu") in html


def test_autosave_refuses_who_cannot_edit_and_oversized_text(client, admin_client):
    article = ArticleFactory()
    url = reverse("admin:news_article_autosave", args=[article.pk])
    client.force_login(UserFactory(is_staff=True))
    assert client.post(url, {"title": "x"}).status_code in (403, 404)
    response = admin_client.post(url, {"body": "x" * 2_100_000})
    assert response.status_code == 400 and "quá dài" in response.json()["error"]
    assert not ArticleAutosave.objects.exists()


def test_cover_uploaded_with_a_failing_form_joins_the_library_and_stays_chosen(admin_client):
    category = CategoryFactory()
    data = article_form(category=category.pk, title="", cover_alt="Đoàn viên ra quân")
    data["cover_image"] = SimpleUploadedFile("bia.jpg", image_bytes("JPEG", size=(300, 200)))
    response = admin_client.post(reverse("admin:news_article_add"), data)
    assert response.status_code == 200
    picture = Picture.objects.get()
    assert (picture.alt_text, picture.created_by.is_superuser) == ("Đoàn viên ra quân", True)
    html = response.content.decode()
    assert f'<option value="{picture.pk}" selected>' in html
    assert "Ảnh bìa đã chọn" in html and picture.image.url in html
    data = article_form(category=category.pk, title="Có tiêu đề rồi", cover_picture=picture.pk)
    assert admin_client.post(reverse("admin:news_article_add"), data).status_code == 302
    article = Article.objects.get()
    assert article.cover_picture == picture
    assert article.cover_image.name == picture.image.name
    assert (article.cover_width, article.cover_height) == (300, 200)
    assert article.cover_alt == "Đoàn viên ra quân"


def test_cover_chosen_from_the_library(admin_client):
    picture = PictureFactory(caption="Lễ ra quân", alt_text="Thanh niên xếp hàng")
    data = article_form(category=CategoryFactory().pk, cover_picture=picture.pk)
    assert admin_client.post(reverse("admin:news_article_add"), data).status_code == 302
    article = Article.objects.get()
    assert article.cover_image.name == picture.image.name
    assert (article.cover_caption, article.cover_alt) == ("Lễ ra quân", "Thanh niên xếp hàng")


def test_error_summary_names_and_links_each_failing_field(admin_client):
    data = article_form(title="", category="")
    html = admin_client.post(reverse("admin:news_article_add"), data).content.decode()
    assert "Bài viết chưa được lưu. Vui lòng sửa:" in html
    assert '<a href="#id_title" data-field-id="id_title">Tiêu đề</a>' in html
    assert '<a href="#id_category" data-field-id="id_category">Chuyên mục</a>' in html


def test_preview_shows_the_unsaved_form_as_readers_would_and_stores_nothing(admin_client):
    article = ArticleFactory(title="Tiêu đề đã đăng")
    data = article_form(article, title="Tiêu đề đang sửa", body="<p>Đoạn mới</p>")
    response = admin_client.post(reverse("admin:news_article_preview", args=[article.pk]), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Tiêu đề đang sửa" in html and "Đoạn mới" in html
    assert Article.objects.get(pk=article.pk).title == "Tiêu đề đã đăng"
    response = admin_client.post(
        reverse("admin:news_article_preview_new"),
        article_form(category=CategoryFactory().pk, title="Bài chưa có"),
    )
    assert response.status_code == 200 and "Bài chưa có" in response.content.decode()
    assert Article.objects.count() == 1


def test_preview_of_an_invalid_form_says_what_to_correct(admin_client):
    response = admin_client.post(reverse("admin:news_article_preview_new"), article_form())
    assert response.status_code == 400
    assert "Chưa xem trước được" in response.content.decode()
