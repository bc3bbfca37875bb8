"""Articles and their gallery pictures."""

import html

from django.conf import settings
from django.db import models, transaction
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from portal.html import html_for_readers, sanitize_html
from portal.images import DatedUploadTo, SafeImageField
from portal.text import search_document, unique_slug

from .article_queries import ArticleQuerySet
from .reads import ArticleDailyRead
from .taxonomy import Category, Source, Tag


class Article(models.Model):
    class Status(models.TextChoices):
        """What is stored; the steps between them are in news/workflow.py."""

        DRAFT = "draft", _("Draft")
        REVIEW = "review", _("Waiting for review")
        PUBLISHED = "published", _("Published")

    class State(models.TextChoices):
        """What editors see: a published article whose time is still ahead is "scheduled", a
        draft an editor sent back with a reason is "sent back"."""

        DRAFT = "draft", _("Draft")
        SENT_BACK = "sent_back", _("Sent back")
        REVIEW = "review", _("Waiting for review")
        SCHEDULED = "scheduled", _("Scheduled")
        PUBLISHED = "published", _("Published")

    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(
        _("slug"),
        max_length=255,
        unique=True,
        blank=True,
        help_text=_(
            "Part of the page address. Left empty, it is made from the title. "
            "Old addresses keep working when it changes."
        ),
    )
    lead = models.TextField(
        _("lead"), blank=True, help_text=_('The opening paragraph, such as "(KGO) - ...".')
    )
    body = models.TextField(_("body"), blank=True)
    # The body as readers get it (lazy pictures, srcset), made by save() from ``body``.
    body_html = models.TextField(editable=False, default="")
    cover_image = SafeImageField(
        _("cover image"),
        upload_to=DatedUploadTo("news"),
        blank=True,
        width_field="cover_width",
        height_field="cover_height",
    )
    cover_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    cover_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    # Chosen from the media library (or uploaded in place, which adds it there); save() shows
    # its file as the cover, so the public pages read only cover_image.
    cover_picture = models.ForeignKey(
        "library.Picture",
        verbose_name=_("cover from the media library"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cover_articles",
    )
    # The library picture's focal point as CSS ("30% 20%"): cropped cards keep it in view.
    cover_focal = models.CharField(max_length=16, blank=True, default="", editable=False)
    cover_caption = models.CharField(_("cover caption"), max_length=500, blank=True)
    cover_alt = models.CharField(
        _("cover alt text"),
        max_length=255,
        blank=True,
        help_text=_("What the picture shows, for readers who cannot see it."),
    )
    category = models.ForeignKey(
        Category,
        verbose_name=_("category"),
        on_delete=models.PROTECT,
        related_name="articles",
    )
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="articles",
    )
    tags = models.ManyToManyField(Tag, verbose_name=_("tags"), blank=True, related_name="articles")
    source = models.ForeignKey(
        Source,
        verbose_name=_("source"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="articles",
    )
    original_url = models.URLField(_("original address"), max_length=500, blank=True)
    original_author = models.CharField(_("original author"), max_length=255, blank=True)
    original_published_at = models.DateTimeField(
        _("originally published at"), null=True, blank=True
    )
    byline = models.CharField(_("byline"), max_length=255, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.DRAFT, db_index=True
    )
    published_at = models.DateTimeField(
        _("published at"),
        default=timezone.now,
        db_index=True,
        help_text=_("A time in the future schedules the article: readers see it from then on."),
    )
    # Set when the author sends the article for review ("Gửi duyệt"): the queue is oldest first.
    submitted_at = models.DateTimeField(_("sent for review at"), null=True, blank=True,
                                        editable=False)  # fmt: skip
    # Why an editor sent the article back; shown to its author until it is sent again.
    review_note = models.TextField(_("reason it was sent back"), blank=True, editable=False)
    is_featured = models.BooleanField(
        _("featured"), default=False, help_text=_("Shown at the top of the home page.")
    )
    related_articles = models.ManyToManyField(
        "self",
        verbose_name=_("related articles"),
        symmetrical=False,
        blank=True,
        related_name="related_to",
        help_text=_('Shown first under "Related news"; the rest is filled automatically.'),
    )
    # Changed only in SQL by read counting, never by save(): see Article.save().
    read_count = models.PositiveBigIntegerField(_("reads"), default=0, editable=False)
    # Set only by the importers (news/importing): the addresses of the old site lead here.
    legacy_id = models.PositiveIntegerField(
        _("old site id"), null=True, blank=True, unique=True, editable=False
    )
    legacy_read_count = models.PositiveBigIntegerField(
        _("reads on the old site"), default=0, editable=False
    )
    wordpress_id = models.PositiveBigIntegerField(
        _("WordPress post id"), null=True, blank=True, unique=True, editable=False
    )
    wordpress_slug = models.CharField(
        _("WordPress slug"), max_length=200, blank=True, db_index=True, editable=False
    )
    # What search reads (portal.text.search_document(): folded words, then the words with
    # diacritics as written), indexed by news_article_fts on SQLite and search_vector on
    # PostgreSQL (migration 0007; news/search.py).
    search_title = models.TextField(editable=False, default="")
    search_text = models.TextField(editable=False, default="")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="created_articles",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last changed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="updated_articles",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed at"), auto_now=True)
    # Set while the article is in the trash: hidden from readers and from the article list,
    # restorable until ``purge_trash`` deletes it for good.
    deleted_at = models.DateTimeField(
        _("moved to the trash at"), null=True, blank=True, editable=False
    )
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moved to the trash by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="trashed_articles",
    )

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        permissions = [
            ("publish_article", gettext_noop("Can publish articles")),
            # Without it, a writer ("Cộng tác viên") works on their own drafts only.
            ("review_article", gettext_noop("Can review and edit every article")),
            ("purge_article", gettext_noop("Can delete articles from the trash for good")),
        ]
        ordering = ["-published_at", "-id"]
        # The public lists read published articles newest first, so each list has a partial
        # index in that order over published rows only: a page is a LIMIT on an index, and a
        # count reads the index alone. (SQLite uses a partial index only when the query spells
        # the condition as a constant: see SQLConstant.)
        indexes = [
            models.Index(fields=["status", "-published_at"], name="article_pub_idx"),
            models.Index(
                fields=["-published_at", "-id"],
                condition=models.Q(status="published", deleted_at__isnull=True),
                name="article_published_idx",
            ),
            models.Index(
                fields=["category", "-published_at", "-id"],
                condition=models.Q(status="published", deleted_at__isnull=True),
                name="article_cat_pub_idx",
            ),
            models.Index(
                fields=["organization", "-published_at", "-id"],
                condition=models.Q(status="published", deleted_at__isnull=True),
                name="article_org_pub_idx",
            ),
            models.Index(
                fields=["submitted_at", "id"],
                condition=models.Q(status="review"),
                name="article_review_queue_idx",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.title)
        if self.cover_picture_id is not None:
            self._sync_cover_from_picture()
        else:
            self.cover_focal = ""
        self.fill_derived_fields()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"title", "lead", "body"} & set(update_fields):
            # Derived fields follow what they are made from, even in a partial save.
            kwargs["update_fields"] = {*update_fields, "body", "body_html", "search_title",
                                       "search_text"}  # fmt: skip
        if self.pk and not self._state.adding and update_fields is None:
            # An editor's save must never write back the read count it loaded: reads that
            # arrived meanwhile would be lost.
            kwargs["update_fields"] = [
                f.name
                for f in self._meta.concrete_fields
                if not f.primary_key and f.name != "read_count"
            ]
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("news:article_detail", kwargs={"slug": self.slug, "pk": self.pk})

    def _sync_cover_from_picture(self):
        picture = self.cover_picture
        if self.cover_image.name != picture.image.name:
            self.cover_image = picture.image.name
            self.cover_width, self.cover_height = picture.width, picture.height
        self.cover_focal = picture.focal_position
        self.cover_caption = self.cover_caption or picture.caption
        self.cover_alt = self.cover_alt or picture.alt_text

    def fill_derived_fields(self):
        """What save() derives from what the editor wrote (not the slug, which needs the
        database): bench_data calls it too, so bulk-created rows are filled the same way."""
        self.body = sanitize_html(self.body)
        self.body_html = html_for_readers(self.body)
        self.search_title = search_document(self.title)
        self.search_text = search_document(f"{self.lead} {html.unescape(strip_tags(self.body))}")

    @property
    def is_published(self):
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at <= timezone.now()
            and self.deleted_at is None
        )

    @property
    def state(self):
        """The ``State`` editors see."""
        if self.status == self.Status.PUBLISHED and self.published_at > timezone.now():
            return self.State.SCHEDULED
        if self.status == self.Status.DRAFT and self.review_note:
            return self.State.SENT_BACK
        return self.State(self.status)

    def get_state_display(self):
        return self.state.label

    def move_to_trash(self, *, user):
        self.deleted_at = timezone.now()
        self.deleted_by = user
        self.save(update_fields=["deleted_at", "deleted_by"])

    def restore_from_trash(self):
        self.deleted_at = None
        self.deleted_by = None
        self.save(update_fields=["deleted_at", "deleted_by"])

    def detail_relations(self):
        """(tags, pictures) of the article page: two plain queries."""
        return list(self.tags.all()), list(self.images.all())

    def related_news(self, tag_ids, limit=6):
        """Up to ``limit`` published articles: the editor's picks first, then articles sharing
        a tag of ``tag_ids`` (this article's), then others of the same category, newest
        first. Three LIMIT queries at most, each served by an index (never a scan of the
        archive), and never more whatever the archive holds; fewer once the list is full.
        Rows hold what a card without its category shows (for_card())."""
        picked = list(self.related_articles.published().exclude(pk=self.pk).for_card()[:limit])
        if len(picked) >= limit:
            return picked
        seen = [self.pk, *(a.pk for a in picked)]
        others = Article.objects.published().for_card().exclude(pk__in=seen)
        wanted = limit - len(picked)
        if tag_ids:
            # EXISTS per row while walking the newest-first index: a common tag finds its
            # articles in the first few hundred rows; PostgreSQL starts from the tag's rows
            # instead when the tag is rare (the planner's choice, from the statistics).
            shares_tag = Exists(
                Article.tags.through.objects.filter(article_id=OuterRef("pk"), tag_id__in=tag_ids)
            )
            picked += others.filter(shares_tag)[:wanted]
            if len(picked) >= limit:  # most articles: a common tag fills the list
                return picked
        same_category = list(others.filter(category_id=self.category_id)[:wanted])
        seen = {a.pk for a in picked}
        picked += [a for a in same_category if a.pk not in seen]
        return picked[:limit]

    def count_read(self, count=1, *, day=None):
        """Add ``count`` reads of ``day`` (today) in SQL, touching no other column.

        Both the total and the day's row are incremented by the database itself, so
        concurrent reads and an editor's save never overwrite one another.
        """
        day = timezone.localdate() if day is None else day
        with transaction.atomic():
            Article.objects.filter(pk=self.pk).update(read_count=models.F("read_count") + count)
            ArticleDailyRead.objects.add_counts([(self.pk, day, count)])

    def add_legacy_reads(self, count):
        """Add the reads an imported article had on the old site to its total (no day's row).

        An import that creates the article can simply pass ``read_count=`` instead.
        """
        Article.objects.filter(pk=self.pk).update(read_count=models.F("read_count") + count)


class ArticleImage(models.Model):
    """One captioned picture of an article's gallery."""

    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="images"
    )
    image = SafeImageField(
        _("image"),
        upload_to=DatedUploadTo("news"),
        width_field="width",
        height_field="height",
    )
    width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    caption = models.CharField(_("caption"), max_length=500, blank=True)
    alt_text = models.CharField(_("alt text"), max_length=255, blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("gallery image")
        verbose_name_plural = _("gallery images")
        ordering = ["order", "id"]

    def __str__(self):
        return self.caption or self.image.name
