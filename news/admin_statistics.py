"""The admin's "Thống kê" page: daily reads over 30 days as a server-drawn SVG, and the top 20."""

import datetime

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .models import Article, ArticleDailyRead
from .workflow import is_writer

STATISTICS_DAYS = 30
TOP_COUNT = 20
CHART_WIDTH, CHART_HEIGHT = 720, 240
PLOT_LEFT, PLOT_TOP, PLOT_BOTTOM = 56, 12, 28


def _nice_ceiling(value):
    """The smallest 1, 2 or 5 times a power of ten that is at least ``value`` (and 1)."""
    step = 1
    while True:
        for factor in (1, 2, 5):
            if step * factor >= value:
                return step * factor
        step *= 10


def bar_chart(days, totals):
    """What the template needs to draw one bar per day of ``days`` from ``{date: reads}``."""
    top = _nice_ceiling(max(totals.values(), default=0))
    plot_height = CHART_HEIGHT - PLOT_TOP - PLOT_BOTTOM
    slot = (CHART_WIDTH - PLOT_LEFT) / len(days)
    bars = []
    for index, day in enumerate(days):
        reads = totals.get(day, 0)
        height = round(plot_height * reads / top, 1)
        bars.append(
            {
                "x": round(PLOT_LEFT + index * slot + slot * 0.15, 1),
                "y": round(PLOT_TOP + plot_height - height, 1),
                "width": round(slot * 0.7, 1),
                "height": height,
                "day": day,
                "reads": reads,
                # A date under every fifth bar, and under the last one (today).
                "label": date_format(day, "d/m") if (len(days) - 1 - index) % 5 == 0 else "",
                "label_x": round(PLOT_LEFT + index * slot + slot / 2, 1),
            }
        )
    ticks = [
        {"value": value, "y": round(PLOT_TOP + plot_height - plot_height * value / top, 1)}
        for value in (0, top // 2, top)
    ]
    return {
        "bars": bars,
        "ticks": ticks,
        "total": sum(totals.get(day, 0) for day in days),
        "width": CHART_WIDTH,
        "height": CHART_HEIGHT,
        "plot_left": PLOT_LEFT,
        "plot_right": CHART_WIDTH,
        "label_y": CHART_HEIGHT - 8,
    }


def _articles_of(request, model_admin):
    """A writer looks up their own articles only; editors any, the trashed ones too."""
    return model_admin.get_queryset(request) if is_writer(request.user) else Article.objects


class StatisticsForm(forms.Form):
    """``?article=<number>``: the article whose own chart is shown under the site's."""

    article = forms.IntegerField(required=False, min_value=1, max_value=2**63 - 1)

    def __init__(self, data, *, articles):
        super().__init__(data)
        self.articles = articles  # those this user may look up

    def clean_article(self):
        number = self.cleaned_data["article"]
        if number is None:
            return None
        article = self.articles.filter(pk=number).first()
        if article is None:
            # The view shows the message with the number as typed.
            raise forms.ValidationError("no such article", code="invalid_choice")
        return article


def statistics_view(request, model_admin):
    if not model_admin.has_view_permission(request):
        raise PermissionDenied
    today = timezone.localdate()
    start = today - datetime.timedelta(days=STATISTICS_DAYS - 1)
    days = [start + datetime.timedelta(days=n) for n in range(STATISTICS_DAYS)]
    reads = ArticleDailyRead.objects.since(start)
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": _("Statistics"),
        "days": STATISTICS_DAYS,
        "site_chart": bar_chart(days, reads.daily_totals()),
        "top_articles": Article.objects.most_read(days=STATISTICS_DAYS).select_related("category")[
            :TOP_COUNT
        ],
    }
    status = 200
    form = StatisticsForm(request.GET, articles=_articles_of(request, model_admin))
    if not form.is_valid():
        context["error"] = _("There is no article with the number %(number)s.") % {
            "number": form.data["article"][:20]
        }
        status = 404
    elif article := form.cleaned_data["article"]:
        context["article"] = article
        context["article_chart"] = bar_chart(days, reads.filter(article=article).daily_totals())
    return render(request, "admin/news/article/statistics.html", context, status=status)
