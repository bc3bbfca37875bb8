"""Tag pages at /the/<slug>/: the tag's published articles, reached from the articles' tags."""

import pytest

from organizations.models import SiteIdentity
from tests.factories import ArticleFactory, ArticleImageFactory, SourceFactory, TagFactory
from tests.support import markup, page_queries

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _identity(db):
    SiteIdentity.load()


def test_tag_page_lists_the_tags_published_articles_only(client):
    tag = TagFactory(name="Tình nguyện hè")
    ArticleFactory(title="Bài có thẻ", tags=[tag])
    ArticleFactory(title="Bài nháp có thẻ", tags=[tag], draft=True)
    ArticleFactory(title="Bài hẹn giờ có thẻ", tags=[tag], scheduled=True)
    # The old tag links ran a text search: this one says the tag's name but does not have it.
    ArticleFactory(title="Bài nói về Tình nguyện hè nhưng không gắn thẻ")
    response = client.get("/the/tinh-nguyen-he/")
    assert response.status_code == 200
    body = markup(response)
    assert "<h1>Thẻ: Tình nguyện hè</h1>" in body
    assert "Bài có thẻ" in body
    assert "Bài nháp" not in body and "hẹn giờ" not in body and "không gắn thẻ" not in body


def test_tag_pages_are_paginated_and_unknown_ones_404(client):
    tag = TagFactory()
    ArticleFactory.create_batch(21, tags=[tag])
    assert client.get(tag.get_absolute_url(), {"page": "2"}).status_code == 200
    assert client.get(tag.get_absolute_url(), {"page": "3"}).status_code == 404
    assert client.get(tag.get_absolute_url(), {"page": "x"}).status_code == 404
    assert client.get("/the/khong-co/").status_code == 404


def test_tag_links_on_an_article_lead_to_the_tag_page(client):
    tag = TagFactory(name="Đại hội Đoàn")
    article = ArticleFactory(tags=[tag])
    body = client.get(article.get_absolute_url()).content.decode()
    assert '<a href="/the/dai-hoi-doan/" rel="tag">Đại hội Đoàn</a>' in body
    assert "/tim-kiem/?q=" not in body.split('class="tags"')[1].split("</p>")[0]


@pytest.mark.parametrize("rows", [5, 50])
def test_tag_page_queries_are_pinned(client, rows):
    tag, source = TagFactory(), SourceFactory()
    for _ in range(rows):
        ArticleImageFactory(
            article=ArticleFactory(tags=[tag, TagFactory()], source=source, with_cover=True)
        )
    # the tag, a count, the page's ids, its rows (with category and source); the menu and
    # the site-wide blocks come from the cache
    assert page_queries(client, tag.get_absolute_url()) == 4


def test_a_tag_page_counts_no_further_than_its_cap_and_says_so(client, monkeypatch):
    monkeypatch.setattr("news.views.TAG_MAX_ARTICLES", 25)
    tag = TagFactory()
    articles = ArticleFactory.create_batch(27, tags=[tag])
    url = tag.get_absolute_url()
    first = client.get(url)
    assert first.context["page"].paginator.count == 25 and first.context["is_capped"]
    assert "Trang này chỉ liệt kê 25 bài mới nhất có thẻ này" in first.content.decode()
    newest = sorted(articles, key=lambda a: (a.published_at, a.pk), reverse=True)
    # The last page holds the 21st to 25th newest: never the oldest ones of the whole list.
    last = client.get(url, {"page": 2})
    assert [a.pk for a in last.context["page"]] == [a.pk for a in newest[20:25]]
    assert client.get(url, {"page": 3}).status_code == 404
    assert not client.get(TagFactory().get_absolute_url()).context["is_capped"]
