"""How lists of articles are read: the published ones, by state, by category, most read."""

import datetime

from django.conf import settings
from django.db import connection, connections, models
from django.db.models import F
from django.db.models.functions import ExtractMonth
from django.utils import timezone

from .reads import ArticleDailyRead, ArticlePeriodRead, month_of, week_of


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


# What a card shows (templates/news/includes/article_card.html).
CARD_FIELDS = (
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
)


# A category id that no row has. Compiling a query costs more than running it on its index, so
# the home page's runs, one per category and all alike, are compiled once with this id, and
# each category's own id takes its place among the parameters.
_ANY_CATEGORY = -7_461_929_351


def _runs_in_one_statement(base, featured, latest, category_ids, per_section):
    """Rows (run, published_at, id) of the home page's LIMIT runs, in one statement: the
    featured (run 0), the latest (run -1) and each category's newest (run: its id)."""
    columns = ("run", "published_at", "id")
    runs = [
        base.featured().annotate(run=models.Value(0))[:featured],
        base.annotate(run=models.Value(-1))[:latest],
    ]
    parts, params = [], []
    for run in runs:
        sql, run_params = run.values_list(*columns).query.get_compiler(base.db).as_sql()
        parts.append(f"({sql})")
        params += run_params
    run = base.filter(category_id=_ANY_CATEGORY).annotate(run=F("category_id"))[:per_section]
    sql, run_params = run.values_list(*columns).query.get_compiler(base.db).as_sql()
    where = [i for i, value in enumerate(run_params) if value == _ANY_CATEGORY]
    if len(where) != 1:  # the compiled run is not as expected: not worth guessing
        raise ValueError(f"the category run's parameters are {run_params!r}")
    for category_id in category_ids:
        parts.append(f"({sql})")
        params += [category_id if i == where[0] else value for i, value in enumerate(run_params)]
    with connections[base.db].cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        return cursor.fetchall()


class ArticleQuerySet(models.QuerySet):
    # Lists that are the union of several indexed runs ("category_id", [ids]): see in_category().
    _streams = None

    def _clone(self):
        clone = super()._clone()
        clone._streams = self._streams
        return clone

    def published(self):
        return self.filter(
            status=SQLConstant(self.model.Status.PUBLISHED),
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
        if state == self.model.State.SCHEDULED:
            return self.filter(status=self.model.Status.PUBLISHED, published_at__gt=now)
        if state == self.model.State.PUBLISHED:
            return self.filter(status=self.model.Status.PUBLISHED, published_at__lte=now)
        if state == self.model.State.SENT_BACK:
            return self.filter(status=self.model.Status.DRAFT).exclude(review_note="")
        if state == self.model.State.DRAFT:
            return self.filter(status=self.model.Status.DRAFT, review_note="")
        return self.filter(status=state)

    def awaiting_review(self):
        """The review queue ("Chờ duyệt"): sent for review, not in the trash, oldest first."""
        return self.filter(status=self.model.Status.REVIEW, deleted_at__isnull=True).order_by(
            "submitted_at", "id"
        )

    def visible_to(self, user):
        """What ``user`` may open on the public site: published articles; every one for those
        who review (a preview), and their own for a writer ("Cộng tác viên")."""
        if user.has_perm("news.review_article"):
            return self
        published = models.Q(
            status=self.model.Status.PUBLISHED, published_at__lte=timezone.now()
        ) & models.Q(deleted_at__isnull=True)
        if user.has_perm("news.change_article"):
            return self.filter(published | models.Q(created_by_id=user.pk))
        return self.published()

    def written_by(self, user):
        """What a writer ("Cộng tác viên") may see of the articles: their own."""
        return self.filter(created_by=user)

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

    def for_card(self):
        """What an article card needs (news.caching.article_card) when it names no category:
        no join, so the query is quick to build as well as to run."""
        return self.only(*CARD_FIELDS)

    def for_listing(self):
        """Cards that name their category, feeds and lists that show read counts."""
        return self.select_related("category", "source").only(
            *CARD_FIELDS, "read_count", "category__name", "category__slug", "source__name"
        )

    def for_detail(self):
        """The article page's row with its category (and parent), source and organisation.
        Its tags and pictures are read by two plain queries (Article.detail_relations()):
        prefetch_related() costs three times as much for a single article."""
        return self.select_related("category", "category__parent", "source", "organization")

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

    def home_lists(self, *, featured, latest, families, per_section):
        """The home page's lists, newest first: ``featured`` featured articles, the ``latest``
        articles, and the ``per_section`` newest of each section of ``families`` (``{section
        id: [its category ids, sub-categories included]}``), as ``{"featured": [...],
        "latest": [...], section id: [...]}``.

        The ids come first, each list one LIMIT run on an index (a section's runs, one per
        category, merged), then every row in one query. On PostgreSQL all the runs are one
        statement (one round trip); SQLite refuses a LIMIT inside a UNION, and has no round
        trip to save: one statement per list there.
        """
        by_list = {"featured": [], "latest": [], **{section: [] for section in families}}
        base = self.order_by(*NEWEST_FIRST)
        if connection.features.supports_slicing_ordering_in_compound:
            list_of = {c: s for s, ids in families.items() for c in ids}
            newest = {}
            for run, *key in _runs_in_one_statement(base, featured, latest, list_of, per_section):
                newest.setdefault(
                    {0: "featured", -1: "latest"}.get(run) or list_of[run], []
                ).append(key)
            sizes = {"featured": featured, "latest": latest}
            for name, keys in newest.items():
                keys.sort(reverse=True)
                by_list[name] = [pk for _published_at, pk in keys[: sizes.get(name, per_section)]]
        else:
            by_list["featured"] = list(base.featured().values_list("id", flat=True)[:featured])
            by_list["latest"] = list(base.values_list("id", flat=True)[:latest])
            for section, ids in families.items():
                by_list[section] = self.in_categories(ids).page_ids(0, per_section)
        wanted = {pk for ids in by_list.values() for pk in ids}
        rows = self.filter(pk__in=wanted).in_bulk() if wanted else {}
        return {name: [rows[pk] for pk in ids if pk in rows] for name, ids in by_list.items()}
