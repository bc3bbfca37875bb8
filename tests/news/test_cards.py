"""Article cards kept ready-drawn in each process's memory (news.caching.article_card): drawn
once, never stale, whatever changes."""

import pytest

from tests.factories import ArticleFactory, CategoryFactory
from tests.support import markup

pytestmark = pytest.mark.django_db

CARD = "news/includes/article_card.html"


@pytest.fixture
def no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0  # every request draws its page: only the cards are kept


def cards_drawn(response):
    return sum(1 for template in response.templates if template.name == CARD)


def test_a_card_is_drawn_once_then_taken_ready_drawn(client, no_page_cache):
    category = CategoryFactory(name="Tin Đoàn")
    for number in range(3):
        ArticleFactory(title=f"Bài số {number}", category=category)
    first = client.get(category.get_absolute_url())
    second = client.get(category.get_absolute_url())
    assert cards_drawn(first) == 3
    assert cards_drawn(second) == 0
    assert second.content == first.content


def test_a_new_title_draws_a_new_card_at_once(client, no_page_cache):
    article = ArticleFactory(title="Tiêu đề cũ")
    url = article.category.get_absolute_url()
    assert "Tiêu đề cũ" in client.get(url).content.decode()
    article.title = "Tiêu đề mới"
    article.save()
    page = client.get(url).content.decode()
    assert "Tiêu đề mới" in page
    assert "Tiêu đề cũ" not in page


def test_a_change_made_without_save_still_shows(client, no_page_cache):
    """The key is what the card shows, not a version a save would bump: an UPDATE in SQL
    (an import, a fix in the database) shows on the next page drawn too."""
    article = ArticleFactory(title="Trước", lead="Sapo trước")
    url = article.category.get_absolute_url()
    client.get(url)
    type(article).objects.filter(pk=article.pk).update(title="Sau", lead="Sapo sau")
    page = client.get(url).content.decode()
    assert "Sau" in page and "Sapo sau" in page
    assert "Sapo trước" not in page


def test_a_renamed_category_shows_on_the_cards_that_name_it(client, no_page_cache):
    article = ArticleFactory(category=CategoryFactory(name="Tình nguyện"))
    # The home page's "latest news" names each article's category.
    assert "</time>· Tình nguyện</p>" in markup(client.get("/").content.decode())
    article.category.name = "Hoạt động tình nguyện"
    article.category.save()
    assert "</time>· Hoạt động tình nguyện</p>" in markup(client.get("/").content.decode())


def test_the_same_article_gets_the_card_each_list_asks_for(client, no_page_cache):
    """The big card with its lead on the home page and the small one among related news are
    two cards, kept apart."""
    category = CategoryFactory(name="Phong trào")
    older = ArticleFactory(title="Bài cũ hơn", lead="Sapo bài cũ", category=category)
    newer = ArticleFactory(title="Bài mới", category=category)
    category_page = markup(client.get(category.get_absolute_url()).content.decode())
    related = markup(client.get(newer.get_absolute_url()).content.decode())
    assert '<p class="card-lead">Sapo bài cũ</p>' in category_page
    assert f'<a href="{older.get_absolute_url()}">Bài cũ hơn</a></h3>' in related
    assert '<p class="card-lead">Sapo bài cũ</p>' not in related
