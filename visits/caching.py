"""The footer's figures, kept in the cache for a minute: one query when missing."""

import logging

from django.core.cache import cache
from django.db.models import Q, Sum
from django.utils import timezone

logger = logging.getLogger(__name__)
TIMEOUT = 60


def visit_figures():
    """{"today", "month", "total"} visits, in the site's time zone."""
    today = timezone.localdate()
    key = f"visits:figures:{today.isoformat()}"
    try:
        figures = cache.get(key)
    except Exception:
        figures = None
    if figures is None:
        from .models import SiteDailyVisit

        sums = SiteDailyVisit.objects.aggregate(
            today=Sum("count", filter=Q(date=today)),
            month=Sum("count", filter=Q(date__gte=today.replace(day=1))),
            total=Sum("count"),
        )
        figures = {name: value or 0 for name, value in sums.items()}
        try:
            cache.set(key, figures, TIMEOUT)
        except Exception:
            pass
    return figures
