""" "Tin đọc nhiều": today, this week (7 days) and this month (30 days), cached, and cheap
whatever the number of articles."""

import datetime
import re

import pytest
from django.core.cache import caches
from django.db import connection
from django.template import Context, Template
from django.utils import timezone

from news.models import Article, ArticleDailyRead, ArticlePeriodRead, month_of, week_of
from news.templatetags.reads_tags import most_read_windows
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


# A Wednesday: its week runs from Monday 16 to Sunday 22 November 2026.
WEDNESDAY = datetime.date(2026, 11, 18)


def read(article, day, count):
    """Reads as counting stores them (the day's, the week's and the month's rows)."""
    ArticleDailyRead.objects.add_counts([(article.pk, day, count)])


def days_ago(n):
    return timezone.localdate() - datetime.timedelta(days=n)


def ranked(window, day=WEDNESDAY, limit=10):
    return [a.title for a in Article.objects.published().most_read_in(window, limit, day=day)]


def titles(window):
    return [article.title for article in window["articles"]]


def test_each_window_counts_its_own_days():
    today = ArticleFactory(title="Thứ Tư")
    monday = ArticleFactory(title="Thứ Hai")
    sunday_before = ArticleFactory(title="Chủ nhật tuần trước")
    first = ArticleFactory(title="Mùng một")
    october = ArticleFactory(title="Tháng trước")
    next_week = ArticleFactory(title="Tuần sau")
    read(today, WEDNESDAY, 5)
    read(monday, datetime.date(2026, 11, 16), 40)
    read(sunday_before, datetime.date(2026, 11, 15), 30)
    read(first, datetime.date(2026, 11, 1), 20)
    read(october, datetime.date(2026, 10, 31), 999)
    read(next_week, datetime.date(2026, 11, 23), 999)
    assert ranked("day") == ["Thứ Tư"]
    assert ranked("week") == ["Thứ Hai", "Thứ Tư"]
    assert ranked("month") == [
        "Tuần sau",
        "Thứ Hai",
        "Chủ nhật tuần trước",
        "Mùng một",
        "Thứ Tư",
    ]
    month = Article.objects.published().most_read_in("month", 10, day=WEDNESDAY)
    assert [a.period_reads for a in month] == [999, 40, 30, 20, 5]


def test_an_iso_week_across_the_new_year_is_one_week():
    article = ArticleFactory(title="Giao thừa")
    read(article, datetime.date(2026, 12, 31), 3)  # Thursday of week 2026-W53
    read(article, datetime.date(2027, 1, 2), 4)  # Saturday of the same week
    assert week_of(datetime.date(2027, 1, 2)) == "2026-W53" == week_of(datetime.date(2026, 12, 31))
    top = Article.objects.published().most_read_in("week", 10, day=datetime.date(2027, 1, 3))
    assert [a.period_reads for a in top] == [7]
    assert month_of(datetime.date(2027, 1, 2)) == "2027-01"
    assert [
        a.period_reads
        for a in Article.objects.most_read_in("month", 10, day=datetime.date(2027, 1, 3))
    ] == [4]


def test_reads_of_several_days_add_up_and_every_counted_read_reaches_all_three():
    steady, burst = ArticleFactory(title="Đều đặn"), ArticleFactory(title="Bùng nổ")
    for day in range(16, 21):
        read(steady, datetime.date(2026, 11, day), 10)
    read(burst, datetime.date(2026, 11, 17), 45)
    burst.count_read(2, day=WEDNESDAY)  # a read counted the usual way
    assert ranked("week") == ["Đều đặn", "Bùng nổ"]
    assert ranked("day") == ["Đều đặn", "Bùng nổ"]
    assert ArticlePeriodRead.objects.get(article=burst, period="2026-W47").count == 47
    assert ArticlePeriodRead.objects.get(article=burst, period="2026-11").count == 47


def test_withdrawn_and_scheduled_articles_are_left_out_without_a_gap():
    shown = [ArticleFactory(title=f"Bài {n}") for n in range(3)]
    for n, article in enumerate(shown):
        read(article, WEDNESDAY, 10 + n)
    read(ArticleFactory(title="Rút lại", draft=True), WEDNESDAY, 1000)
    read(ArticleFactory(title="Hẹn giờ", scheduled=True), WEDNESDAY, 500)
    assert ranked("day", limit=2) == ["Bài 2", "Bài 1"]
    assert ranked("month", limit=2) == ["Bài 2", "Bài 1"]


def test_the_box_offers_three_tabs_that_are_links_to_their_panels(client):
    read(ArticleFactory(title="Được đọc hôm nay"), days_ago(0), 7)
    html = re.sub(r"\s+", " ", client.get("/").content.decode())
    box = html[html.index('class="box most-read"') :]
    for key, label in [("day", "Hôm nay"), ("week", "Tuần này"), ("month", "Tháng này")]:
        assert f'href="#most-read-{key}">{label}</a>' in box
        panel = box[box.index(f'id="most-read-{key}"') :]
        assert "Được đọc hôm nay" in panel[: panel.index("</ol>")]


