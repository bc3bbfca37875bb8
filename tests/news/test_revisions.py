"""Every save keeps a revision; editors compare any two and restore one."""

import pytest
from django.urls import reverse
from reversion.models import Version

from news import revisions
from news.models import Article
from tests.factories import (
    ArticleFactory,
    ArticleImageFactory,
    TagFactory,
    UserFactory,
)
from tests.news.editing_helpers import article_form, change_url

pytestmark = pytest.mark.django_db


def save(client, article, action="save", **changes):
    response = client.post(change_url(article), article_form(article, _action=action, **changes))
    assert response.status_code == 302, response.context["adminform"].form.errors
    return response


def versions_of(article):
    return list(revisions.article_versions(article))


def test_every_save_keeps_a_revision_with_who_when_and_every_field(admin_client, admin_user):
    tag, other = TagFactory(name="Mùa hè xanh"), ArticleFactory(title="Bài liên quan")
    article = ArticleFactory(title="Bản đầu", body="<p>Đoạn một.</p>")
    ArticleImageFactory(article=article, caption="Ảnh ra quân")
    save(admin_client, article, tags=[tag.pk], related_articles=[other.pk])
    save(admin_client, article, title="Bản hai", body="<p>Đoạn hai.</p>")
    newest, oldest = versions_of(article)
    assert newest.revision.user == admin_user and newest.revision.date_created
    first = revisions.snapshot_from_version(oldest)
    assert first["title"] == "Bản đầu" and first["body"] == "<p>Đoạn một.</p>"
    assert first["tags"] == [tag.pk] and first["related_articles"] == [other.pk]
    assert [i["caption"] for i in first[revisions.IMAGES]] == ["Ảnh ra quân"]
    assert revisions.snapshot_from_version(newest)["title"] == "Bản hai"
    # Read counts are never versioned: restoring must not write an old count back.
    assert "read_count" not in first


def test_a_new_model_field_is_captured_without_listing_it():
    names = {f.name for f in revisions.versioned_fields()}
    editable = {
        f.name
        for f in [*Article._meta.concrete_fields, *Article._meta.many_to_many]
        if f.editable and not f.primary_key
    }
    assert names == editable - {"read_count", "search_title", "search_text"}


def test_history_speaks_vietnamese_with_the_fields_verbose_names(admin_client):
    article = ArticleFactory(title="Bản đầu", draft=True)
    save(admin_client, article, action="draft")
    save(admin_client, article, lead="Sapo mới", body="<p>Nội dung mới</p>")
    page = admin_client.get(reverse("admin:news_article_history", args=[article.pk]))
    html = page.content.decode()
    assert "Lịch sử của “Bản đầu”" in html
    assert "Sapo, Nội dung" in html  # the changed fields, by their Vietnamese names
    assert "Lưu nháp" in html and "Phiên bản đầu tiên" in html
    assert "Body" not in html and "Changed" not in html


def test_compare_shows_two_revisions_side_by_side_with_differences_marked(admin_client):
    article = ArticleFactory(body="<p>Thanh niên ra quân sáng nay.</p>")
    save(admin_client, article)
    save(admin_client, article, body="<p>Thanh niên ra quân chiều nay.</p>")
    new, old = versions_of(article)
    url = reverse("admin:news_article_compare", args=[article.pk])
    html = admin_client.get(url, {"a": old.pk, "b": new.pk}).content.decode()
    assert "<del>sáng </del>" in html and "<ins>chiều </ins>" in html
    assert "Nội dung" in html and "Khôi phục phiên bản lúc" in html


@pytest.mark.parametrize("params", [{"a": "x", "b": "1"}, {"a": "99999", "b": "1"}, {}])
def test_compare_with_unknown_revisions_is_404(admin_client, params):
    article = ArticleFactory()
    url = reverse("admin:news_article_compare", args=[article.pk])
    assert admin_client.get(url, params).status_code == 404


def test_restore_brings_back_body_tags_related_and_pictures_as_a_new_revision(admin_client):
    tag, related = TagFactory(), ArticleFactory()
    article = ArticleFactory(title="Gốc", body="<p>Bản gốc</p>")
    ArticleImageFactory(article=article, caption="Ảnh gốc")
    save(admin_client, article, tags=[tag.pk], related_articles=[related.pk])
    original = versions_of(article)[0]
    article.images.all().delete()
    save(admin_client, article, title="Sửa", body="<p>Bản sửa</p>", tags=[], related_articles=[])
    Article.objects.filter(pk=article.pk).update(read_count=77)
    response = admin_client.post(
        reverse("admin:news_article_restore", args=[article.pk, original.pk])
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.title, article.body) == ("Gốc", "<p>Bản gốc</p>")
    assert list(article.tags.all()) == [tag]
    assert list(article.related_articles.all()) == [related]
    assert [i.caption for i in article.images.all()] == ["Ảnh gốc"]
    assert article.read_count == 77  # reads that came in meanwhile are kept
    newest = versions_of(article)[0]
    assert newest.revision.comment == f"restore:{original.revision_id}"
    assert len(versions_of(article)) == 3


def test_restore_keeps_the_publication_as_it_is(admin_client):
    article = ArticleFactory(draft=True)
    save(admin_client, article, action="draft")
    draft_revision = versions_of(article)[0]
    save(admin_client, article, action="publish")
    admin_client.post(reverse("admin:news_article_restore", args=[article.pk, draft_revision.pk]))
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED


def test_restore_needs_a_post_and_change_permission(client, admin_client):
    article = ArticleFactory()
    save(admin_client, article)
    version = versions_of(article)[0]
    url = reverse("admin:news_article_restore", args=[article.pk, version.pk])
    assert admin_client.get(url).status_code == 405
    viewer = UserFactory(is_staff=True)
    client.force_login(viewer)
    assert client.post(url).status_code in (403, 404)
    assert Version.objects.get_for_object(article).count() == 1


def test_history_page_queries_do_not_grow_with_revisions(
    admin_client, django_assert_max_num_queries
):
    article = ArticleFactory()
    for n in range(5):
        save(admin_client, article, title=f"Bản {n}")
    url = reverse("admin:news_article_history", args=[article.pk])
    with django_assert_max_num_queries(30) as small:
        assert admin_client.get(url).status_code == 200
    count = len(small.captured_queries)  # before the saves below rotate the query log
    for n in range(20):
        save(admin_client, article, title=f"Bản sau {n}")
    with django_assert_max_num_queries(count):
        assert admin_client.get(url).status_code == 200
