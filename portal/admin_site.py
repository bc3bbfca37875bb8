"""The admin site: Django's, with the newsroom dashboard as its index, the report per unit,
and lookups that can say more than an object's name."""

from django import forms
from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.admin.views.autocomplete import AutocompleteJsonView
from django.urls import path
from django.utils.translation import gettext_lazy as _


class LabelledAutocompleteJsonView(AutocompleteJsonView):
    """An admin with ``autocomplete_label(obj)`` chooses how its objects are offered in
    lookups (articles show their date and state)."""

    def serialize_result(self, obj, to_field_name):
        result = super().serialize_result(obj, to_field_name)
        label = getattr(self.model_admin, "autocomplete_label", None)
        if label is not None:
            result["text"] = label(obj)
        return result


class StaffAuthenticationForm(AdminAuthenticationForm):
    """The right password of an account without staff access says so, instead of Django's
    "wrong user name or password": the person knows to ask an administrator, not to retry
    (and be locked out by the failed-login limit)."""

    error_messages = {
        **AdminAuthenticationForm.error_messages,
        "not_staff": _(
            "Your password is right, but this account has no access to the administration. "
            "Ask an administrator to tick “Staff status” on your account and give it a role."
        ),
    }

    def confirm_login_allowed(self, user):
        if not user.is_active:
            raise forms.ValidationError(self.error_messages["inactive"], code="inactive")
        if not user.is_staff:
            raise forms.ValidationError(self.error_messages["not_staff"], code="not_staff")


class PortalAdminSite(admin.AdminSite):
    login_form = StaffAuthenticationForm

    def autocomplete_view(self, request):
        return LabelledAutocompleteJsonView.as_view(admin_site=self)(request)

    def index(self, request, extra_context=None):
        """The dashboard (templates/admin/index.html), above Django's list of apps."""
        from news.admin.dashboard import dashboard_context

        # The index alone carries the newsroom's counts: every other admin page would pay
        # their queries for the sidebar (admin lists have pinned query counts).
        request.admin_index_counts = True
        return super().index(request, {**dashboard_context(request), **(extra_context or {})})

    def get_app_list(self, request, app_label=None):
        app_list = super().get_app_list(request, app_label)
        if getattr(request, "admin_index_counts", False):
            from news.admin_counts import app_list_add_counts

            app_list_add_counts(request, app_list)
        return app_list

    def get_urls(self):
        from news.admin.unit_report import unit_report_view

        report = self.admin_view(lambda request: unit_report_view(request, self))
        excel = self.admin_view(lambda request: unit_report_view(request, self, excel=True))
        return [
            path("thong-ke-don-vi/", report, name="unit_report"),
            path("thong-ke-don-vi/excel/", excel, name="unit_report_excel"),
            *super().get_urls(),
        ]
