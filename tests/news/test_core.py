"""The news core: canonical URLs, drafts hidden from readers, what an editor's save stores."""

import pytest
from django.urls import reverse

from news.models import Article
from tests.factories import ArticleFactory, CategoryFactory, TagFactory

pytestmark = pytest.mark.django_db


def test_article_url_is_slug_dash_id():
    article = ArticleFactory(title="Đỗ Thanh Bình phát biểu")
    assert article.get_absolute_url() == f"/tin-tuc/do-thanh-binh-phat-bieu-{article.pk}/"


@pytest.mark.parametrize("wrong", ["ten-cu", "do-thanh-binh", "x", ""])
def test_other_slug_for_the_same_id_is_a_301_to_the_canonical_url(client, wrong):
    article = ArticleFactory(title="Đỗ Thanh Bình phát biểu")
    response = client.get(f"/tin-tuc/{wrong}-{article.pk}/")
    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url()


def test_canonical_url_answers_200(client):
    article = ArticleFactory()
    assert client.get(article.get_absolute_url()).status_code == 200


def test_unknown_id_is_404(client):
    assert client.get("/tin-tuc/khong-co-999999/").status_code == 404


@pytest.mark.parametrize("trait", ["draft", "scheduled"])
def test_draft_and_scheduled_articles_are_never_shown_to_readers(client, trait):
    article = ArticleFactory(**{trait: True}, title="Bài chưa đăng bí mật")
    assert client.get(article.get_absolute_url()).status_code == 404
    assert client.get(f"/tin-tuc/sai-{article.pk}/").status_code == 404
    assert "Bài chưa đăng bí mật" not in client.get("/").content.decode()
    category_page = client.get(article.category.get_absolute_url()).content.decode()
    assert "Bài chưa đăng bí mật" not in category_page


def test_staff_without_article_permission_cannot_see_drafts(client, django_user_model):
    article = ArticleFactory(draft=True)
    client.force_login(django_user_model.objects.create_user("nhanvien", is_staff=True))
    assert client.get(article.get_absolute_url()).status_code == 404


def test_editor_can_preview_a_draft(editor_client):
    article = ArticleFactory(draft=True)
    assert editor_client.get(article.get_absolute_url()).status_code == 200


def test_slug_is_made_from_the_title_and_kept_unique():
    first = Article.objects.create(title="Đoàn Thanh niên", category=CategoryFactory())
    second = Article.objects.create(title="Đoàn Thanh niên", category=first.category)
    assert first.slug == "doan-thanh-nien"
    assert second.slug == "doan-thanh-nien-2"


def test_editor_changed_slug_keeps_old_links_working(client):
    article = ArticleFactory(title="Tiêu đề cũ")
    old_url = article.get_absolute_url()
    article.slug = "tieu-de-moi"
    article.save()
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == f"/tin-tuc/tieu-de-moi-{article.pk}/"


def test_save_keeps_search_copies_in_sync():
    article = ArticleFactory(title="Dân vận KHÉO", lead="Đoàn viên", body="<p>Tình nguyện</p>")
    assert article.search_title == "dan van kheo dân vận khéo"
    assert "doan vien" in article.search_text and "tinh nguyen" in article.search_text
    assert "<p>" not in article.search_text


def test_editor_save_never_writes_back_a_stale_read_count():
    article = ArticleFactory()
    stale = Article.objects.get(pk=article.pk)
    Article.objects.filter(pk=article.pk).update(read_count=41)
    stale.title = "Tiêu đề biên tập viên sửa"
    stale.save()
    article.refresh_from_db()
    assert article.read_count == 41
    assert article.title == "Tiêu đề biên tập viên sửa"


def test_in_category_includes_sub_categories():
    parent = CategoryFactory()
    child = CategoryFactory(parent=parent)
    in_parent = ArticleFactory(category=parent)
    in_child = ArticleFactory(category=child)
    ArticleFactory()
    assert set(Article.objects.in_category(parent)) == {in_parent, in_child}


def test_tags_factory_trait():
    tag = TagFactory(name="Đại hội Đoàn")
    assert tag.slug == "dai-hoi-doan"
    assert list(ArticleFactory(tags=[tag]).tags.all()) == [tag]


def test_healthz_reports_database_and_cache(client):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok"}


def test_old_site_links_redirect_permanently_to_the_imported_article(client):
    article = ArticleFactory(legacy_id=2201)
    response = client.get("/news.php", {"id": "2201"})
    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url()


@pytest.mark.parametrize("value", ["", "abc", "-1", "1e3", "٣", "9" * 30, "2201'--"])
def test_bad_old_site_ids_are_404(client, value):
    ArticleFactory(legacy_id=2201)
    assert client.get("/news.php", {"id": value}).status_code == 404


def test_old_site_link_to_a_draft_is_404(client):
    ArticleFactory(legacy_id=7, draft=True)
    assert client.get("/news.php", {"id": "7"}).status_code == 404
