"""Who is told (issue 11): a scheduled article going live, notifications in the admin and by
mail, administrators reviewing too, and lists that stay flat (test_review_workflow.py: the
workflow itself).
"""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from news.models import Article, Notification
from organizations.roles import ADMINISTRATORS, EDITORS
from tests.factories import UserFactory
from tests.news.editing_helpers import (
    article_form,
    change_url,
    own_draft,
    staff,
    writer_form,
)
from tests.support import text

pytestmark = pytest.mark.django_db
ADD = reverse("admin:news_article_add")
CHANGELIST = reverse("admin:news_article_changelist")


# Scheduled articles: told when they go live


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
