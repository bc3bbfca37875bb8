"""Admin of the organisations app: for site administrators ("Quản trị viên") only.

Editors ("Biên tập viên") hold no permission on these models except "view organisation",
which lets them pick an article's organisation in the autocomplete; OrganizationAdmin honours
it there and nowhere else (see organizations/roles.py).
"""

from axes.admin import AccessAttemptAdmin
from axes.models import AccessAttempt
from axes.utils import reset as axes_reset
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import User
from django.db import models
from django.db.models import OuterRef, Q, Subquery, Sum
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_ckeditor_5.widgets import CKEditor5Widget
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.admin_tools import CountsAdmin, SafeModelAdmin

from . import admin_auth, staff_accounts  # users and groups with Vietnamese permission names
from .models import (
    Organization,
    PartnerLink,
    SiteIdentity,
    Sponsor,
    SponsorClick,
    http_url_validator,
)


class HttpURLFormField(forms.URLField):
    """A URL input that accepts only http(s), with one clear message for anything else.

    Django's own URLField would answer "javascript:" or "data:" with its generic "Enter a valid
    URL."; here the editor is told what is expected.
    """

    default_validators = [http_url_validator]
    # A form field puts its own "invalid" message over its validators' ones.
    default_error_messages = {"invalid": http_url_validator.message}

    def __init__(self, **kwargs):
        kwargs.setdefault("assume_scheme", "https")
        super().__init__(**kwargs)


class SiteBlockAdmin(SafeModelAdmin):
    """What every admin of a record shown on every page shares."""

    formfield_overrides = {models.URLField: {"form_class": HttpURLFormField}}


class OrganizationAdminForm(forms.ModelForm):
    class Meta:
        widgets = {"introduction": CKEditor5Widget(config_name="default")}


@admin.register(Organization)
class OrganizationAdmin(SiteBlockAdmin):
    form = OrganizationAdminForm
    list_display = ["name", "short_name", "kind", "parent", "order", "is_active"]
    list_filter = ["kind", "is_active"]
    list_select_related = ["parent"]
    search_fields = ["name", "short_name"]
    autocomplete_fields = ["parent"]

    def has_view_permission(self, request, obj=None):
        # "View organisation" lets editors look organisations up in the article form's
        # autocomplete; it does not open the organisation pages of the admin to them.
        match = request.resolver_match
        if match is not None and match.url_name == "autocomplete":
            return super().has_view_permission(request, obj)
        return self.has_change_permission(request, obj)


@admin.register(SiteIdentity)
class SiteIdentityAdmin(SiteBlockAdmin):
    fieldsets = [
        (None, {"fields": ["site_name", "tagline", "logo", "favicon"]}),
        (
            _("Footer"),
            {"fields": ["address", "phone", "email", "content_responsible", "licence"]},
        ),
        (_("Social networks"), {"fields": ["facebook_url", "zalo_url", "youtube_url"]}),
    ]

    def changelist_view(self, request, extra_context=None):
        # There is one record: its list would be a page with one line, so open it directly.
        if self.has_view_or_change_permission(request):
            identity, _created = SiteIdentity.objects.get_or_create(pk=1)
            return redirect(reverse("admin:organizations_siteidentity_change", args=[identity.pk]))
        return super().changelist_view(request, extra_context)

    def has_add_permission(self, request):
        return False  # the list view creates the one record

    def has_delete_permission(self, request, obj=None):
        return False


class SponsorClickInline(admin.TabularInline):
    model = SponsorClick
    fields = ["month_display", "count"]
    readonly_fields = ["month_display", "count"]
    ordering = ["-month"]
    extra = 0
    max_num = 0
    can_delete = False
    verbose_name_plural = _("clicks per month")

    @admin.display(description=_("month"))
    def month_display(self, obj):
        return f"{obj.month:%m/%Y}"

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Sponsor)
class SponsorAdmin(SiteBlockAdmin):
    list_display = [
        "name",
        "logo_preview",
        "placement",
        "starts_on",
        "ends_on",
        "order",
        "is_active",
        "clicks_this_month",
        "clicks_total",
    ]
    list_filter = ["placement", "is_active"]
    search_fields = ["name", "website"]
    fields = [
        "name",
        "logo",
        "logo_preview",
        "website",
        "placement",
        "order",
        ("starts_on", "ends_on"),
        "is_active",
    ]
    readonly_fields = ["logo_preview"]
    inlines = [SponsorClickInline]

    def get_queryset(self, request):
        month = timezone.localdate().replace(day=1)
        return (
            super()
            .get_queryset(request)
            .annotate(
                clicks_month_sum=Sum("clicks__count", filter=Q(clicks__month=month)),
                clicks_total_sum=Sum("clicks__count"),
            )
        )

    @admin.display(description=_("clicks this month"), ordering="clicks_month_sum")
    def clicks_this_month(self, obj):
        return obj.clicks_month_sum or 0

    @admin.display(description=_("clicks in total"), ordering="clicks_total_sum")
    def clicks_total(self, obj):
        return obj.clicks_total_sum or 0

    @admin.display(description=_("as shown"))
    def logo_preview(self, obj):
        if not obj.logo_1x:
            return "—"
        return format_html(
            '<img src="{}" width="{}" height="{}" alt="">',
            obj.logo_1x.url,
            obj.logo_1x_width,
            obj.logo_1x_height,
        )


