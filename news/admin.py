from django import forms
from django.contrib import admin
from django.urls import path, reverse
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django_ckeditor_5.widgets import CKEditor5Widget

from portal.admin_tools import SafeModelAdmin

from .admin_statistics import statistics_view
from .models import Article, ArticleImage, Category, Source, Tag


@admin.register(Category)
class CategoryAdmin(SafeModelAdmin):
    list_display = ["name", "parent", "order", "is_in_menu"]
    list_editable = ["order", "is_in_menu"]
    list_filter = ["is_in_menu", "parent"]
    list_select_related = ["parent"]
    search_fields = ["name", "slug"]
    autocomplete_fields = ["parent"]


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "website"]
    search_fields = ["name", "code"]


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]


class ArticleAdminForm(forms.ModelForm):
    class Meta:
        widgets = {
            "title": forms.TextInput(attrs={"class": "vLargeTextField"}),
            "slug": forms.TextInput(attrs={"class": "vLargeTextField"}),
            "body": CKEditor5Widget(config_name="default"),
            "lead": forms.Textarea(attrs={"rows": 3}),
            "cover_caption": forms.TextInput(attrs={"class": "vLargeTextField"}),
            "cover_alt": forms.TextInput(attrs={"class": "vLargeTextField"}),
        }


class ArticleImageInline(admin.TabularInline):
    model = ArticleImage
    extra = 0
    fields = ["image", "caption", "alt_text", "order"]


@admin.register(Article)
class ArticleAdmin(SafeModelAdmin):
    form = ArticleAdminForm
    list_display = [
        "title",
        "category",
        "status",
        "published_at",
        "is_featured",
        "reads",
        "updated_by",
    ]
    list_filter = ["status", "is_featured", "category", "source", "organization", "published_at"]
    list_select_related = ["category", "category__parent", "updated_by"]
    search_fields = ["title", "lead"]
    date_hierarchy = "published_at"
    autocomplete_fields = ["category", "organization", "source", "tags", "related_articles"]
    readonly_fields = [
        "read_count",
        "created_by",
        "created_at",
        "updated_by",
        "updated_at",
        "legacy_id",
        "wordpress_id",
        "wordpress_slug",
        "legacy_read_count",
    ]
    inlines = [ArticleImageInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "lead", "body"]}),
        (
            _("Publication"),
            {"fields": ["status", "published_at", "is_featured", "category", "organization"]},
        ),
        (_("Cover image"), {"fields": ["cover_image", "cover_caption", "cover_alt"]}),
        (
            _("Source"),
            {
                "fields": [
                    "source",
                    "byline",
                    "original_url",
                    "original_author",
                    "original_published_at",
                ]
            },
        ),
        (_("Tags and related news"), {"fields": ["tags", "related_articles"]}),
        (
            _("Old site"),
            {
                "description": _(
                    "Set by the import from the old site; its old addresses lead to this article."
                ),
                "fields": ["legacy_id", "wordpress_id", "wordpress_slug", "legacy_read_count"],
            },
        ),
        (
            _("History"),
            {
                "classes": ["collapse"],
                "fields": ["read_count", "created_by", "created_at", "updated_by", "updated_at"],
            },
        ),
    ]

    @admin.display(description=_("Read count"), ordering="read_count")
    def reads(self, obj):
        # Shown, never edited: the count changes only in SQL (Article.count_read).
        url = reverse("admin:news_article_statistics") + f"?article={obj.pk}"
        return format_html(
            '<a href="{}">{}</a>', url, number_format(obj.read_count, force_grouping=True)
        )

    def get_urls(self):
        statistics = self.admin_site.admin_view(
            lambda request: statistics_view(request, self), cacheable=False
        )
        return [
            path("thong-ke/", statistics, name="news_article_statistics"),
            *super().get_urls(),
        ]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)

    class Media:
        css = {"all": ["css/admin.css"]}
