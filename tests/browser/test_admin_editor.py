"""The editor's path in a real browser: CKEditor 5 loads, uploads an image, saves clean HTML."""

import pytest
from django.urls import reverse

from news.models import Article
from tests.factories import CategoryFactory, UserFactory
from tests.support import image_bytes, log_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_editor_writes_an_article_with_an_inline_image(page, live_server, tmp_path):
    category = CategoryFactory(name="Công tác Đoàn")
    user = UserFactory(is_staff=True, is_superuser=True)
    log_in(page, live_server, user)
    page.goto(live_server.url + reverse("admin:news_article_add"))
    assert "Thêm bài viết" in page.title()

    page.fill("#id_title", "Đoàn viên ra quân Mùa hè xanh")
    page.evaluate(
        "id => { const s = document.getElementById(id); s.innerHTML += "
        f"'<option value=\"{category.pk}\" selected>x</option>'; }}",
        "id_category",
    )
    editable = page.locator(".ck-editor__editable").first
    editable.click()
    page.keyboard.type("Nội dung bài viết có ảnh.")

    picture = tmp_path / "anh-hoat-dong.png"
    picture.write_bytes(image_bytes("PNG", size=(320, 200)))
    with page.expect_response(lambda r: r.url.endswith(reverse("news:image_upload"))) as upload:
        page.locator(".ck-file-dialog-button input[type=file]").first.set_input_files(picture)
    assert upload.value.status == 200
    page.wait_for_selector(".ck-editor__editable figure.image img[src*='/media/news/body/']")

    page.click("button[name=_action][value=publish]")
    page.wait_for_selector(".messagelist .success")
    article = Article.objects.get()
    assert article.status == Article.Status.PUBLISHED
    assert article.slug == "doan-vien-ra-quan-mua-he-xanh"
    assert "Nội dung bài viết có ảnh." in article.body
    assert '<figure class="image"><img src="/media/news/body/' in article.body
    assert article.created_by == user


def test_upload_refusal_is_shown_to_the_editor_in_vietnamese(page, live_server, tmp_path):
    log_in(page, live_server, UserFactory(is_staff=True, is_superuser=True))
    page.goto(live_server.url + reverse("admin:news_article_add"))
    page.locator(".ck-editor__editable").first.click()
    fake = tmp_path / "khong-phai-anh.png"
    fake.write_bytes(b"day la van ban, khong phai anh")
    with page.expect_event("dialog") as alert:
        with page.expect_response(lambda r: r.url.endswith(reverse("news:image_upload"))) as upload:
            page.locator(".ck-file-dialog-button input[type=file]").first.set_input_files(fake)
    assert upload.value.status == 400
    # CKEditor 5 shows the server's message to the editor as it came.
    assert "không phải là ảnh" in alert.value.message
    alert.value.dismiss()
