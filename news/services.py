"""Operations on articles that write several models or reach the outside world: restoring a
revision, publishing, importing pictures that other sites host."""

import html
import re
from urllib.parse import urlsplit

import reversion
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape

from library.models import Picture
from portal.fetch import FetchRefused, fetch_image
from portal.images import DatedUploadTo, image_clean
from portal.storage import stored_media_name

from . import revisions, workflow
from .models import Article, ArticleImage

PUBLICATION_FIELDS = {"status", "published_at"}


def article_restore_revision(*, article, version, user, keep=()):
    """Put ``article`` back as it was in ``version``; the restore is itself a new revision.

    Every versioned field, the tags, related articles and gallery pictures come back. The
    read count is never touched, and neither is the publication (status and time): restoring
    the text of an old draft must not withdraw a published article, nor publish a draft.
    The fields named in ``keep`` (attnames) stay as they are too.
    """
    kept_fields = PUBLICATION_FIELDS | set(keep)
    data = {k: v for k, v in version.field_dict.items() if k not in kept_fields}
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


def _articles_change(articles, *, user, comment, change):
    """Apply ``change`` to each article and save it as a revision (``comment``) that runs the
    workflow (the writers told, the notifications); returns how many were changed."""
    count = 0
    for article in articles:
        with transaction.atomic(), reversion.create_revision():
            before = article.state
            change(article)
            article.updated_by = user
            article.save()
            workflow.article_after_save(article=article, user=user, before=before)
            reversion.set_user(user)
            reversion.set_comment(comment)
        count += 1
    return count


def articles_publish(*, articles, user):
    """Bulk "publish": each draft or article waiting for review at the moment it is published,
    each as a revision; the writers are told."""

    def publish(article):
        publish_now_fields(article)
        article.review_note = ""

    return _articles_change(
        articles.filter(status__in=[Article.Status.DRAFT, Article.Status.REVIEW]),
        user=user,
        comment="publish",
        change=publish,
    )


def articles_withdraw(*, articles, user):
    """Bulk "withdraw": published and scheduled articles go back to draft, as revisions."""

    def withdraw(article):
        article.status = Article.Status.DRAFT

    return _articles_change(
        articles.filter(status=Article.Status.PUBLISHED),
        user=user,
        comment="withdraw",
        change=withdraw,
    )


IMG_SRC = re.compile(r'(<img\b[^>]*?\bsrc=")([^"]*)(")', re.IGNORECASE)
body_upload_to = DatedUploadTo("news/body")


def remote_image_urls(body):
    """Addresses of the body's pictures that another site hosts, in order, once each."""
    urls = []
    for match in IMG_SRC.finditer(body or ""):
        src = html.unescape(match.group(2))
        parts = urlsplit(src)
        if parts.scheme in ("http", "https") and parts.netloc:
            own = stored_media_name(src) is not None or (
                parts.hostname in settings.ALLOWED_HOSTS
                and parts.path.startswith(settings.MEDIA_URL)
            )
            if not own and src not in urls:
                urls.append(src)
    return urls


def article_import_remote_images(*, article, user):
    """Download each picture another site hosts, check it like an upload and show our copy.

    Returns ``(imported, refused)``: the addresses now served by us, and ``(address,
    reason)`` for each one that stays as it was. Saved as one revision when anything changed.
    """
    imported, refused, stored = [], [], {}
    for url in remote_image_urls(article.body):
        try:
            content = image_clean(fetch_image(url))
        except FetchRefused as error:
            refused.append((url, str(error)))
            continue
        except ValidationError as error:
            refused.append((url, " ".join(error.messages)))
            continue
        name = default_storage.save(body_upload_to(None, content.name), content)
        Picture.objects.create(image=name, credit=urlsplit(url).hostname or "", created_by=user)
        stored[url] = default_storage.url(name)
        imported.append(url)
    if not stored:
        return imported, refused

    def replace(match):
        src = html.unescape(match.group(2))
        return match.group(1) + escape(stored.get(src, src)) + match.group(3)

    with transaction.atomic(), reversion.create_revision():
        article = Article.objects.select_for_update().get(pk=article.pk)
        article.body = IMG_SRC.sub(replace, article.body)
        article.updated_by = user
        article.save()
        reversion.set_user(user)
        reversion.set_comment("import")
    return imported, refused
