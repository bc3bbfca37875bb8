from django.contrib import admin

from portal.admin_tools import SafeModelAdmin

from .models import Event


@admin.register(Event)
class EventAdmin(SafeModelAdmin):
    list_display = ["title", "start_at", "end_at", "place", "organization", "is_published"]
    list_filter = ["is_published", "organization", "start_at"]
    list_select_related = ["organization"]
    search_fields = ["title", "place", "description"]
    date_hierarchy = "start_at"
    autocomplete_fields = ["organization"]
    readonly_fields = ["created_by", "created_at", "updated_at"]
    fields = [
        "title",
        "start_at",
        "end_at",
        "place",
        "organization",
        "description",
        "is_published",
        "created_by",
        "created_at",
        "updated_at",
    ]
    ordering = ["-start_at"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