@admin.register(SponsorClick)
class SponsorClickAdmin(CountsAdmin):
    """Clicks per sponsor per month, read-only: they are counted by /tai-tro/<id>/."""

    list_display = ["sponsor", "month_display", "count"]
    list_filter = ["sponsor"]
    list_select_related = ["sponsor"]
    date_hierarchy = "month"
    search_fields = ["sponsor__name"]

    @admin.display(description=_("month"), ordering="month")
    def month_display(self, obj):
        return f"{obj.month:%m/%Y}"


@admin.register(PartnerLink)
class PartnerLinkAdmin(SiteBlockAdmin):
    list_display = ["name", "url", "group", "order", "is_active"]
    list_editable = ["order", "is_active"]
    list_filter = ["group", "is_active"]
    search_fields = ["name", "url"]


# --- Staff accounts: unlocking a sign-in and resetting two-step sign-in -----------------------

# django-otp's own device admin is not shown: an administrator who could add a device to
# another account, or read its key, could sign in as that person. Resetting is enough.
if admin.site.is_registered(TOTPDevice):
    admin.site.unregister(TOTPDevice)
admin.site.unregister(User)


@admin.register(User)
class StaffUserAdmin(admin_auth.VietnamesePermissionsMixin, UserAdmin):
    actions = ["unlock_sign_in", "reset_two_factor"]
    add_form = staff_accounts.StaffCreationForm
    add_fieldsets = staff_accounts.ADD_FIELDSETS
    inlines = [staff_accounts.StaffMembershipInline]

    def get_inlines(self, request, obj):
        return self.inlines if obj is not None else []  # the add form chooses the units

    @admin.action(
        description=_("Unlock signing in for the selected accounts"), permissions=["change"]
    )
    def unlock_sign_in(self, request, queryset):
        """Forget the failed sign-ins of these accounts (django-axes), so they may sign in now.

        A locked address (not account) is unlocked in "Sign-in records" › "access attempts".
        """
        for user in queryset:
            axes_reset(username=user.get_username())
        count = queryset.count()
        self.message_user(
            request,
            ngettext(
                "Signing in is unlocked for %(count)s account.",
                "Signing in is unlocked for %(count)s accounts.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(
        description=_("Reset two-step sign-in of the selected accounts (lost phone)"),
        permissions=["change"],
    )
    def reset_two_factor(self, request, queryset):
        deleted, _per_model = TOTPDevice.objects.filter(user__in=queryset).delete()
        self.message_user(
            request,
            ngettext(
                "Two-step sign-in is reset for %(count)s account: it sets the app up again at "
                "its next sign-in.",
                "Two-step sign-in is reset for %(count)s accounts: they set the app up again "
                "at their next sign-in.",
                queryset.count(),
            )
            % {"count": queryset.count()},
            messages.SUCCESS,
        )


class SignInAttemptAdmin(AccessAttemptAdmin):
    """django-axes' failed sign-ins, with its English-only columns said in Vietnamese.

    Deleting a row unlocks the account and address it names at once.
    """

    list_display = [
        "attempt_time",
        "ip_address",
        "username",
        "user_agent",
        "failures_since_start",
        "status",
    ]
    list_filter = ["attempt_time"]
    actions = ["delete_selected"]

    def get_queryset(self, request):
        # django-axes keeps one row per account and address: whether either is locked is the
        # sum over its rows, computed here in the same query.
        def failures(field):
            rows = AccessAttempt.objects.filter(**{field: OuterRef(field)}).order_by()
            total = rows.values(field).annotate(total=Sum("failures_since_start"))
            return Subquery(total.values("total")[:1])

        return (
            super()
            .get_queryset(request)
            .annotate(
                address_failures=failures("ip_address"), account_failures=failures("username")
            )
        )

    @admin.display(description=_("status"))
    def status(self, obj):
        worst = max(obj.address_failures or 0, obj.account_failures or 0)
        remaining = settings.AXES_FAILURE_LIMIT - worst
        if remaining > 0:
            return ngettext("%(count)s attempt left", "%(count)s attempts left", remaining) % {
                "count": remaining
            }
        return _("Locked")


admin.site.unregister(AccessAttempt)
admin.site.register(AccessAttempt, SignInAttemptAdmin)
