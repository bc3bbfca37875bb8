"""Publishing buttons say what they do; scheduled is a state of its own; the trash."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from news.models import Article
from tests.factories import ArticleFactory, CategoryFactory, UserFactory
from tests.news.editing_helpers import article_form, change_url
from tests.support import markup

pytestmark = pytest.mark.django_db
CHANGELIST = reverse("admin:news_article_changelist")
TRASH = reverse("admin:news_article_trash")


def test_the_form_has_draft_preview_publish_and_schedule_buttons(admin_client):
    html = markup(admin_client.get(reverse("admin:news_article_add")))
    for label in ["Lưu nháp", "Xem trước", "Xuất bản", "Hẹn giờ"]:
        assert f">{label}</button>" in html, label
    assert 'type="submit" name="_save"' not in html and 'name="status"' not in html


def test_publishing_an_old_draft_takes_the_time_it_is_published(admin_client):
    five_days_ago = timezone.now() - datetime.timedelta(days=5)
    draft = ArticleFactory(draft=True, published_at=five_days_ago)
    response = admin_client.post(change_url(draft), article_form(draft, _action="publish"))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == Article.Status.PUBLISHED
    assert timezone.now() - draft.published_at < datetime.timedelta(minutes=1)
    assert Article.objects.published().first() == draft  # first in "Tin mới nhất"


def test_publishing_with_a_time_the_editor_chose_keeps_that_time(admin_client):
    draft = ArticleFactory(draft=True)
    data = article_form(draft, _action="publish", published_at_0="01/11/2026")
    assert admin_client.post(change_url(draft), data).status_code == 302
    draft.refresh_from_db()
    assert timezone.localtime(draft.published_at).date() == datetime.date(2026, 11, 1)


def test_saving_a_draft_keeps_it_hidden_from_readers(admin_client, client):
    data = article_form(category=CategoryFactory().pk, _action="draft")
    admin_client.post(reverse("admin:news_article_add"), data)
    article = Article.objects.get()
    assert article.status == Article.Status.DRAFT
    assert client.get(article.get_absolute_url()).status_code == 404


def test_schedule_lists_the_article_as_scheduled_with_its_own_filter(admin_client):
    article = ArticleFactory(draft=True, title="Bài hẹn giờ")
    ArticleFactory(title="Bài đã đăng")
    tomorrow = timezone.localtime() + datetime.timedelta(days=1)
    data = article_form(
        article,
        _action="schedule",
        published_at_0=tomorrow.strftime("%d/%m/%Y"),
        published_at_1="08:00:00",
    )
    assert admin_client.post(change_url(article), data).status_code == 302
    article.refresh_from_db()
    assert article.state == Article.State.SCHEDULED
    html = admin_client.get(CHANGELIST).content.decode()
    assert '<span class="state state-scheduled">Hẹn giờ</span>' in html
    assert '<span class="state state-published">Đã xuất bản</span>' in html
    scheduled = admin_client.get(CHANGELIST, {"state": "scheduled"}).content.decode()
    assert "Bài hẹn giờ" in scheduled and "Bài đã đăng" not in scheduled


def test_scheduling_in_the_past_is_refused_with_a_message(admin_client):
    article = ArticleFactory(draft=True)
    data = article_form(article, _action="schedule", published_at_0="01/01/2020")
    response = admin_client.post(change_url(article), data)
    assert response.status_code == 200
    assert "Hãy chọn một thời điểm trong tương lai" in response.content.decode()
    assert Article.objects.get(pk=article.pk).status == Article.Status.DRAFT


def test_an_editor_without_the_publish_permission_cannot_publish(client):
    user = UserFactory(is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(codename__in=["change_article", "view_article", "review_article"])
    )
    client.force_login(user)
    draft = ArticleFactory(draft=True)
    html = client.get(change_url(draft)).content.decode()
    assert ">Lưu nháp</button>" in html and ">Xuất bản</button>" not in html
    response = client.post(change_url(draft), article_form(draft, _action="publish"))
    assert "Bạn không có quyền xuất bản bài viết." in response.content.decode()
    assert Article.objects.get(pk=draft.pk).status == Article.Status.DRAFT


def test_bulk_publish_and_withdraw(admin_client):
    old = timezone.now() - datetime.timedelta(days=3)
    drafts = [ArticleFactory(draft=True, published_at=old) for _ in range(2)]
    ids = [a.pk for a in drafts]
    admin_client.post(CHANGELIST, {"action": "publish_selected", "_selected_action": ids})
    published = Article.objects.filter(pk__in=ids)
    assert all(a.status == "published" and a.published_at > old for a in published)
    admin_client.post(CHANGELIST, {"action": "withdraw_selected", "_selected_action": ids})
    assert set(Article.objects.filter(pk__in=ids).values_list("status", flat=True)) == {"draft"}


def test_delete_moves_to_the_trash_hidden_from_readers_and_lists(admin_client, client):
    article = ArticleFactory(title="Bài vào thùng rác")
    url = reverse("admin:news_article_delete", args=[article.pk])
    assert "Chuyển “Bài vào thùng rác” vào thùng rác?" in admin_client.get(url).content.decode()
    response = admin_client.post(url, {"post": "yes"}, follow=True)
    assert "đã được chuyển vào thùng rác: có thể khôi phục" in response.content.decode()
    article.refresh_from_db()
    assert article.deleted_at is not None
    assert client.get(article.get_absolute_url()).status_code == 404
    assert "Bài vào thùng rác" not in admin_client.get(CHANGELIST).content.decode()
    assert "Bài vào thùng rác" in admin_client.get(TRASH).content.decode()


def test_trash_restores_and_an_administrator_purges(admin_client, client):
    kept, purged = ArticleFactory(title="Khôi phục"), ArticleFactory(title="Xóa hẳn")
    admin = UserFactory(is_staff=True, is_superuser=True)
    kept.move_to_trash(user=admin)
    purged.move_to_trash(user=admin)
    admin_client.post(TRASH, {"article": kept.pk, "do": "restore"})
    kept.refresh_from_db()
    assert kept.deleted_at is None and client.get(kept.get_absolute_url()).status_code == 200
    admin_client.post(TRASH, {"article": purged.pk, "do": "purge"})
    assert not Article.objects.filter(pk=purged.pk).exists()


def test_an_editor_restores_but_cannot_purge(editor_client, editor):
    editor.user_permissions.add(Permission.objects.get(codename="delete_article"))
    article = ArticleFactory()
    article.move_to_trash(user=editor)
    assert ">Xóa vĩnh viễn<" not in editor_client.get(TRASH).content.decode()
    assert editor_client.post(TRASH, {"article": article.pk, "do": "purge"}).status_code == 403
    assert Article.objects.filter(pk=article.pk).exists()


@pytest.mark.parametrize("value", ["abc", "", "9" * 30, "-1"])
def test_trash_with_a_bad_article_number_says_so(admin_client, value):
    response = admin_client.post(TRASH, {"article": value, "do": "restore"}, follow=True)
    assert "Bài viết này không có trong thùng rác." in response.content.decode()


def test_purge_trash_deletes_only_what_was_trashed_long_enough(settings):
    settings.TRASH_KEEP_DAYS = 30
    old, recent, live = ArticleFactory(), ArticleFactory(), ArticleFactory()
    Article.objects.filter(pk=old.pk).update(
        deleted_at=timezone.now() - datetime.timedelta(days=31)
    )
    Article.objects.filter(pk=recent.pk).update(
        deleted_at=timezone.now() - datetime.timedelta(days=29)
    )
    call_command("purge_trash", stdout=open("/dev/null", "w"))
    assert set(Article.objects.values_list("pk", flat=True)) == {recent.pk, live.pk}


def test_trash_page_queries_do_not_grow(admin_client, django_assert_max_num_queries):
    user = UserFactory()
    for _ in range(5):
        ArticleFactory().move_to_trash(user=user)
    with django_assert_max_num_queries(12) as small:
        assert admin_client.get(TRASH).status_code == 200
    count = len(small.captured_queries)
    for _ in range(45):
        ArticleFactory().move_to_trash(user=UserFactory())
    with django_assert_max_num_queries(count):
        assert admin_client.get(TRASH).status_code == 200
