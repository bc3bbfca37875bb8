"""The footer's figures, kept in the cache for a minute: one query when missing."""

from django.db.models import Q, Sum
from django.utils import timezone

from portal.caching import cache_get_or_build

TIMEOUT = 60


def visit_figures():
    """{"today", "month", "total"} visits, in the site's time zone."""
    today = timezone.localdate()
    return cache_get_or_build(f"visits:figures:{today.isoformat()}", lambda: _sums(today), TIMEOUT)


def _sums(today):
    from .models import SiteDailyVisit

    sums = SiteDailyVisit.objects.aggregate(
        today=Sum("count", filter=Q(date=today)),
        month=Sum("count", filter=Q(date__gte=today.replace(day=1))),
        total=Sum("count"),
    )
    return {name: value or 0 for name, value in sums.items()}
