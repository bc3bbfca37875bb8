"""Operations on articles that write several models: restoring a revision, publishing."""

import reversion
from django.db import transaction
from django.utils import timezone

from . import revisions
from .models import Article, ArticleImage

PUBLICATION_FIELDS = {"status", "published_at"}


def article_restore_revision(*, article, version, user):
    """Put ``article`` back as it was in ``version``; the restore is itself a new revision.

    Every versioned field, the tags, related articles and gallery pictures come back. The
    read count is never touched, and neither is the publication (status and time): restoring
    the text of an old draft must not withdraw a published article, nor publish a draft.
    """
    data = {k: v for k, v in version.field_dict.items() if k not in PUBLICATION_FIELDS}
    images = revisions.version_images(version)
    with transaction.atomic(), reversion.create_revision():
        for field in revisions.versioned_fields():
            if not field.many_to_many and field.attname in data:
                setattr(article, field.attname, data[field.attname])
        article.updated_by = user
        article.save()
        for field in revisions.versioned_fields():
            if field.many_to_many and field.attname in data:
                model = field.related_model
                pks = model._default_manager.filter(pk__in=data[field.attname])
                getattr(article, field.name).set(pks)
        kept = []
        for image in images:
            values = {f.attname: image[f.attname] for f in revisions.versioned_fields(ArticleImage)}
            values.pop("article_id", None)
            picture, _created = ArticleImage.objects.update_or_create(
                pk=image["id"], article=article, defaults=values
            )
            kept.append(picture.pk)
        article.images.exclude(pk__in=kept).delete()
        reversion.add_to_revision(article)
        reversion.set_user(user)
        reversion.set_comment(f"restore:{version.revision_id}")
    return article


def publish_now_fields(article, *, explicit_time=False):
    """Publishing a draft with no time chosen by the editor publishes it now, not at the
    time its draft was started (it would land far down "Latest news")."""
    was_published = article.status == Article.Status.PUBLISHED
    article.status = Article.Status.PUBLISHED
    if not was_published and not explicit_time:
        article.published_at = timezone.now()


def articles_publish(*, articles, user):
    """Bulk "publish": each draft at the moment it is published, each as a revision."""
    count = 0
    for article in articles.filter(status=Article.Status.DRAFT):
        with transaction.atomic(), reversion.create_revision():
            publish_now_fields(article)
            article.updated_by = user
            article.save()
            reversion.set_user(user)
            reversion.set_comment("publish")
        count += 1
    return count


def articles_withdraw(*, articles, user):
    """Bulk "withdraw": published and scheduled articles go back to draft, as revisions."""
    count = 0
    for article in articles.filter(status=Article.Status.PUBLISHED):
        with transaction.atomic(), reversion.create_revision():
            article.status = Article.Status.DRAFT
            article.updated_by = user
            article.save()
            reversion.set_user(user)
            reversion.set_comment("withdraw")
        count += 1
    return count
