import pytest

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_article_page_opens_in_chromium(page, live_server):
    article = ArticleFactory(title="Dân vận khéo ở Kiên Giang")
    page.goto(live_server.url + article.get_absolute_url())
    assert page.locator("h1").inner_text() == "Dân vận khéo ở Kiên Giang"
