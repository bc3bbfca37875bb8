"""What an editor's browser posts from the article form, and the staff of the review workflow,
for the admin tests."""

from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from news.editing import version_token
from news.models import Article
from tests.factories import ArticleFactory, UserFactory


def article_form(article=None, **overrides):
    """The article form as a browser posts it, loaded now (so with today's version token)."""
    if article is not None:
        article = Article.objects.get(pk=article.pk)
    when = timezone.localtime(article.published_at if article else timezone.now())
    data = {
        "title": article.title if article else "Tuổi trẻ Kiên Giang ra quân",
        "slug": article.slug if article else "",
        "lead": article.lead if article else "(KGO) - Sáng nay, Tỉnh đoàn ra quân.",
        "body": article.body if article else "<p>Nội dung</p>",
        "category": article.category_id if article else "",
        "published_at_0": when.strftime("%d/%m/%Y"),
        "published_at_1": when.strftime("%H:%M:%S"),
        "initial-published_at_0": when.strftime("%d/%m/%Y"),
        "initial-published_at_1": when.strftime("%H:%M:%S"),
        "version_token": version_token(article),
        "images-TOTAL_FORMS": "0",
        "images-INITIAL_FORMS": "0",
    }
    if article is not None:
        data["tags"] = [str(t.pk) for t in article.tags.all()]
        data["related_articles"] = [str(a.pk) for a in article.related_articles.all()]
        images = list(article.images.all())
        data["images-TOTAL_FORMS"] = data["images-INITIAL_FORMS"] = str(len(images))
        for index, image in enumerate(images):
            data.update(
                {
                    f"images-{index}-id": str(image.pk),
                    f"images-{index}-article": str(article.pk),
                    f"images-{index}-caption": image.caption,
                    f"images-{index}-alt_text": image.alt_text,
                    f"images-{index}-order": str(image.order),
                }
            )
    data.update(overrides)
    return data


def change_url(article):
    return reverse("admin:news_article_change", args=[article.pk])


WRITER_HIDDEN = ("published_at_0", "published_at_1", "initial-published_at_0",
                 "initial-published_at_1")  # fmt: skip


def staff(role, **kwargs):
    user = UserFactory(is_staff=True, **kwargs)
    user.groups.add(Group.objects.get(name=role))
    return user


def writer_form(article=None, **overrides):
    """What the contributor's form posts: it has no publication time or featured flag."""
    data = article_form(article)
    for name in WRITER_HIDDEN:
        data.pop(name, None)
    data.update(overrides)
    return data


def own_draft(contributor, unit, **kwargs):
    return ArticleFactory(draft=True, created_by=contributor, organization=unit, **kwargs)


def stored(article):
    return Article.objects.values(
        "status", "title", "is_featured", "published_at", "organization", "updated_at"
    ).get(pk=article.pk)
