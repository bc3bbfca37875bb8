from django.contrib import admin

from portal.admin_tools import SafeModelAdmin

from ..models import Category, Source, Tag


@admin.register(Category)
class CategoryAdmin(SafeModelAdmin):
    list_display = ["name", "parent", "order", "is_in_menu"]
    list_editable = ["order", "is_in_menu"]
    list_filter = ["is_in_menu", "parent"]
    list_select_related = ["parent"]
    search_fields = ["name", "slug"]
    autocomplete_fields = ["parent"]


@admin.register(Source)
class SourceAdmin(SafeModelAdmin):
    list_display = ["name", "code", "website"]
    search_fields = ["name", "code"]


@admin.register(Tag)
class TagAdmin(SafeModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
