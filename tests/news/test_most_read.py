""" "Tin đọc nhiều": today, this week (7 days) and this month (30 days), cached, and cheap
whatever the number of articles."""

import datetime
import re

import pytest
from django.db import connection
from django.template import Context, Template
from django.utils import timezone

from news.models import ArticleDailyRead
from news.templatetags.reads_tags import most_read_windows
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def read(article, days_ago, count):
    ArticleDailyRead.objects.create(
        article=article, date=timezone.localdate() - datetime.timedelta(days=days_ago), count=count
    )


def titles(window):
    return [article.title for article in window["articles"]]


def test_each_window_counts_its_own_days():
    today = ArticleFactory(title="Hôm nay")
    six_days = ArticleFactory(title="Sáu ngày trước")
    seven_days = ArticleFactory(title="Bảy ngày trước")
    month_edge = ArticleFactory(title="Hai mươi chín ngày trước")
    too_old = ArticleFactory(title="Ba mươi ngày trước")
    read(today, 0, 5)
    read(six_days, 6, 40)
    read(seven_days, 7, 30)
    read(month_edge, 29, 20)
    read(too_old, 30, 999)
    day, week, month = most_read_windows()
    assert [w["key"] for w in (day, week, month)] == ["day", "week", "month"]
    assert titles(day) == ["Hôm nay"]
    assert titles(week) == ["Sáu ngày trước", "Hôm nay"]
    assert titles(month) == [
        "Sáu ngày trước",
        "Bảy ngày trước",
        "Hai mươi chín ngày trước",
        "Hôm nay",
    ]
    assert [a.period_reads for a in month["articles"]] == [40, 30, 20, 5]


def test_reads_of_several_days_add_up_and_ties_stay_stable():
    steady, burst = ArticleFactory(title="Đều đặn"), ArticleFactory(title="Bùng nổ")
    for days_ago in range(5):
        read(steady, days_ago, 10)
    read(burst, 1, 45)
    week = most_read_windows()[1]
    assert titles(week) == ["Đều đặn", "Bùng nổ"]
    assert week["articles"][0].period_reads == 50


def test_withdrawn_and_scheduled_articles_are_left_out_without_a_gap():
    shown = [ArticleFactory(title=f"Bài {n}") for n in range(3)]
    for n, article in enumerate(shown):
        read(article, 0, 10 + n)
    withdrawn = ArticleFactory(title="Rút lại", draft=True)
    read(withdrawn, 0, 1000)
    read(ArticleFactory(title="Hẹn giờ", scheduled=True), 0, 500)
    assert titles(most_read_windows(limit=2)[0]) == ["Bài 2", "Bài 1"]


def test_the_box_offers_three_tabs_that_are_links_to_their_panels(client):
    read(ArticleFactory(title="Được đọc"), 3, 7)
    html = re.sub(r"\s+", " ", client.get("/").content.decode())
    box = html[html.index('class="box most-read"') :]
    for key, label in [("day", "Hôm nay"), ("week", "Tuần này"), ("month", "Tháng này")]:
        assert f'href="#most-read-{key}">{label}</a>' in box
        assert f'id="most-read-{key}"' in box
    # Nothing read today: the day's panel says so, the week's lists the article.
    day = box[box.index('id="most-read-day"') : box.index('id="most-read-week"')]
    assert "Chưa có bài nào được đọc trong thời gian này." in day
    assert "Được đọc" in box[box.index('id="most-read-week"') :]


def test_no_box_when_nothing_was_read_this_month(client):
    read(ArticleFactory(), 45, 100)
    assert 'class="box most-read"' not in client.get("/").content.decode()


def test_a_new_day_starts_a_new_today(monkeypatch):
    article = ArticleFactory(title="Hôm qua")
    read(article, 0, 3)
    assert titles(most_read_windows()[0]) == ["Hôm qua"]
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *args: tomorrow)
    day, week, _month = most_read_windows()
    assert titles(day) == [] and titles(week) == ["Hôm qua"]


@pytest.mark.parametrize("count", [5, 50])
def test_the_box_costs_the_same_whatever_the_number_of_articles(count, django_assert_num_queries):
    for n, article in enumerate(ArticleFactory.create_batch(count)):
        read(article, n % 30, n + 1)
    template = Template("{% load reads_tags %}{% most_read_block %}")
    with django_assert_num_queries(6):  # two per window
        html = template.render(Context({}))
    # day, week and month hold 1 + 5 + 5 of 5 articles, and 2 + 10 + 10 of 50
    assert html.count("<li>") == {5: 11, 50: 22}[count]
    with django_assert_num_queries(0):
        template.render(Context({}))


def test_the_ranking_reads_only_the_periods_rows_from_the_covering_index():
    for article in ArticleFactory.create_batch(3):
        read(article, 1, 1)
    ranking = ArticleDailyRead.objects.ranked_since(timezone.localdate())[:30]
    assert list(ranking) == []  # nothing today
    sql, params = ranking.query.sql_with_params()
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
            plan = " ".join(str(row) for row in cursor.fetchall())
            assert "COVERING INDEX daily_read_date_cover_idx (date>?)" in plan, plan
        elif connection.vendor == "postgresql":
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("EXPLAIN " + sql, params)
            plan = " ".join(row[0] for row in cursor.fetchall())
            assert "Index Only Scan using daily_read_date_cover_idx" in plan, plan


def test_an_article_renamed_shows_in_the_cached_box_at_once(client):
    article = ArticleFactory(title="Tên cũ")
    read(article, 2, 9)
    assert "Tên cũ" in client.get("/").content.decode()
    article.title = "Tên mới"
    article.save()
    body = client.get("/").content.decode()
    assert "Tên mới" in body and "Tên cũ" not in body
