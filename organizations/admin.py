from django import forms
from django.contrib import admin
from django_ckeditor_5.widgets import CKEditor5Widget

from .models import Organization, PartnerLink, SiteIdentity, Sponsor


class OrganizationAdminForm(forms.ModelForm):
    class Meta:
        widgets = {"introduction": CKEditor5Widget(config_name="default")}


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    form = OrganizationAdminForm
    list_display = ["name", "short_name", "kind", "parent", "order", "is_active"]
    list_filter = ["kind", "is_active"]
    list_select_related = ["parent"]
    search_fields = ["name", "short_name"]
    autocomplete_fields = ["parent"]


@admin.register(SiteIdentity)
class SiteIdentityAdmin(admin.ModelAdmin):
    list_display = ["site_name", "tagline"]

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not SiteIdentity.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Sponsor)
class SponsorAdmin(admin.ModelAdmin):
    list_display = ["name", "placement", "starts_on", "ends_on", "order", "is_active"]
    list_filter = ["placement", "is_active"]
    search_fields = ["name"]


@admin.register(PartnerLink)
class PartnerLinkAdmin(admin.ModelAdmin):
    list_display = ["name", "url", "group", "order", "is_active"]
    list_filter = ["group", "is_active"]
    search_fields = ["name", "url"]
