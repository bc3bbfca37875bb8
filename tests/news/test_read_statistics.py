"""The admin's read figures: the article list's column and the "Thống kê" page."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from news.models import Article, ArticleDailyRead
from tests.factories import ArticleFactory, UserFactory

pytestmark = pytest.mark.django_db


def add_reads(article, days_ago, count):
    """Reads as counting stores them (the day's, the week's and the month's rows)."""
    day = timezone.localdate() - datetime.timedelta(days=days_ago)
    ArticleDailyRead.objects.add_counts([(article.pk, day, count)])


def test_the_article_list_shows_reads_sortable_and_never_editable(admin_client):
    low, high = ArticleFactory(title="Ít người đọc"), ArticleFactory(title="Nhiều người đọc")
    Article.objects.filter(pk=high.pk).update(read_count=2500)
    Article.objects.filter(pk=low.pk).update(read_count=3)
    url = reverse("admin:news_article_changelist")
    page = admin_client.get(url)
    assert "Số lần đọc" in page.content.decode()
    column = page.context["cl"].list_display.index("reads")
    page = admin_client.get(url, {"o": f"-{column}"})
    assert [a.pk for a in page.context["cl"].result_list] == [high.pk, low.pk]
    assert "2.500" in page.content.decode()
    form = (
        admin_client.get(reverse("admin:news_article_change", args=[high.pk]))
        .context["adminform"]
        .form
    )
    assert "read_count" not in form.fields


def test_statistics_page_draws_30_days_and_the_top_20(admin_client, django_assert_num_queries):
    articles = ArticleFactory.create_batch(25)
    for n, article in enumerate(articles):
        add_reads(article, n % 30, n + 1)
    url = reverse("admin:news_article_statistics")
    page = admin_client.get(url)
    html = page.content.decode()
    assert page.status_code == 200
    assert "Thống kê" in html
    assert html.count('<svg class="reads-chart"') == 1
    assert html.count("<rect ") == 30
    top = page.context["top_articles"]
    assert len(top) == 20
    assert top[0] == articles[-1] and top[0].period_reads == 25
    assert page.context["site_chart"]["total"] == sum(range(1, 26))
    one = articles[3]
    page = admin_client.get(url, {"article": one.pk})
    assert page.context["article_chart"]["total"] == 4
    assert page.content.decode().count('<svg class="reads-chart"') == 2


@pytest.mark.parametrize("count", [5, 40])
def test_statistics_page_queries_do_not_grow_with_articles(
    admin_client, django_assert_num_queries, count
):
    for n, article in enumerate(ArticleFactory.create_batch(count)):
        add_reads(article, n % 30, 1)
    url = reverse("admin:news_article_statistics")
    # Session, user, site totals, top 20 (with categories); the site identity is cached.
    with django_assert_num_queries(4):
        assert admin_client.get(url).status_code == 200
    # And for one article: the article and its days.
    one = Article.objects.first()
    with django_assert_num_queries(6):
        assert admin_client.get(url, {"article": one.pk}).context["article"] == one


@pytest.mark.parametrize("value", ["abc", "999999", "²", "١٢", "9" * 30])
def test_statistics_for_an_unknown_article_say_so(admin_client, value):
    page = admin_client.get(reverse("admin:news_article_statistics"), {"article": value})
    assert page.status_code == 404
    assert "Không có bài viết nào mang số" in page.content.decode()


def test_statistics_need_the_right_to_see_articles(client):
    url = reverse("admin:news_article_statistics")
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(UserFactory(is_staff=True))
    assert client.get(url).status_code == 403


def test_statistics_chart_coordinates_are_plain_numbers(admin_client):
    # Vietnamese writes 12,5 for 12.5; an SVG coordinate like that draws nothing.
    for n, article in enumerate(ArticleFactory.create_batch(3)):
        add_reads(article, n, 1234 * (n + 1))
    html = admin_client.get(reverse("admin:news_article_statistics")).content.decode()
    start = html.index('<svg class="reads-chart"')
    svg = html[start : html.index("</svg>", start)]
    coordinates = re.findall(r'\b(?:x|y|x1|x2|y1|y2|width|height)="([^"]*)"', svg)
    assert len(coordinates) > 120
    assert all(re.fullmatch(r"[0-9]+(\.[0-9]+)?|100%", value) for value in coordinates)
    assert ">2.000<" in svg or ">5.000<" in svg  # tick labels stay Vietnamese
