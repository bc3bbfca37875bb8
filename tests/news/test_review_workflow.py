"""Contributors, the review queue, sending back, withdrawing, notifications (issue 11).

Every refusal is checked on the stored article as well as on the answer: nothing changes.
"""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from news.models import Article, Notification
from organizations.models import StaffMembership
from organizations.roles import ADMINISTRATORS, CONTRIBUTORS, EDITORS
from tests.factories import ArticleFactory, CategoryFactory, OrganizationFactory, UserFactory
from tests.news.editing_helpers import article_form, change_url

pytestmark = pytest.mark.django_db
ADD = reverse("admin:news_article_add")
CHANGELIST = reverse("admin:news_article_changelist")
WRITER_HIDDEN = ("published_at_0", "published_at_1", "initial-published_at_0",
                 "initial-published_at_1")  # fmt: skip


def staff(role, **kwargs):
    user = UserFactory(is_staff=True, **kwargs)
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def unit():
    return OrganizationFactory(name="Huyện đoàn Châu Thành")


@pytest.fixture
def other_unit():
    return OrganizationFactory(name="Thành đoàn Rạch Giá")


@pytest.fixture
def contributor(unit):
    user = staff(CONTRIBUTORS, email="ctv@example.org", first_name="Lan")
    StaffMembership.objects.create(user=user, organization=unit)
    return user


@pytest.fixture
def reviewer():
    return staff(EDITORS, email="btv@example.org", first_name="Minh")


@pytest.fixture
def contributor_client(client, contributor):
    client.force_login(contributor)
    return client


@pytest.fixture
def reviewer_client(client, reviewer):
    client.force_login(reviewer)
    return client


def writer_form(article=None, **overrides):
    """What the contributor's form posts: it has no publication time or featured flag."""
    data = article_form(article)
    for name in WRITER_HIDDEN:
        data.pop(name, None)
    data.update(overrides)
    return data


def own_draft(contributor, unit, **kwargs):
    return ArticleFactory(draft=True, created_by=contributor, organization=unit, **kwargs)


def text(response):
    return response.content.decode()


def stored(article):
    return Article.objects.values(
        "status", "title", "is_featured", "published_at", "organization", "updated_at"
    ).get(pk=article.pk)


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


# Scheduled articles: told when they go live


@pytest.fixture
def clock(monkeypatch):
    moment = [timezone.now()]
    monkeypatch.setattr(timezone, "now", lambda: moment[0])

    def advance(**delta):
        moment[0] += datetime.timedelta(**delta)

    return advance


def test_a_scheduled_article_tells_its_author_when_it_goes_live(
    reviewer_client, contributor, unit, clock, client
):
    article = own_draft(contributor, unit, status="review")
    when = timezone.localtime(timezone.now() + datetime.timedelta(hours=2)).replace(microsecond=0)
    data = article_form(
        article,
        _action="schedule",
        organization=unit.pk,
        published_at_0=when.strftime("%d/%m/%Y"),
        published_at_1=when.strftime("%H:%M:%S"),
    )
    assert reviewer_client.post(change_url(article), data).status_code == 302
    assert Article.objects.get(pk=article.pk).state == Article.State.SCHEDULED
    call_command("send_notifications", stdout=None)
    assert mail.outbox == []
    client.force_login(contributor)
    notifications = reverse("admin:news_notification_changelist")
    assert "được Minh xuất bản" not in text(client.get(notifications))

    clock(seconds=(when - timezone.now()).total_seconds() - 1)
    call_command("send_notifications")
    assert mail.outbox == []  # one second before
    assert client.get(article.get_absolute_url()).status_code in (200, 404)
    assert not Article.objects.published().filter(pk=article.pk).exists()
    clock(seconds=2)
    assert Article.objects.published().filter(pk=article.pk).exists()  # one second after
    call_command("send_notifications")
    assert [m.to for m in mail.outbox] == [[contributor.email]]
    assert "được Minh xuất bản" in text(client.get(notifications))


# Notifications in the admin


