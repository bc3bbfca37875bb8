"""Contributors and editors (issue 11): what a contributor may write and is refused, the review
queue, sending back, publishing and withdrawing (test_review_notifications.py: who is told).

Every refusal is checked on the stored article as well as on the answer: nothing changes.
"""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from news.models import Article, Notification
from organizations.models import StaffMembership
from organizations.roles import CONTRIBUTORS
from tests.factories import ArticleFactory, CategoryFactory
from tests.news.editing_helpers import (
    article_form,
    change_url,
    own_draft,
    staff,
    stored,
    writer_form,
)
from tests.support import text

pytestmark = pytest.mark.django_db
ADD = reverse("admin:news_article_add")
CHANGELIST = reverse("admin:news_article_changelist")


# Contributors: what they may do


def test_contributor_writes_a_draft_for_their_unit_then_sends_it_for_review(
    contributor_client, contributor, unit, reviewer
):
    category = CategoryFactory()
    data = writer_form(category=category.pk, organization=unit.pk, _action="draft")
    response = contributor_client.post(ADD, data)
    assert response.status_code == 302
    article = Article.objects.get()
    assert (article.status, article.created_by, article.organization) == (
        "draft",
        contributor,
        unit,
    )
    assert mail.outbox == []

    response = contributor_client.post(
        change_url(article), writer_form(article, organization=unit.pk, _action="submit")
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == Article.Status.REVIEW and article.submitted_at is not None
    assert article.get_state_display() == "Chờ duyệt"
    assert [m.to for m in mail.outbox] == [[reviewer.email]]
    assert "Lan đã gửi bài" in mail.outbox[0].body and "để duyệt" in mail.outbox[0].body
    assert Notification.objects.get(recipient=reviewer).kind == "submitted"


def test_contributor_form_has_no_publishing_buttons_or_fields(
    contributor_client, contributor, unit
):
    html = text(contributor_client.get(change_url(own_draft(contributor, unit))))
    assert ">Gửi duyệt</button>" in html and ">Lưu nháp</button>" in html
    assert 'value="publish"' not in html and 'value="schedule"' not in html
    assert 'name="is_featured"' not in html and 'name="published_at_0"' not in html


def test_contributor_sees_only_their_own_articles(contributor_client, contributor, unit):
    own_draft(contributor, unit, title="Bài của tôi")
    ArticleFactory(draft=True, title="Bài của người khác")
    ArticleFactory(title="Bài đã đăng của người khác")
    html = text(contributor_client.get(CHANGELIST))
    assert "Bài của tôi" in html
    assert "người khác" not in html


# Contributors: refused on the server, whatever is posted


@pytest.mark.parametrize(
    "crafted",
    [
        {"_action": "publish"},
        {"_action": "schedule"},
        {"status": "published"},
        {"is_featured": "on"},
        {"published_at_0": "01/01/2020", "published_at_1": "08:00:00"},
        {"created_by": "1"},
    ],
)
def test_contributor_crafted_posts_are_refused_and_change_nothing(
    contributor_client, contributor, unit, crafted
):
    article = own_draft(contributor, unit)
    before = stored(article)
    data = writer_form(article, title="Đổi tiêu đề", organization=unit.pk, _action="draft")
    data.update(crafted)
    response = contributor_client.post(change_url(article), data)
    assert response.status_code == 200  # the form again, with the reason
    html = text(response)
    assert "Bạn không có quyền xuất bản bài viết." in html or "Cộng tác viên không được" in html
    assert stored(article) == before


def test_contributor_cannot_write_for_a_unit_outside_theirs(
    contributor_client, contributor, unit, other_unit
):
    article = own_draft(contributor, unit)
    before = stored(article)
    data = writer_form(article, organization=other_unit.pk, _action="draft")
    response = contributor_client.post(change_url(article), data)
    assert "Bạn chỉ viết bài cho đơn vị của mình" in text(response)
    assert stored(article) == before
    response = contributor_client.post(
        ADD, writer_form(category=CategoryFactory().pk, organization=other_unit.pk)
    )
    assert "Bạn chỉ viết bài cho đơn vị của mình" in text(response)
    assert not Article.objects.exclude(pk=article.pk).exists()


def test_contributor_cannot_change_their_article_once_sent_or_published(
    contributor_client, contributor, unit
):
    for state in ({"status": Article.Status.REVIEW}, {"status": Article.Status.PUBLISHED}):
        article = own_draft(contributor, unit, **state)
        before = stored(article)
        data = writer_form(article, title="Sửa lén", organization=unit.pk, _action="draft")
        assert contributor_client.post(change_url(article), data).status_code == 403
        assert stored(article) == before


def _someone_elses_views(article):
    pk = article.pk
    return [
        ("get", reverse("admin:news_article_change", args=[pk]), {}),
        ("post", reverse("admin:news_article_change", args=[pk]), writer_form(article)),
        ("get", reverse("admin:news_article_history", args=[pk]), {}),
        ("get", reverse("admin:news_article_compare", args=[pk]) + "?a=1&b=2", {}),
        ("get", reverse("admin:news_article_delete", args=[pk]), {}),
        ("post", reverse("admin:news_article_delete", args=[pk]), {"post": "yes"}),
        ("post", reverse("admin:news_article_preview", args=[pk]), writer_form(article)),
        ("post", reverse("admin:news_article_autosave", args=[pk]), {"title": "x"}),
        ("post", reverse("admin:news_article_restore", args=[pk, 1]), {}),
        ("post", reverse("admin:news_article_import_images", args=[pk]), {}),
        ("post", reverse("admin:news_article_send_back", args=[pk]), {"reason": "x"}),
        ("get", reverse("admin:news_article_trash"), {}),  # everyone's trashed articles
        ("get", article.get_absolute_url(), {}),  # the public page's staff preview
    ]


@pytest.mark.parametrize("other_state", ["draft", "review"])
def test_contributor_gets_404_on_every_admin_view_of_someone_elses_article(
    contributor_client, unit, other_state
):
    someone = staff(CONTRIBUTORS)
    StaffMembership.objects.create(user=someone, organization=unit)  # even in the same unit
    article = ArticleFactory(status=other_state, created_by=someone, organization=unit)
    before = stored(article)
    pk = article.pk
    for method, url, data in _someone_elses_views(article):
        response = getattr(contributor_client, method)(url, data)
        assert response.status_code in (403, 404), (method, url, response.status_code)
    assert stored(article) == before
    assert not article.autosaves.exists()
    stats = contributor_client.get(reverse("admin:news_article_statistics") + f"?article={pk}")
    assert stats.status_code == 404 and article.title not in text(stats)


def test_contributor_previews_their_own_draft_on_the_public_page(
    contributor_client, contributor, unit
):
    article = own_draft(contributor, unit, title="Bản nháp của tôi")
    response = contributor_client.get(article.get_absolute_url())
    assert response.status_code == 200 and "Bản nháp của tôi" in text(response)


# Editors: the queue, sending back, publishing, withdrawing


def test_review_queue_is_oldest_first_with_its_count_on_the_admin_index(
    reviewer_client, contributor, unit
):
    now = timezone.now()
    newer = own_draft(contributor, unit, title="Gửi sau", status="review")
    older = own_draft(contributor, unit, title="Gửi trước", status="review")
    Article.objects.filter(pk=newer.pk).update(submitted_at=now)
    Article.objects.filter(pk=older.pk).update(submitted_at=now - datetime.timedelta(hours=3))
    own_draft(contributor, unit, title="Còn nháp")
    assert list(Article.objects.awaiting_review()) == [older, newer]

    html = text(reviewer_client.get(CHANGELIST + "?state=review"))
    assert "Còn nháp" not in html
    assert html.index("Gửi trước") < html.index("Gửi sau")
    index = text(reviewer_client.get(reverse("admin:index")))
    assert "Chờ duyệt (2)" in index


def test_editor_sends_back_with_a_reason_the_author_sees(
    reviewer_client, reviewer, contributor, unit, client
):
    article = own_draft(contributor, unit, status="review", title="Bài cần sửa")
    url = reverse("admin:news_article_send_back", args=[article.pk])
    response = reviewer_client.post(url, {"reason": "Thiếu nguồn ảnh."})
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.state == Article.State.SENT_BACK and article.review_note == "Thiếu nguồn ảnh."
    assert [m.to for m in mail.outbox] == [[contributor.email]]
    assert "Thiếu nguồn ảnh." in mail.outbox[0].body

    client.force_login(contributor)
    html = text(client.get(change_url(article)))
    assert "Biên tập viên đã trả lại bài này cho bạn" in html and "Thiếu nguồn ảnh." in html
    history = text(client.get(reverse("admin:news_article_history", args=[article.pk])))
    assert "Trả lại cho người viết: Thiếu nguồn ảnh." in history


@pytest.mark.parametrize("reason", ["", "   ", "x" * 2001])
def test_sending_back_needs_a_reason(reviewer_client, contributor, unit, reason):
    article = own_draft(contributor, unit, status="review")
    url = reverse("admin:news_article_send_back", args=[article.pk])
    response = reviewer_client.post(url, {"reason": reason})
    assert response.status_code == 400
    assert "lý do" in text(response).lower()
    assert Article.objects.get(pk=article.pk).status == Article.Status.REVIEW
    assert mail.outbox == []


def test_only_an_article_waiting_for_review_is_sent_back(reviewer_client, contributor, unit):
    article = own_draft(contributor, unit, status="published")
    url = reverse("admin:news_article_send_back", args=[article.pk])
    response = reviewer_client.post(url, {"reason": "Gỡ"})
    assert response.status_code == 400
    assert Article.objects.get(pk=article.pk).status == Article.Status.PUBLISHED


def test_editor_publishes_and_the_author_is_told(reviewer_client, contributor, unit):
    article = own_draft(contributor, unit, status="review", review_note="")
    data = article_form(article, _action="publish", organization=unit.pk)
    assert reviewer_client.post(change_url(article), data).status_code == 302
    article.refresh_from_db()
    assert article.is_published
    assert [m.to for m in mail.outbox] == [[contributor.email]]
    assert "đã được Minh xuất bản" in mail.outbox[0].body


def test_editor_withdraws_a_published_article(reviewer_client, contributor, unit):
    article = own_draft(contributor, unit, status="published")
    data = article_form(article, _action="draft", organization=unit.pk)
    reviewer_client.post(change_url(article), data)
    assert Article.objects.get(pk=article.pk).status == Article.Status.DRAFT
    history = text(reviewer_client.get(reverse("admin:news_article_history", args=[article.pk])))
    assert "Gỡ xuống (về nháp)" in history


def test_a_contributor_cannot_send_back_or_withdraw(contributor_client, contributor, unit):
    article = own_draft(contributor, unit)
    published = own_draft(contributor, unit, status="published")
    url = reverse("admin:news_article_send_back", args=[article.pk])
    assert contributor_client.post(url, {"reason": "x"}).status_code == 403
    response = contributor_client.post(
        CHANGELIST, {"action": "withdraw_selected", "_selected_action": [published.pk]}
    )
    assert response.status_code in (200, 302)
    assert Article.objects.get(pk=published.pk).status == Article.Status.PUBLISHED


def test_history_shows_every_transition_with_who(client, contributor, reviewer, unit):
    category = CategoryFactory()
    client.force_login(contributor)
    data = writer_form(category=category.pk, organization=unit.pk, _action="draft")
    client.post(ADD, data)
    article = Article.objects.get()
    client.post(change_url(article), writer_form(article, organization=unit.pk, _action="submit"))
    client.force_login(reviewer)
    url = reverse("admin:news_article_send_back", args=[article.pk])
    client.post(url, {"reason": "Viết lại sapo."})
    client.force_login(contributor)
    client.post(change_url(article), writer_form(article, organization=unit.pk, _action="submit"))
    client.force_login(reviewer)
    client.post(change_url(article), article_form(article, organization=unit.pk, _action="publish"))
    client.post(change_url(article), article_form(article, organization=unit.pk, _action="draft"))
    history = text(client.get(reverse("admin:news_article_history", args=[article.pk])))
    assert "Tạo bởi Lan" in history
    labels = ["Lưu nháp", "Gửi duyệt", "Trả lại cho người viết: Viết lại sapo.", "Đã xuất bản"]
    for label in [*labels, "Gỡ xuống (về nháp)"]:
        assert label in history, label
    assert history.count("Gửi duyệt") >= 2
    assert "Minh" in history and "Lan" in history
    assert Article.objects.get(pk=article.pk).status == Article.Status.DRAFT


def test_contributor_sees_their_sent_article_as_readers_will(contributor_client, contributor, unit):
    article = own_draft(
        contributor, unit, status=Article.Status.REVIEW, body="<p>Hơn <strong>300</strong> bạn</p>"
    )
    html = contributor_client.get(change_url(article)).content.decode()
    assert "<p>Hơn <strong>300</strong> bạn</p>" in html  # drawn, not shown as its source
    assert "&lt;p&gt;" not in html
