"""Addresses of admin lists filtered to exactly the rows a figure counts (the dashboard, the
report per unit)."""

import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from ..models import Article


def changelist_url(model_name, **filters):
    """The admin list of ``news.<model_name>`` with ``filters`` as its query string."""
    url = reverse(f"admin:news_{model_name}_changelist")
    return f"{url}?{urlencode(filters)}" if filters else url


def month_start(year, month):
    """Midnight of the first day of the month in Asia/Ho_Chi_Minh; ``str()`` of it is what
    the admin's own date filter writes in its links ("This month")."""
    if month == 13:
        year, month = year + 1, 1
    return timezone.make_aware(datetime.datetime(year, month, 1))


def articles_published_url(start, end, organization_id=None):
    """The article list of what was published from ``start`` to ``end`` (by one unit)."""
    filters = {
        "state": Article.State.PUBLISHED,
        "published_at__gte": start,
        "published_at__lt": end,
    }
    if organization_id is None:
        filters["organization__isnull"] = "True"
    elif organization_id != "all":
        filters["organization__id__exact"] = organization_id
    return changelist_url("article", **filters)


def daily_reads_url(first, last, **filters):
    """The list of daily reads from ``first`` to ``last`` (dates, both included)."""
    return changelist_url(
        "articledailyread",
        date__gte=first,
        date__lt=last + datetime.timedelta(days=1),
        **filters,
    )
