"""Editors never lose work, in a real browser: the leave warning, autosave offered back after
a reload, two editors on one article, a cover kept after a form error, compare and restore."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from news import revisions
from news.models import Article
from tests.factories import ArticleFactory, CategoryFactory, PictureFactory, UserFactory
from tests.support import image_bytes, log_in

pytestmark = pytest.mark.django_db(transaction=True)


def superuser(name="bientap"):
    return UserFactory(
        username=name, first_name=name.capitalize(), is_staff=True, is_superuser=True
    )


def open_article(page, live_server, article):
    page.goto(live_server.url + reverse("admin:news_article_change", args=[article.pk]))
    page.wait_for_selector(".ck-editor__editable")


def type_in_body(page, text):
    page.locator(".ck-editor__editable").first.click()
    page.keyboard.press("End")
    page.keyboard.type(text)


def test_leaving_a_changed_form_asks_first(page, live_server):
    log_in(page, live_server, superuser())
    page.goto(live_server.url + reverse("admin:news_article_add"))
    page.wait_for_selector(".ck-editor__editable")
    page.fill("#id_title", "Bài đang viết dở")
    dialogs = []

    def dismiss(dialog):
        dialogs.append(dialog.type)
        dialog.dismiss()

    page.on("dialog", dismiss)
    page.click("#site-name a")  # the admin's header link, as an editor would by mistake
    page.wait_for_timeout(300)
    assert dialogs == ["beforeunload"]
    assert page.input_value("#id_title") == "Bài đang viết dở"  # still here, text intact


def test_an_unchanged_form_leaves_without_asking(page, live_server):
    log_in(page, live_server, superuser())
    page.goto(live_server.url + reverse("admin:news_article_add"))
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.accept()))
    page.click("#site-name a")
    page.wait_for_url(live_server.url + reverse("admin:index"))
    assert dialogs == []


def test_autosave_is_offered_back_after_a_reload(page, live_server):
    article = ArticleFactory(title="Tiêu đề đã lưu", body="<p>Nội dung đã lưu.</p>")
    log_in(page, live_server, superuser())
    open_article(page, live_server, article)
    page.fill("#id_lead", "Sapo gõ trước khi máy treo")
    type_in_body(page, " Câu viết thêm chưa lưu.")
    page.wait_for_selector(".autosave-status:has-text('Đã tự động lưu lúc')")

    page.on("dialog", lambda dialog: dialog.accept())  # the tab is closed / reloaded anyway
    open_article(page, live_server, article)
    offer = page.locator(".autosave-offer")
    assert offer.is_visible()
    assert page.input_value("#id_lead") != "Sapo gõ trước khi máy treo"
    page.click(".autosave-restore")
    assert page.input_value("#id_lead") == "Sapo gõ trước khi máy treo"
    body = page.locator(".ck-editor__editable").first.inner_text()
    assert "Câu viết thêm chưa lưu." in body
    assert not offer.is_visible()
    assert Article.objects.get(pk=article.pk).lead != "Sapo gõ trước khi máy treo"


def test_second_editor_is_refused_sees_the_differences_and_keeps_their_text(browser, live_server):
    article = ArticleFactory(lead="Sapo ban đầu", body="<p>Nội dung ban đầu.</p>")
    pages = []
    for name in ["lan", "minh"]:
        context = browser.new_context(locale="vi-VN", viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.set_default_timeout(10_000)
        log_in(page, live_server, superuser(name))
        open_article(page, live_server, article)
        pages.append(page)
    lan, minh = pages
    try:
        minh.fill("#id_lead", "Sapo Minh vừa sửa")
        minh.click("button[name=_action][value=save]")
        minh.wait_for_selector(".messagelist .success")

        type_in_body(lan, " Đoạn Lan viết cả buổi sáng.")
        lan.on("dialog", lambda dialog: dialog.accept())
        lan.click("button[name=_action][value=save]")
        lan.wait_for_selector(".conflict")
        assert "Minh đã sửa bài viết này lúc" in lan.inner_text(".errorlist.nonfield")
        assert "Sapo Minh vừa sửa" in lan.inner_text(".conflict table")
        assert "Đoạn Lan viết cả buổi sáng." in lan.locator(".ck-editor__editable").inner_text()
        assert Article.objects.get(pk=article.pk).lead == "Sapo Minh vừa sửa"
        assert "Đoạn Lan" not in Article.objects.get(pk=article.pk).body
        # Minh's marker was shown to Lan while both had it open.
        assert "Đang có người sửa" in lan.content()
    finally:
        for page in pages:
            page.context.close()


def test_cover_is_kept_after_a_form_error(page, live_server, tmp_path):
    category = CategoryFactory()
    log_in(page, live_server, superuser())
    page.goto(live_server.url + reverse("admin:news_article_add"))
    page.wait_for_selector(".ck-editor__editable")
    cover = tmp_path / "bia.jpg"
    cover.write_bytes(image_bytes("JPEG", size=(400, 300)))
    page.set_input_files("#id_cover_image", cover)
    page.on("dialog", lambda dialog: dialog.accept())
    page.click("button[name=_action][value=draft]")  # no title, no category: errors
    page.wait_for_selector(".error-summary")
    assert "Tiêu đề" in page.inner_text(".error-summary")
    # expect() polls from Playwright's own script: the CSP forbids wait_for_function's eval
    expect(page.locator("#id_title")).to_be_focused()
    assert page.locator(".cover-kept img").is_visible()

    page.fill("#id_title", "Có ảnh bìa")
    page.evaluate(
        "pk => { const s = document.getElementById('id_category');"
        " s.add(new Option('x', pk, true, true)); }",
        str(category.pk),
    )
    page.click("button[name=_action][value=draft]")
    page.wait_for_selector(".messagelist .success")
    article = Article.objects.get()
    assert article.cover_image and (article.cover_width, article.cover_height) == (400, 300)


def test_cover_chosen_from_the_library_is_kept_after_a_form_error(page, live_server):
    category = CategoryFactory()
    picture = PictureFactory(caption="Chiến dịch Mùa hè xanh")
    log_in(page, live_server, superuser())
    page.goto(live_server.url + reverse("admin:news_article_add"))
    page.wait_for_selector(".ck-editor__editable")
    page.click(".field-cover_picture .select2-selection")
    page.keyboard.type("mua he xanh")  # without diacritics
    page.click(".select2-results__option:has-text('Chiến dịch Mùa hè xanh')")
    page.on("dialog", lambda dialog: dialog.accept())
    page.click("button[name=_action][value=draft]")  # no title, no category: errors
    page.wait_for_selector(".error-summary")
    assert page.locator(".cover-kept img").is_visible()
    assert "Chiến dịch Mùa hè xanh" in page.inner_text(".field-cover_picture")
    page.fill("#id_title", "Có ảnh bìa từ thư viện")
    page.evaluate(
        "pk => { const s = document.getElementById('id_category');"
        " s.add(new Option('x', pk, true, true)); }",
        str(category.pk),
    )
    page.click("button[name=_action][value=draft]")
    page.wait_for_selector(".messagelist .success")
    article = Article.objects.get()
    assert article.cover_picture == picture
    assert article.cover_image.name == picture.image.name


def test_first_failing_field_far_below_is_named_and_brought_into_view(page, live_server):
    article = ArticleFactory()
    log_in(page, live_server, superuser())
    open_article(page, live_server, article)
    page.fill("#id_original_url", "không phải địa chỉ")
    page.on("dialog", lambda dialog: dialog.accept())
    page.click("button[name=_action][value=save]")
    page.wait_for_selector(".error-summary a[href='#id_original_url']")
    expect(page.locator("#id_original_url")).to_be_focused()
    box = page.locator("#id_original_url").bounding_box()
    assert 0 <= box["y"] <= page.viewport_size["height"]


def test_compare_and_restore(page, live_server, admin_user):
    article = ArticleFactory(title="Bản đầu", body="<p>Thanh niên ra quân sáng nay.</p>")
    user = superuser()
    log_in(page, live_server, user)
    page.on("dialog", lambda dialog: dialog.accept())
    for body_text in ["sáng nay", "chiều nay"]:
        open_article(page, live_server, article)
        page.evaluate(
            "t => window.editors.id_body.setData('<p>Thanh niên ra quân ' + t + '.</p>')",
            body_text,
        )
        page.click("button[name=_action][value=save]")
        page.wait_for_selector(".messagelist .success")
    page.goto(live_server.url + reverse("admin:news_article_history", args=[article.pk]))
    assert "Nội dung" in page.inner_text("#revision-list")
    page.click("button:has-text('So sánh')")
    page.wait_for_selector("#revision-compare")
    assert page.inner_text("#revision-compare del") == "sáng "
    assert page.inner_text("#revision-compare ins") == "chiều "
    page.click("button:has-text('Khôi phục phiên bản lúc') >> nth=0")
    page.wait_for_selector(".messagelist .success")
    assert re.search("Đã khôi phục phiên bản lúc", page.inner_text(".messagelist"))
    article.refresh_from_db()
    assert article.body == "<p>Thanh niên ra quân sáng nay.</p>"
    assert len(revisions.article_versions(article)) == 3


def test_schedule_with_the_date_and_time_picker(page, live_server):
    article = ArticleFactory(draft=True)
    log_in(page, live_server, superuser())
    open_article(page, live_server, article)
    tomorrow = timezone.localtime() + datetime.timedelta(days=1)
    page.fill("#id_published_at_0", tomorrow.strftime("%d/%m/%Y"))
    page.fill("#id_published_at_1", "07:30:00")
    page.on("dialog", lambda dialog: dialog.accept())
    page.click("button[name=_action][value=schedule]")
    page.wait_for_selector(".messagelist .success")
    assert "Đã hẹn giờ" in page.inner_text(".messagelist")
    assert Article.objects.get(pk=article.pk).state == Article.State.SCHEDULED


def test_headings_in_the_editor_look_like_headings(page, live_server):
    article = ArticleFactory(
        body="<h2>Tiêu đề mục</h2><p>Đoạn văn.</p><blockquote><p>Trích</p></blockquote>"
    )
    log_in(page, live_server, superuser())
    open_article(page, live_server, article)
    size = page.eval_on_selector(".ck-content h2", "e => parseFloat(getComputedStyle(e).fontSize)")
    body = page.eval_on_selector(".ck-content p", "e => parseFloat(getComputedStyle(e).fontSize)")
    assert size >= 1.4 * body and body >= 16
    style = page.eval_on_selector(".ck-content blockquote", "e => getComputedStyle(e).fontStyle")
    assert style == "italic"
