from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from portal.admin_tools import SafeModelAdmin

from .models import Album, Photo


class PhotoInline(admin.TabularInline):
    model = Photo
    extra = 3
    fields = ["image", "caption", "alt_text", "order"]


@admin.register(Album)
class AlbumAdmin(SafeModelAdmin):
    list_display = ["title", "organization", "published_at", "is_published", "photo_count"]
    list_filter = ["is_published", "organization", "published_at"]
    list_select_related = ["organization"]
    search_fields = ["title", "description"]
    date_hierarchy = "published_at"
    autocomplete_fields = ["organization", "article"]
    readonly_fields = ["created_by", "created_at", "updated_at"]
    inlines = [PhotoInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "description", "cover"]}),
        (_("Publication"), {"fields": ["is_published", "published_at", "organization", "article"]}),
        (
            _("History"),
            {"classes": ["collapse"], "fields": ["created_by", "created_at", "updated_at"]},
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(photos_total=Count("photos"))

    @admin.display(description=_("photos"), ordering="photos_total")
    def photo_count(self, obj):
        return obj.photos_total

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
