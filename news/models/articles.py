"""Articles and their gallery pictures."""

import datetime
import html

from django.conf import settings
from django.db import connection, models, transaction
from django.db.models import Exists, OuterRef
from django.db.models.functions import ExtractMonth
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from portal.html import html_for_readers, sanitize_html
from portal.images import DatedUploadTo, SafeImageField
from portal.text import search_document, unique_slug

from .reads import ArticleDailyRead, ArticlePeriodRead, month_of, week_of
from .taxonomy import Category, Source, Tag


class SQLConstant(models.Value):
    """A constant written into the SQL instead of passed as a parameter.

    SQLite uses a partial index only when it can see that the query's WHERE clause implies
    the index's condition, and a bound parameter (``status = ?``) hides that: counting a
    category's published articles reads every row (60 ms at 100,000 articles) instead of the
    index alone (2 ms). PostgreSQL plans the same either way. Only for constants of our code.
    """

    def as_sql(self, compiler, connection):
        if not str(self.value).isidentifier():
            raise ValueError(f"{self.value!r} is not a plain constant")
        return f"'{self.value}'", []


# The order of every list of articles; the partial indexes of Article.Meta follow it.
NEWEST_FIRST = ("-published_at", "-id")


class ArticleQuerySet(models.QuerySet):
    # Lists that are the union of several indexed runs ("category_id", [ids]): see in_category().
    _streams = None

    def _clone(self):
        clone = super()._clone()
        clone._streams = self._streams
        return clone

    def published(self):
        return self.filter(
            status=SQLConstant(Article.Status.PUBLISHED),
            published_at__lte=timezone.now(),
            deleted_at__isnull=True,
        )

    def live(self):
        """Articles not in the trash ("Thùng rác")."""
        return self.filter(deleted_at__isnull=True)

    def trashed(self):
        return self.filter(deleted_at__isnull=False)

    def purgeable(self, *, now=None):
        """Trashed longer than TRASH_KEEP_DAYS: what ``purge_trash`` deletes for good."""
        now = now or timezone.now()
        return self.filter(deleted_at__lte=now - datetime.timedelta(days=settings.TRASH_KEEP_DAYS))

    def in_state(self, state):
        """Articles in one of the states editors see (``Article.State``)."""
        now = timezone.now()
        if state == Article.State.SCHEDULED:
            return self.filter(status=Article.Status.PUBLISHED, published_at__gt=now)
        if state == Article.State.PUBLISHED:
            return self.filter(status=Article.Status.PUBLISHED, published_at__lte=now)
        return self.filter(status=state)

    def featured(self):
        return self.filter(is_featured=True)

    def published_between(self, start, end):
        """Published (as readers see them) from ``start`` up to, not including, ``end``."""
        return self.published().filter(published_at__gte=start, published_at__lt=end)

    def count_by_organization_and_month(self):
        """``{(organization_id, month): articles}``, the month (1-12) as in Asia/Ho_Chi_Minh."""
        rows = (
            self.order_by()
            .annotate(month=ExtractMonth("published_at"))
            .values_list("organization_id", "month")
            .annotate(total=models.Count("id"))
        )
        return {(organization_id, month): total for organization_id, month, total in rows}

    def in_category(self, category):
        """Articles of ``category`` and of its sub-categories."""
        children = category.children.order_by().values_list("pk", flat=True)
        return self.in_categories([category.pk, *children])

    def in_categories(self, category_ids):
        """Articles of any of ``category_ids``.

        ``category_id IN (...)`` is served by the partial index article_cat_pub_idx; pages of
        it are read by page_slice() as one newest-first run per category, merged.
        """
        queryset = self.filter(category_id__in=category_ids)
        queryset._streams = ("category_id", list(category_ids))
        return queryset

    def page_ids(self, start, stop, count=None):
        """The ids of rows ``start:stop`` of this list (newest first), read from an index only.

        A list of several categories is read as one indexed run per category, merged by the
        database (MERGE (UNION ALL) on SQLite, Merge Append on PostgreSQL), rather than sorted
        whole. Past the middle of the list (``count`` known), the runs are read oldest first,
        so the last page costs what the first does: at most half the list is ever skipped.
        """
        if stop <= start:
            return []
        backwards = count is not None and start > count // 2
        if backwards:
            start, stop = count - stop, count - start
            order = [f.lstrip("-") for f in NEWEST_FIRST]
        else:
            order = list(NEWEST_FIRST)
        base = self.order_by().values_list("id", "published_at")
        field, values = self._streams or (None, [None])
        runs = [base if field is None else base.filter(**{field: value}) for value in values]
        if len(runs) > 1 and connection.features.supports_slicing_ordering_in_compound:
            # PostgreSQL merges the runs (Merge Append) only when each is ordered and limited
            # itself; SQLite merges them as they are (MERGE (UNION ALL)) and refuses this.
            runs = [run.order_by(*order)[:stop] for run in runs]
        merged = runs[0].union(*runs[1:], all=True) if len(runs) > 1 else runs[0]
        ids = [pk for pk, _published_at in merged.order_by(*order)[start:stop]]
        return ids[::-1] if backwards else ids

    def page_slice(self, start, stop, count=None):
        """Rows ``start:stop`` of this list, newest first: a deferred join (page_ids(), then
        the rows of those ids), so skipping rows never reads more than an index."""
        if self.query.order_by and tuple(self.query.order_by) != NEWEST_FIRST:
            return list(self[start:stop])  # another order: no index of ours is made for it
        ids = self.page_ids(start, stop, count)
        rows = self.filter(pk__in=ids).in_bulk() if ids else {}
        return [rows[pk] for pk in ids if pk in rows]

    def for_listing(self):
        return self.select_related("category", "source").only(
            "id",
            "title",
            "slug",
            "lead",
            "cover_image",
            "cover_width",
            "cover_height",
            "cover_alt",
            "cover_focal",
            "published_at",
            "read_count",
            "category__name",
            "category__slug",
            "source__name",
        )

    def for_detail(self):
        return self.select_related(
            "category", "category__parent", "source", "organization"
        ).prefetch_related("tags", "images")

    def most_read(self, days):
        """Most read first over the last ``days`` days, today included (the admin's statistics).

        Each article carries ``period_reads``; articles unread in the period are left out.
        """
        since = timezone.localdate() - datetime.timedelta(days=days - 1)
        return (
            self.filter(daily_reads__date__gte=since)
            .annotate(period_reads=models.Sum("daily_reads__count"))
            .order_by("-period_reads", "-published_at", "-id")
        )

    def most_read_in(self, window, limit, *, day=None):
        """The ``limit`` most read of these articles on ``day`` (today), in its ISO week or in
        its month (``window`` "day", "week" or "month"), as a list, most read first, each
        with ``period_reads``.

        Reads the first rows of the period straight from its rank index, then loads the
        winners: two bounded queries whatever the size of the archive or the number of
        reads. A few more are ranked than asked for, so that articles withdrawn since they
        were read leave no gap.
        """
        day = timezone.localdate() if day is None else day
        if window == "day":
            ranked = ArticleDailyRead.objects.ranked_on(day)
        else:
            period = week_of(day) if window == "week" else month_of(day)
            ranked = ArticlePeriodRead.objects.ranked_in(period)
        top = list(ranked[: limit * 3])
        found = self.in_bulk([pk for pk, _ in top])
        articles = []
        for pk, reads in top:
            if pk in found and len(articles) < limit:
                found[pk].period_reads = reads
                articles.append(found[pk])
        return articles

    def latest_by_section(self, sections, per_section):
        """The newest ``per_section`` articles of each category in ``sections``, sub-categories
        included: one LIMIT query per section on the category index, then one query for the
        rows. Each article carries ``section_id``; the list is in section order, newest first."""
        children = {}
        for parent_id, pk in Category.objects.filter(parent__in=sections).values_list(
            "parent_id", "pk"
        ):
            children.setdefault(parent_id, []).append(pk)
        section_of = {}
        for section in sections:
            family = [section.pk, *children.get(section.pk, [])]
            for pk in self.in_categories(family).page_ids(0, per_section):
                section_of.setdefault(pk, section.pk)
        rows = self.filter(pk__in=section_of).in_bulk() if section_of else {}
        for pk, article in rows.items():
            article.section_id = section_of[pk]
        return [rows[pk] for pk in section_of if pk in rows]


