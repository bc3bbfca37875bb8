"""The footer's visit counter, drawn and kept in the cache for a minute: one query when
missing."""

from django.db.models import Q, Sum
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from portal.caching import cache_get_or_build

TIMEOUT = 60


def visit_counter_html():
    """The footer's counter drawn as HTML, kept as long as its figures are."""
    today = timezone.localdate()

    def build():
        context = {"figures": _sums(today), "url": reverse("visits:visit")}
        return render_to_string("visits/includes/visit_counter.html", context)

    return cache_get_or_build(f"visits:counter:{today.isoformat()}", build, TIMEOUT)


def _sums(today):
    from .models import SiteDailyVisit

    sums = SiteDailyVisit.objects.aggregate(
        today=Sum("count", filter=Q(date=today)),
        month=Sum("count", filter=Q(date__gte=today.replace(day=1))),
        total=Sum("count"),
    )
    return {name: value or 0 for name, value in sums.items()}
