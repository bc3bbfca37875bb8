from django.contrib import admin

from portal.admin_tools import CountsAdmin

from .models import SiteDailyVisit


@admin.register(SiteDailyVisit)
class SiteDailyVisitAdmin(CountsAdmin):
    """Counted by the site: shown, never edited."""

    list_display = ["date", "count"]
    date_hierarchy = "date"