class Article(models.Model):
    class Status(models.TextChoices):
        """What is stored. A further step (waiting for review) is one more value here."""

        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    class State(models.TextChoices):
        """What editors see: a published article whose time is still ahead is "scheduled"."""

        DRAFT = "draft", _("Draft")
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

    def related_news(self, limit=6):
        """Up to ``limit`` published articles: the editor's picks first, then articles sharing
        a tag, then others of the same category, newest first. Three LIMIT queries at most,
        each served by an index (never a scan of the archive), and the same three whatever
        the archive holds; expects ``tags`` prefetched (for_detail())."""
        picked = list(self.related_articles.published().exclude(pk=self.pk).for_listing()[:limit])
        if len(picked) >= limit:
            return picked
        seen = [self.pk, *(a.pk for a in picked)]
        others = Article.objects.published().for_listing().exclude(pk__in=seen)
        wanted = limit - len(picked)
        tag_ids = [tag.pk for tag in self.tags.all()]
        if tag_ids:
            # EXISTS per row while walking the newest-first index: a common tag finds its
            # articles in the first few hundred rows; PostgreSQL starts from the tag's rows
            # instead when the tag is rare (the planner's choice, from the statistics).
            shares_tag = Exists(
                Article.tags.through.objects.filter(article_id=OuterRef("pk"), tag_id__in=tag_ids)
            )
            picked += others.filter(shares_tag)[:wanted]
        # Read even when the tags filled the list, so the page asks the same queries always.
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
