from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django_ckeditor_5.widgets import CKEditor5Widget

from portal.admin_tools import SafeModelAdmin

from .models import MenuItem, Page


class PageAdminForm(forms.ModelForm):
    class Meta:
        widgets = {
            "title": forms.TextInput(attrs={"class": "vLargeTextField"}),
            "slug": forms.TextInput(attrs={"class": "vLargeTextField"}),
            "body": CKEditor5Widget(config_name="default"),
        }


@admin.register(Page)
class PageAdmin(SafeModelAdmin):
    form = PageAdminForm
    list_display = ["title", "slug", "is_published", "updated_at"]
    list_filter = ["is_published"]
    search_fields = ["title", "slug"]
    fields = ["title", "slug", "body", "is_published"]

    class Media:
        css = {"all": ["css/admin.css"]}


class MenuSubItemInline(admin.TabularInline):
    model = MenuItem
    fk_name = "parent"
    extra = 0
    fields = ["title", "kind", "category", "organization", "page", "url", "order", "is_shown"]
    autocomplete_fields = ["category", "organization", "page"]
    verbose_name = _("sub-item")
    verbose_name_plural = _("sub-items")


@admin.register(MenuItem)
class MenuItemAdmin(SafeModelAdmin):
    list_display = ["__str__", "kind", "parent", "order", "is_shown"]
    list_editable = ["order", "is_shown"]
    list_filter = ["kind", "is_shown"]
    # The item's and its parent's names come from what they lead to.
    list_select_related = [
        "category",
        "organization",
        "page",
        "parent__category",
        "parent__organization",
        "parent__page",
    ]
    search_fields = ["title", "url", "category__name", "organization__name", "page__title"]
    autocomplete_fields = ["category", "organization", "page", "parent"]
    fieldsets = [
        (None, {"fields": ["title", "kind", "parent", "order", "is_shown"]}),
        (
            _("What it leads to"),
            {
                "description": _(
                    "Fill in the one field of the chosen kind: a category, an organisation, "
                    "a static page, or a web address for a link."
                ),
                "fields": ["category", "organization", "page", "url"],
            },
        ),
    ]
    inlines = [MenuSubItemInline]

    def get_inlines(self, request, obj):
        # Sub-items of sub-items would be a third level.
        return [] if obj is not None and obj.parent_id else self.inlines