def test_a_quiet_day_says_so_and_no_box_when_nothing_was_read_this_month(client):
    article = ArticleFactory(title="Hôm qua")
    yesterday = days_ago(1)
    if yesterday.month == timezone.localdate().month:
        read(article, yesterday, 3)
        box = client.get("/").content.decode()
        day = box[box.index('id="most-read-day"') : box.index('id="most-read-week"')]
        assert "Chưa có bài nào được đọc trong thời gian này." in day
    ArticleDailyRead.objects.all().delete()
    ArticlePeriodRead.objects.all().delete()
    read(article, days_ago(40), 100)
    # The day changes in real life; here every cache (the box's and the whole page's) is emptied.
    for each in caches.all():
        each.clear()
    assert 'class="box most-read"' not in client.get("/").content.decode()


def test_a_new_day_starts_a_new_today(monkeypatch):
    article = ArticleFactory(title="Hôm qua")
    read(article, timezone.localdate(), 3)
    assert [a.title for a in most_read_windows()[0]["articles"]] == ["Hôm qua"]
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *args: tomorrow)
    assert most_read_windows()[0]["articles"] == []


@pytest.mark.parametrize("count", [5, 50])
def test_the_box_costs_the_same_whatever_the_number_of_articles(count, django_assert_num_queries):
    for n, article in enumerate(ArticleFactory.create_batch(count)):
        read(article, timezone.localdate(), n + 1)
    template = Template("{% load reads_tags %}{% most_read_block %}")
    # Per window: rank the period's daily rows, then load the winners.
    with django_assert_num_queries(6):
        html = template.render(Context({}))
    assert html.count("<li>") == 3 * min(count, 10)
    assert "Tin đọc nhiều" in html
    with django_assert_num_queries(0):
        assert template.render(Context({})) == html
    assert most_read_windows()[0]["articles"][0].period_reads == count


def _plan(queryset):
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # A few test rows: make the planner show whether the index alone can serve the
            # order (on a real table it chooses it by itself, see the README's measurement).
            for setting in ("enable_seqscan", "enable_bitmapscan", "enable_sort"):
                cursor.execute(f"SET LOCAL {setting} = off")
            cursor.execute("EXPLAIN " + sql, params)
            return " ".join(row[0] for row in cursor.fetchall())
        cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        return " ".join(str(row) for row in cursor.fetchall())


def test_each_ranking_reads_its_first_rows_from_a_rank_index_without_sorting():
    for article in ArticleFactory.create_batch(3):
        read(article, WEDNESDAY, 1)
    day = _plan(ArticleDailyRead.objects.ranked_on(WEDNESDAY)[:30])
    period = _plan(ArticlePeriodRead.objects.ranked_in("2026-11")[:30])
    if connection.vendor == "postgresql":
        assert "daily_read_rank_idx" in day and "Sort" not in day, day
        assert "period_read_rank_idx" in period and "Sort" not in period, period
    else:
        assert "COVERING INDEX daily_read_rank_idx (date=?)" in day, day
        assert "TEMP B-TREE" not in day, day
        assert "period_read_rank_idx (period=?)" in period, period
        assert "TEMP B-TREE" not in period, period


def test_an_article_renamed_shows_in_the_cached_box_at_once(client):
    article = ArticleFactory(title="Tên cũ")
    read(article, timezone.localdate(), 9)
    assert "Tên cũ" in client.get("/").content.decode()
    article.title = "Tên mới"
    article.save()
    body = client.get("/").content.decode()
    assert "Tên mới" in body and "Tên cũ" not in body


def test_an_article_made_draft_again_leaves_the_cached_most_read_box_at_once(client):
    article = ArticleFactory(title="Bài được đọc nhiều rồi rút lại")
    article.count_read(50)
    assert "Bài được đọc nhiều rồi rút lại" in client.get("/").content.decode()
    article.status = Article.Status.DRAFT
    article.save()
    assert "Bài được đọc nhiều rồi rút lại" not in client.get("/").content.decode()


# --- Article.most_read(days=...): the admin's top list ---


def test_most_read_ranks_by_reads_within_the_period():
    old_hit, steady, fresh, unread = ArticleFactory.create_batch(4)
    read(old_hit, days_ago(7), 1000)  # just before the 7 days (today and the 6 before it)
    read(old_hit, days_ago(6), 3)
    read(steady, days_ago(6), 5)
    read(steady, days_ago(0), 5)
    read(fresh, days_ago(0), 8)
    ranked = list(Article.objects.published().most_read(days=7))
    assert ranked == [steady, fresh, old_hit]
    assert [a.period_reads for a in ranked] == [10, 8, 3]
    assert list(Article.objects.most_read(days=8))[0] == old_hit
    assert list(Article.objects.most_read(days=1)) == [fresh, steady]


def test_most_read_leaves_out_unpublished_articles():
    shown, hidden = ArticleFactory(), ArticleFactory(draft=True)
    read(shown, days_ago(0), 1)
    read(hidden, days_ago(0), 9)
    assert list(Article.objects.published().most_read(days=1)) == [shown]
