"""The site visit counter ("Lượt truy cập"): one row a day, changed only in SQL."""

from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils.translation import gettext_lazy as _


class SiteDailyVisitQuerySet(models.QuerySet):
    def add(self, day, count=1):
        """Add ``count`` visits to ``day``'s row in SQL: concurrent visits never overwrite one
        another, and the first visit of a day creates the row."""
        if self.filter(date=day).update(count=F("count") + count):
            return
        try:
            with transaction.atomic():
                self.create(date=day, count=count)
        except IntegrityError:  # another visit created the row first
            self.filter(date=day).update(count=F("count") + count)


class SiteDailyVisit(models.Model):
    date = models.DateField(_("date"), unique=True)
    count = models.PositiveBigIntegerField(_("visits"), default=0)

    objects = SiteDailyVisitQuerySet.as_manager()

    class Meta:
        verbose_name = _("visits of a day")
        verbose_name_plural = _("visits per day")
        ordering = ["-date"]

    def __str__(self):
        return f"{self.date:%d/%m/%Y}: {self.count}"
