"""Writing one imported article: whole or not at all, and the same article again on a re-run."""

import dataclasses
import datetime

from django.core.exceptions import ValidationError
from django.db import DatabaseError, models, transaction
from django.db.models import F
from django.db.models.functions import Greatest
from django.utils.translation import gettext as _

from news.models import Article, ArticleImage, Category, Source, Tag
from organizations.models import Organization

from .cleaning import clean_html
from .media import ImportProblem


@dataclasses.dataclass
class ArticleRecord:
    """One article as read from an export, before anything is written."""

    key_field: str  # "legacy_id" or "wordpress_id": what makes a re-run find the same article
    key: int
    title: str
    published_at: datetime.datetime
    category: str
    category_parent: str | None = None  # None: a category of that name at any level
    status: str = Article.Status.PUBLISHED
    lead: str = ""
    body_html: str = ""
    organization: str = ""
    source_name: str = ""
    source_url: str = ""
    byline: str = ""
    read_count: int = 0
    tags: list = dataclasses.field(default_factory=list)
    cover_image: str = ""
    cover_caption: str = ""
    cover_alt: str = ""
    images: list = dataclasses.field(default_factory=list)  # [(reference, caption)]
    wordpress_slug: str = ""


class Names:
    """Categories, organisations, sources and tags matched by name, created when missing.

    Remembered for the run; forget() after a failed article, whose new rows were rolled back.
    """

    def __init__(self):
        self._known = {}

    def forget(self):
        self._known.clear()

    def _get(self, key, find, create):
        if key not in self._known:
            self._known[key] = find() or create()
        return self._known[key]

    def category(self, name, parent_name=None):
        """``parent_name`` None: the category of that name at any level (top level first, or a
        new top-level one); "": a top-level one; a name: one under that top-level category."""
        parent = self.category(parent_name, "") if parent_name else None
        found = Category.objects.filter(name=name).order_by(F("parent_id").asc(nulls_first=True))
        if parent_name is not None:
            found = found.filter(parent=parent)
        return self._get(
            ("category", parent_name, name),
            found.first,
            lambda: Category.objects.create(name=name, parent=parent),
        )

    def organization(self, name):
        return self._get(
            ("organization", name),
            lambda: Organization.objects.filter(name=name).first(),
            lambda: Organization.objects.create(name=name),
        )

    def source(self, name):
        return self._get(
            ("source", name),
            lambda: Source.objects.filter(name=name).first(),
            lambda: Source.objects.create(name=name),
        )

    def tag(self, name):
        name = name[: Tag._meta.get_field("name").max_length]
        return self._get(
            ("tag", name),
            lambda: Tag.objects.filter(name=name).first(),
            lambda: Tag.objects.create(name=name),
        )


def _validation_message(error):
    if hasattr(error, "message_dict"):
        return "; ".join(
            f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items()
        )
    return " ".join(error.messages)


def article_import(*, record, media, names):
    """Create or update the article of ``record``; returns ``(article, created, warnings)``.

    Pictures are stored first (storage is not transactional; their names come from their
    content, so a retry reuses them); everything in the database happens in one transaction,
    so a line that fails leaves the stored article exactly as it was.
    """
    cover = media.store(record.cover_image) if record.cover_image else None
    gallery = [(media.store(reference), caption) for reference, caption in record.images]
    body, warnings = media.rewrite_body(clean_html(record.body_html))
    try:
        with transaction.atomic():
            article, created = _write(record, body, cover, gallery, names)
    except ValidationError as error:
        names.forget()
        raise ImportProblem(_validation_message(error)) from error
    except DatabaseError as error:
        names.forget()
        raise ImportProblem(_("the database refused it: %(error)s") % {"error": error}) from error
    return article, created, warnings


def _write(record, body, cover, gallery, names):
    lookup = {record.key_field: record.key}
    article = Article.objects.select_for_update().filter(**lookup).first()
    created = article is None
    if created:
        article = Article(**lookup, read_count=record.read_count)
    old_legacy_reads = article.legacy_read_count
    article.title = record.title
    article.lead = record.lead
    article.body = body
    article.published_at = record.published_at
    article.status = record.status
    article.category = names.category(record.category, record.category_parent)
    article.organization = names.organization(record.organization) if record.organization else None
    article.source = names.source(record.source_name) if record.source_name else None
    article.original_url = record.source_url
    article.byline = record.byline
    article.legacy_read_count = record.read_count
    article.wordpress_slug = record.wordpress_slug
    if cover:
        article.cover_image.name, article.cover_width, article.cover_height = cover
    else:
        article.cover_image, article.cover_width, article.cover_height = "", None, None
    article.cover_caption, article.cover_alt = record.cover_caption, record.cover_alt
    article.full_clean(exclude=["slug", "category"], validate_unique=False)
    article.save()
    if not created and record.read_count != old_legacy_reads:
        # Reads counted here since the last run stay; only the old site's share changes.
        Article.objects.filter(pk=article.pk).update(
            read_count=Greatest(
                models.F("read_count") + (record.read_count - old_legacy_reads), models.Value(0)
            )
        )
    article.tags.set([names.tag(name) for name in record.tags])
    if not created:
        article.images.all().delete()
    ArticleImage.objects.bulk_create(
        ArticleImage(
            article=article,
            image=name,
            width=width,
            height=height,
            caption=caption[:500],
            order=order,
        )
        for order, ((name, width, height), caption) in enumerate(gallery)
    )
    return article, created
