"""The admin site: Django's, with the newsroom dashboard as its index, the report per unit,
and lookups that can say more than an object's name."""

from django.contrib import admin
from django.contrib.admin.views.autocomplete import AutocompleteJsonView
from django.urls import path


class LabelledAutocompleteJsonView(AutocompleteJsonView):
    """An admin with ``autocomplete_label(obj)`` chooses how its objects are offered in
    lookups (articles show their date and state)."""

    def serialize_result(self, obj, to_field_name):
        result = super().serialize_result(obj, to_field_name)
        label = getattr(self.model_admin, "autocomplete_label", None)
        if label is not None:
            result["text"] = label(obj)
        return result


class PortalAdminSite(admin.AdminSite):
    def autocomplete_view(self, request):
        return LabelledAutocompleteJsonView.as_view(admin_site=self)(request)

    def index(self, request, extra_context=None):
        """The dashboard (templates/admin/index.html), above Django's list of apps."""
        from news.admin.dashboard import dashboard_context

        return super().index(request, {**dashboard_context(request), **(extra_context or {})})

    def get_urls(self):
        from news.admin.unit_report import unit_report_view

        report = self.admin_view(lambda request: unit_report_view(request, self))
        excel = self.admin_view(lambda request: unit_report_view(request, self, excel=True))
        return [
            path("thong-ke-don-vi/", report, name="unit_report"),
            path("thong-ke-don-vi/excel/", excel, name="unit_report_excel"),
            *super().get_urls(),
        ]
