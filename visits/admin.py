from django.contrib import admin

from .models import SiteDailyVisit


@admin.register(SiteDailyVisit)
class SiteDailyVisitAdmin(admin.ModelAdmin):
    """Counted by the site: shown, never edited."""

    list_display = ["date", "count"]
    date_hierarchy = "date"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
