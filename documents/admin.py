from django import forms
from django.contrib import admin
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from portal.admin_tools import SafeModelAdmin

from .models import Document, DocumentFile, DocumentSubject, DocumentType


@admin.register(DocumentType)
class DocumentTypeAdmin(admin.ModelAdmin):
    list_display = ["name", "order"]
    list_editable = ["order"]
    search_fields = ["name"]
    exclude = ["slug"]


@admin.register(DocumentSubject)
class DocumentSubjectAdmin(admin.ModelAdmin):
    list_display = ["name"]
    search_fields = ["name"]


class DocumentFileInline(admin.TabularInline):
    model = DocumentFile
    extra = 1
    fields = ["file", "title", "order", "kind", "original_name", "size_shown"]
    readonly_fields = ["kind", "original_name", "size_shown"]

    @admin.display(description=_("size"))
    def size_shown(self, obj):
        return filesizeformat(obj.size) if obj.pk else ""


class DocumentAdminForm(forms.ModelForm):
    class Meta:
        widgets = {
            "number": forms.TextInput(attrs={"class": "vTextField"}),
            "summary": forms.Textarea(attrs={"rows": 3}),
        }


@admin.register(Document)
class DocumentAdmin(SafeModelAdmin):
    form = DocumentAdminForm
    list_display = ["number", "document_type", "issuer", "issued_on", "is_published"]
    list_filter = ["document_type", "is_published", "subject", "issuer"]
    list_select_related = ["document_type", "issuer"]
    search_fields = ["number", "summary", "signer"]
    date_hierarchy = "issued_on"
    autocomplete_fields = ["document_type", "issuer", "subject", "articles"]
    readonly_fields = ["created_by", "created_at", "updated_at"]
    inlines = [DocumentFileInline]
    fieldsets = [
        (None, {"fields": ["number", "document_type", "summary", "subject"]}),
        (_("Issued"), {"fields": ["issuer", "signer", "issued_on", "effective_on"]}),
        (_("Publication"), {"fields": ["is_published", "published_at", "articles"]}),
        (
            _("History"),
            {"classes": ["collapse"], "fields": ["created_by", "created_at", "updated_at"]},
        ),
    ]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