def test_each_person_sees_only_their_own_notifications_and_marks_them_read(
    client, contributor, reviewer, unit
):
    article = own_draft(contributor, unit)
    mine = Notification.objects.create(
        recipient=contributor, article=article, kind="sent_back", text="Của tôi"
    )
    Notification.objects.create(recipient=reviewer, article=article, kind="submitted", text="Khác")
    client.force_login(contributor)
    url = reverse("admin:news_notification_changelist")
    html = text(client.get(url))
    assert "Của tôi" in html and "Khác" not in html
    assert "Thông báo (1 chưa đọc)" in text(client.get(reverse("admin:index")))
    response = client.post(url, {"action": "mark_read", "_selected_action": [mine.pk]})
    assert response.status_code == 302
    assert Notification.objects.get(pk=mine.pk).read_at is not None
    assert "Thông báo (0 chưa đọc)" in text(client.get(reverse("admin:index")))


def test_opening_a_notification_marks_it_read_and_leads_to_the_article(
    client, contributor, reviewer, unit
):
    article = own_draft(contributor, unit)
    theirs = Notification.objects.create(
        recipient=reviewer, article=article, kind="submitted", text="Khác"
    )
    mine = Notification.objects.create(
        recipient=contributor, article=article, kind="sent_back", text="Của tôi"
    )
    client.force_login(contributor)
    response = client.get(reverse("admin:news_notification_open", args=[mine.pk]))
    assert response["Location"] == change_url(article)
    assert Notification.objects.get(pk=mine.pk).read_at is not None
    response = client.get(reverse("admin:news_notification_open", args=[theirs.pk]))
    assert response.status_code == 404
    assert Notification.objects.get(pk=theirs.pk).read_at is None


def test_a_mail_server_that_is_down_loses_no_notification(
    contributor_client, contributor, unit, reviewer, settings
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9  # nothing listens there
    article = own_draft(contributor, unit)
    data = writer_form(article, organization=unit.pk, _action="submit")
    assert contributor_client.post(change_url(article), data).status_code == 302
    notification = Notification.objects.get(recipient=reviewer)
    assert notification.mailed_at is None  # kept for the next send_notifications run
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("send_notifications")
    assert [m.to for m in mail.outbox] == [[reviewer.email]]


def test_administrators_review_every_article_too(client, contributor, unit):
    admin = staff(ADMINISTRATORS)
    client.force_login(admin)
    article = own_draft(contributor, unit, title="Bài của CTV")
    assert "Bài của CTV" in text(client.get(CHANGELIST))
    assert client.get(change_url(article)).status_code == 200


# Query counts: the lists stay flat


@pytest.mark.parametrize("as_contributor", [True, False])
def test_review_lists_stay_flat(
    client, contributor, reviewer, unit, as_contributor, django_assert_max_num_queries
):
    def make(n):
        for _ in range(n):
            article = own_draft(contributor, unit, status="review", updated_by=UserFactory())
            Notification.objects.create(
                recipient=contributor if as_contributor else reviewer,
                article=article,
                kind="submitted",
                text="Thông báo",
            )

    client.force_login(contributor if as_contributor else reviewer)
    urls = [CHANGELIST + "?state=review", reverse("admin:news_notification_changelist")]
    make(5)
    for url in urls:
        with django_assert_max_num_queries(12) as small:
            assert client.get(url).status_code == 200
        make(10)
        with django_assert_max_num_queries(len(small.captured_queries)):
            assert client.get(url).status_code == 200


def test_a_notification_is_mailed_once_whoever_sends_it(contributor_client, contributor, unit):
    from news.workflow import notifications_mail

    staff(EDITORS, email="btv2@example.org")
    article = own_draft(contributor, unit)
    data = writer_form(article, organization=unit.pk, _action="submit")
    contributor_client.post(change_url(article), data)
    mailed = len(mail.outbox)
    assert mailed == Notification.objects.count() > 0
    assert notifications_mail() == 0  # the cron run after the request finds nothing left
    call_command("send_notifications")
    assert len(mail.outbox) == mailed
