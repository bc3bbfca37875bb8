import pytest
from django.core.management import CommandError, call_command

from news.models import Article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_bench_data_fills_articles_as_save_would(tmp_path):
    call_command("bench_data", articles=30, seed=1)
    assert Article.objects.count() == 30
    assert Article.tags.through.objects.exists()
    slugs = list(Article.objects.values_list("slug", flat=True))
    assert len(set(slugs)) == 30
    for article in Article.objects.all():
        stored = (article.slug, article.body, article.search_title, article.search_text)
        article.slug = ""
        article.save()  # save() derives the fields again from what an editor would have typed
        article.refresh_from_db()
        assert (article.body, article.search_title, article.search_text) == stored[1:]
        assert article.slug.split("-")[:4] == stored[0].split("-")[:4]


def test_bench_data_refuses_a_database_with_articles():
    existing = ArticleFactory()
    with pytest.raises(CommandError, match="đã có bài viết"):
        call_command("bench_data", articles=5)
    assert list(Article.objects.all()) == [existing]
    call_command("bench_data", articles=5, force=True)
    assert Article.objects.count() == 6
