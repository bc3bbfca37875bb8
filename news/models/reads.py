"""What read counting stores: reads per article per day, and flushed batches."""

from django.db import connection, models
from django.utils.translation import gettext_lazy as _


class ArticleDailyReadQuerySet(models.QuerySet):
    def since(self, day):
        return self.filter(date__gte=day)

    def ranked_since(self, since):
        """``(article_id, reads)`` rows, most read first, over the days from ``since`` on.

        Only the period's daily rows are read, from the (date, article, count) index: the cost
        follows the reads of the period, not the size of the archive.
        """
        # Grouped by "article_id + 0", not the bare column: SQLite, without statistics, would
        # walk the whole table in article order to skip a sort, instead of the date range.
        ranked_article = models.ExpressionWrapper(
            models.F("article_id") + 0, output_field=models.IntegerField()
        )
        return (
            self.filter(date__gte=since)
            .order_by()
            .values(ranked=ranked_article)
            .annotate(reads=models.Sum("count"))
            .order_by("-reads", "-ranked")
            .values_list("ranked", "reads")
        )

    def daily_totals(self):
        """``{date: reads}`` summed over the articles of this queryset."""
        rows = self.order_by().values_list("date").annotate(total=models.Sum("count"))
        return dict(rows)

    def add_counts(self, rows):
        """Add ``(article_id, date, count)`` rows with one upsert per row, in SQL.

        ``INSERT ... ON CONFLICT DO UPDATE SET count = count + excluded.count`` is atomic on
        SQLite (3.24+) and PostgreSQL: two first reads of a day never collide or lose one.
        """
        quote = connection.ops.quote_name
        table = quote(ArticleDailyRead._meta.db_table)
        sql = (
            f"INSERT INTO {table} ({quote('article_id')}, {quote('date')}, {quote('count')}) "
            f"VALUES (%s, %s, %s) ON CONFLICT ({quote('article_id')}, {quote('date')}) "
            f"DO UPDATE SET {quote('count')} = {table}.{quote('count')} + excluded.{quote('count')}"
        )
        params = [
            (article_id, connection.ops.adapt_datefield_value(day), count)
            for article_id, day, count in rows
        ]
        with connection.cursor() as cursor:
            cursor.executemany(sql, params)


class ArticleDailyRead(models.Model):
    """Reads of one article on one day (Asia/Ho_Chi_Minh), for "most read" over a period."""

    article = models.ForeignKey(
        "news.Article",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="daily_reads",
    )
    date = models.DateField(_("date"))
    count = models.PositiveBigIntegerField(_("reads"), default=0)

    objects = ArticleDailyReadQuerySet.as_manager()

    class Meta:
        verbose_name = _("daily reads")
        verbose_name_plural = _("daily reads")
        ordering = ["-date"]
        constraints = [
            models.UniqueConstraint(fields=["article", "date"], name="unique_article_date")
        ]
        # Covering: "most read" and the statistics read (date, article, count) from the index.
        indexes = [
            models.Index(fields=["date", "article", "count"], name="daily_read_date_cover_idx")
        ]

    def __str__(self):
        return f"{self.article_id} {self.date}: {self.count}"


class ReadFlush(models.Model):
    """A batch of reads buffered in Redis that was written to the database (news/reads.py).

    Its row is written in the same transaction as the batch's counts, so a batch retried
    after a crash is never counted twice.
    """

    batch = models.CharField(_("batch"), max_length=64, unique=True)
    flushed_at = models.DateTimeField(_("flushed at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("flushed batch of reads")
        verbose_name_plural = _("flushed batches of reads")

    def __str__(self):
        return self.batch
