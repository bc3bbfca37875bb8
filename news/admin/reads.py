"""Reads per day, listed for editors: the rows behind the dashboard's and the report's figures.

Counted by the site, so never added, changed or deleted here.
"""

from django.contrib import admin
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy

from portal.admin_tools import CountsAdmin

from ..models import ArticleDailyRead


@admin.register(ArticleDailyRead)
class ArticleDailyReadAdmin(CountsAdmin):
    list_display = ["date", "article_link", "reads"]
    # "article__organization": the report per unit links to one unit's reads.
    list_filter = ["date", "article__organization"]
    list_select_related = ["article"]
    # Within a day, most read first, as daily_read_rank_idx holds them ("-article_id", not
    # "-article", which would sort by the articles' own order and join them to sort).
    ordering = ["-date", "-count", "-article_id"]
    show_full_result_count = False

    @admin.display(description=gettext_lazy("article"), ordering="article__title")
    def article_link(self, obj):
        url = reverse("admin:news_article_change", args=[obj.article_id])
        return format_html('<a href="{}">{}</a>', url, obj.article.title)

    @admin.display(description=gettext_lazy("reads"), ordering="count")
    def reads(self, obj):
        return number_format(obj.count, force_grouping=True)
