"""The newsroom dashboard, the admin's index page: what waits for review, what is scheduled,
my drafts, reads, the week's most read and this month's articles per unit.

Each figure carries the address of the admin list it counts (a changelist with the filters
that give exactly those rows). A fixed number of queries whatever the archive holds: counts
and sums on indexes, short lists with LIMIT (tests/news/test_dashboard.py pins it).
"""

import datetime

from django.db.models import Count
from django.utils import timezone

from ..admin_counts import review_queue_count
from ..models import Article, ArticleDailyRead
from .links import articles_published_url, changelist_url, daily_reads_url, month_start
from .unit_report import UNIT_REPORT_PERMISSION

LIST_LENGTH = 5
READ_DAYS = 7


def _short_list(queryset, url, count=None):
    count = queryset.count() if count is None else count
    return {"count": count, "items": list(queryset[:LIST_LENGTH]), "url": url}


def review_queue(request):
    """What waits for review ("Chờ duyệt"), who waited longest first: for those who publish."""
    if not request.user.has_perm("news.publish_article"):
        return None
    queue = Article.objects.awaiting_review().only("id", "title", "submitted_at")
    url = changelist_url("article", state=Article.State.REVIEW)
    return _short_list(queue, url, count=review_queue_count(request))


def scheduled_articles(user):
    """Scheduled articles, the next first: for those who may schedule."""
    if not user.has_perm("news.publish_article"):
        return None
    scheduled = Article.objects.live().in_state(Article.State.SCHEDULED).order_by("published_at")
    return _short_list(
        scheduled.only("id", "title", "published_at"),
        changelist_url("article", state=Article.State.SCHEDULED),
    )


def my_drafts(user):
    """My drafts, the last changed first, and how many of mine were sent back to me."""
    if not user.has_perm("news.view_article"):
        return None
    mine = Article.objects.live().filter(created_by=user)
    drafts = mine.in_state(Article.State.DRAFT).order_by("-updated_at", "-id")
    return {
        **_short_list(
            drafts.only("id", "title", "updated_at"),
            changelist_url("article", state=Article.State.DRAFT, author="me"),
        ),
        "sent_back": mine.in_state(Article.State.SENT_BACK).count(),
        "sent_back_url": changelist_url("article", state=Article.State.SENT_BACK, author="me"),
    }


def reads(user, today):
    """Reads today and over the last seven days, and the most read of this ISO week."""
    if not user.has_perm("news.view_articledailyread"):
        return None
    first = today - datetime.timedelta(days=READ_DAYS - 1)
    on_today, in_days = ArticleDailyRead.objects.total_by_day(first, today)
    monday = today - datetime.timedelta(days=today.weekday())
    most_read = (
        Article.objects.published().only("id", "title").most_read_in("week", LIST_LENGTH, day=today)
    )
    for article in most_read:
        article.reads_url = daily_reads_url(monday, today, article__id__exact=article.pk)
    return {
        "today": on_today,
        "today_url": daily_reads_url(today, today),
        "days": READ_DAYS,
        "in_days": in_days,
        "in_days_url": daily_reads_url(first, today),
        "week_start": monday,
        "most_read": most_read,
    }


def articles_per_unit(user, today):
    """Articles published this month per unit, most first; the articles without a unit last.
    For those who see every article (a writer's list holds only their own)."""
    if not user.has_perm("news.review_article"):
        return None
    start, end = month_start(today.year, today.month), month_start(today.year, today.month + 1)
    rows = (
        Article.objects.published_between(start, end)
        .order_by()
        .values_list("organization_id", "organization__name")
        .annotate(articles=Count("id"))
        .order_by("-articles", "organization__name")
    )
    units = [
        {
            "name": name,
            "articles": articles,
            "url": articles_published_url(start, end, organization_id),
        }
        for organization_id, name, articles in rows
    ]
    units.sort(key=lambda unit: unit["name"] is None)
    return {
        "month": start,
        "units": units,
        "total": sum(unit["articles"] for unit in units),
        "total_url": articles_published_url(start, end, "all"),
    }


def dashboard_context(request):
    user = request.user
    today = timezone.localdate()
    return {
        "review_queue": review_queue(request),
        "scheduled": scheduled_articles(user),
        "my_drafts": my_drafts(user),
        "reads": reads(user, today),
        "per_unit": articles_per_unit(user, today),
        "may_see_unit_report": user.has_perm(UNIT_REPORT_PERMISSION),
    }
