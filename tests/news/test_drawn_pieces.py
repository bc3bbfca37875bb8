"""Pieces of pages kept ready-drawn in each process's memory (news.caching): article cards and
the article page's own parts. Drawn once, never stale, whatever changes, by whatever means."""

import pytest

from news.models import Article, ArticleImage, Tag
from organizations.models import Organization, SiteIdentity
from tests.factories import (
    ArticleFactory,
    ArticleImageFactory,
    CategoryFactory,
    DocumentFactory,
    OrganizationFactory,
    SourceFactory,
    TagFactory,
)
from tests.support import markup, text

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


# --- the article page's own parts -----------------------------------------------------------

BLOCK = "news/includes/article_block.html"


def blocks_drawn(response):
    return sum(1 for template in response.templates if template.name == BLOCK)


@pytest.fixture
def article():
    article = ArticleFactory(
        title="Tuổi trẻ ra quân",
        organization=OrganizationFactory(name="Huyện đoàn Châu Thành"),
        source=SourceFactory(name="Báo Kiên Giang"),
        tags=[TagFactory(name="Tình nguyện hè")],
    )
    ArticleImageFactory(article=article, caption="Đoàn viên dọn vệ sinh")
    return article


def test_the_article_is_drawn_once_while_its_read_count_and_documents_stay_live(
    client, no_page_cache, article
):
    url = article.get_absolute_url()
    first = client.get(url)
    assert blocks_drawn(first) == 1
    assert '<span id="read-count">0</span>' in markup(text(first))
    Article.objects.filter(pk=article.pk).update(read_count=2201)
    document = DocumentFactory(summary="Kế hoạch Chiến dịch Thanh niên tình nguyện hè")
    document.articles.add(article)
    second = client.get(url)
    assert blocks_drawn(second) == 0  # the article was not drawn again...
    page = markup(text(second))
    assert '<span id="read-count">2.201</span>' in page  # ...yet its count is today's
    assert "Kế hoạch Chiến dịch Thanh niên tình nguyện hè" in page  # and the document shows
    assert page.count("Tuổi trẻ ra quân</h1>") == 1


@pytest.mark.parametrize(
    "change, shown",
    [
        (
            lambda a: Article.objects.filter(pk=a.pk).update(title="Tiêu đề sửa bằng SQL"),
            "Tiêu đề sửa bằng SQL",
        ),  # fmt: skip
        (lambda a: Tag.objects.update(name="Mùa hè xanh"), "Mùa hè xanh"),
        (lambda a: ArticleImage.objects.update(caption="Chú thích mới"), "Chú thích mới"),
        (
            lambda a: Organization.objects.filter(pk=a.organization_id).update(name="Thành đoàn"),
            "Thành đoàn",
        ),  # fmt: skip
        (lambda a: type(a.source).objects.update(name="Báo Thanh Niên"), "Báo Thanh Niên"),
        (
            lambda a: (
                type(a.category).objects.filter(pk=a.category_id).update(name="Chuyên mục mới")
            ),
            "Chuyên mục mới",
        ),  # fmt: skip
        (lambda a: rename_site("Tỉnh đoàn Hậu Giang"), "Tỉnh đoàn Hậu Giang –"),
    ],
    ids=["article", "tag", "picture", "organisation", "source", "category", "site name"],
)
def test_whatever_the_article_shows_changes_at_once_even_without_a_save(
    client, no_page_cache, article, change, shown
):
    """Changed in SQL, so no receiver runs and no version is bumped: what the article is
    drawn from is its key. (The site's identity is itself cached under the site version, so
    it is saved through the model, for that cache to know.)"""
    url = article.get_absolute_url()
    assert shown not in text(client.get(url))
    change(article)
    assert shown in text(client.get(url))


def rename_site(name):
    identity = SiteIdentity.load()
    identity.site_name = name
    identity.save()
