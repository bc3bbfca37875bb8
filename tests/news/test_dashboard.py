"""The newsroom dashboard (the admin's index): its figures from real rows, each link leading to
the admin list that holds exactly the rows it counts, and a fixed number of queries."""

import datetime
import re
from html import unescape

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from news.admin.links import month_start
from news.models import Article, ArticleDailyRead
from organizations.roles import ADMINISTRATORS, CONTRIBUTORS, EDITORS, roles_sync
from tests.factories import ArticleFactory, OrganizationFactory, UserFactory
from tests.support import markup

pytestmark = pytest.mark.django_db


def in_role(role, username):
    roles_sync()
    user = UserFactory(username=username, is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def newsroom_editor():
    return in_role(EDITORS, "bientap")


def this_month(fraction):
    """A time this month, before now: ``fraction`` of the way from the month's start."""
    now = timezone.now()
    start = month_start(now.year, timezone.localtime(now).month)
    return start + (now - start) * fraction


def figures(html):
    """``{name: [(number, href), ...]}`` of the figures on the page."""
    found = {}
    for name, href, number in re.findall(
        r'<a class="figure" data-figure="([\w-]+)" href="([^"]+)">([\d.]+)</a>', markup(html)
    ):
        found.setdefault(name, []).append((int(number.replace(".", "")), unescape(href)))
    return found


def listed(client, href):
    """The rows an admin list shows (it must show them all on one page here)."""
    response = client.get(href)
    assert response.status_code == 200, href
    changelist = response.context["cl"]
    assert changelist.result_count == len(changelist.result_list)
    return list(changelist.result_list)


def newsroom(user):
    """Two units, my drafts and someone else's, scheduled articles, this month's articles
    (one in the trash, one of last month), and reads today, this week and before."""
    other = UserFactory(username="congtacvien", is_staff=True)
    union, district = (
        OrganizationFactory(name="Huyện đoàn Tân Hiệp"),
        OrganizationFactory(name="Thành đoàn Rạch Giá"),
    )
    mine = [ArticleFactory(draft=True, created_by=user, title=f"Nháp {n}") for n in range(3)]
    sent_back = ArticleFactory(draft=True, created_by=user, review_note="Thiếu ảnh.")
    ArticleFactory(draft=True, created_by=other)
    now = timezone.now()
    waiting = [
        ArticleFactory(
            status=Article.Status.REVIEW,
            created_by=other,
            title=f"Chờ duyệt {n}",
            submitted_at=now - datetime.timedelta(hours=n),
        )
        for n in (1, 5, 3)
    ]
    scheduled = [ArticleFactory(scheduled=True) for _n in range(2)]
    published = {
        union: [ArticleFactory(organization=union, published_at=this_month(0.5)) for _ in "ab"],
        district: [ArticleFactory(organization=district, published_at=this_month(0.25))],
        None: [ArticleFactory(organization=None, published_at=this_month(0.75))],
    }
    trashed = ArticleFactory(organization=union, published_at=this_month(0.5))
    trashed.move_to_trash(user=user)
    ArticleFactory(organization=union, published_at=this_month(0) - datetime.timedelta(days=2))
    today = timezone.localdate()
    monday = today - datetime.timedelta(days=today.weekday())
    first, second = published[union]
    reads = [
        (first.pk, today, 5),
        (second.pk, monday, 7),
        (published[district][0].pk, today - datetime.timedelta(days=6), 11),
        (published[None][0].pk, today - datetime.timedelta(days=7), 100),  # outside 7 days
    ]
    ArticleDailyRead.objects.add_counts(reads)
    return {
        "mine": mine,
        "sent_back": sent_back,
        "waiting": waiting,
        "scheduled": scheduled,
        "published": published,
        "reads": reads,
        "today": today,
        "monday": monday,
    }


def test_every_figure_counts_the_list_it_links_to(client, newsroom_editor):
    data = newsroom(newsroom_editor)
    client.force_login(newsroom_editor)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    html = response.content.decode()
    shown = figures(html)

    [(count, href)] = shown["scheduled"]
    assert count == 2
    assert {a.pk for a in listed(client, href)} == {a.pk for a in data["scheduled"]}

    [(count, href)] = shown["my-drafts"]
    assert count == 3
    assert {a.pk for a in listed(client, href)} == {a.pk for a in data["mine"]}
    [(count, href)] = shown["sent-back"]
    assert count == 1
    assert [a.pk for a in listed(client, href)] == [data["sent_back"].pk]

    # The review queue: its count, its list oldest first, and the changelist it opens.
    [(count, href)] = shown["review"]
    assert count == 3
    oldest_first = sorted(data["waiting"], key=lambda a: a.submitted_at)
    assert [a.pk for a in listed(client, href)] == [a.pk for a in oldest_first]
    titles = [a.title for a in oldest_first]
    assert html.index(titles[0]) < html.index(titles[1]) < html.index(titles[2])

    today, monday = data["today"], data["monday"]
    week = today - datetime.timedelta(days=6)
    expected_today = sum(n for _pk, day, n in data["reads"] if day == today)
    expected_days = sum(n for _pk, day, n in data["reads"] if week <= day <= today)
    for name, expected in (("reads-today", expected_today), ("reads-days", expected_days)):
        [(count, href)] = shown[name]
        assert count == expected
        assert sum(row.count for row in listed(client, href)) == expected

    # Most read this ISO week: each figure is the sum of the article's daily rows it links to.
    week_reads = {}
    for pk, day, n in data["reads"]:
        if monday <= day <= today:
            week_reads[pk] = week_reads.get(pk, 0) + n
    assert sorted(count for count, _href in shown["most-read"]) == sorted(week_reads.values())
    for count, href in shown["most-read"]:
        rows = listed(client, href)
        assert len({row.article_id for row in rows}) == 1
        assert sum(row.count for row in rows) == count == week_reads[rows[0].article_id]

    per_unit = {href: count for count, href in shown["unit"]}
    assert sorted(per_unit.values()) == [1, 1, 2]
    for href, count in per_unit.items():
        found = listed(client, href)
        assert len(found) == count
        assert len({a.organization_id for a in found}) == 1
        assert {a.pk for a in found} <= {a.pk for arts in data["published"].values() for a in arts}
    [(total, href)] = shown["units-total"]
    assert total == 4
    assert {a.pk for a in listed(client, href)} == {
        a.pk for arts in data["published"].values() for a in arts
    }
    assert "Huyện đoàn Tân Hiệp" in html and "Không thuộc đơn vị nào" in html
    assert reverse("admin:unit_report") in html
    # Django's list of apps is still on the page.
    assert reverse("admin:news_article_changelist") in html and 'id="nav-sidebar"' not in html


def test_the_dashboard_speaks_vietnamese(client, newsroom_editor):
    client.force_login(newsroom_editor)
    html = client.get(reverse("admin:index")).content.decode()
    for text in ("Bài chờ duyệt", "Bài hẹn giờ đăng", "Bài nháp của tôi", "Hôm nay", "7 ngày qua",
                 "Đọc nhiều nhất tuần này", "Số bài đăng của từng đơn vị"):  # fmt: skip
        assert text in html


def test_what_each_person_sees(client):
    """The review queue, scheduled articles, reads, units and the unit report are for editors
    and administrators; a contributor ("Cộng tác viên") sees their own drafts only."""
    client.force_login(in_role(CONTRIBUTORS, "congtacvien"))
    shown = figures(client.get(reverse("admin:index")).content.decode())
    assert set(shown) == {"my-drafts", "sent-back"}

    client.force_login(in_role(ADMINISTRATORS, "quantri"))
    shown = figures(client.get(reverse("admin:index")).content.decode())
    assert {"review", "scheduled", "my-drafts", "reads-today", "units-total"} <= set(shown)


def test_the_dashboard_asks_a_fixed_number_of_queries(client, newsroom_editor):
    client.force_login(newsroom_editor)
    newsroom(newsroom_editor)
    client.get(reverse("admin:index"))  # sessions, content types and permissions warmed up
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("admin:index"))
    union = OrganizationFactory()
    for n in range(10):
        ArticleFactory(draft=True, created_by=newsroom_editor)
        ArticleFactory(status=Article.Status.REVIEW, submitted_at=timezone.now())
        ArticleFactory(scheduled=True)
        article = ArticleFactory(
            organization=union if n % 2 else None, published_at=this_month(0.5)
        )
        ArticleDailyRead.objects.add_counts([(article.pk, timezone.localdate(), n + 1)])
    with CaptureQueriesContext(connection) as many:
        response = client.get(reverse("admin:index"))
    assert len(figures(response.content.decode())["most-read"]) == 5
    assert len(many) == len(few) <= 17, "\n".join(q["sql"][:160] for q in many)


def test_the_reads_list_is_view_only(client, newsroom_editor):
    article = ArticleFactory()
    ArticleDailyRead.objects.add_counts([(article.pk, timezone.localdate(), 3)])
    client.force_login(newsroom_editor)
    row = ArticleDailyRead.objects.get()
    assert client.get(reverse("admin:news_articledailyread_changelist")).status_code == 200
    assert client.get(reverse("admin:news_articledailyread_add")).status_code == 403
    response = client.post(
        reverse("admin:news_articledailyread_change", args=[row.pk]), {"count": 999}
    )
    assert response.status_code == 403
    row.refresh_from_db()
    assert row.count == 3
