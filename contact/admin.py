from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from portal.admin_tools import SafeModelAdmin

from .models import ContactMessage


@admin.register(ContactMessage)
class ContactMessageAdmin(SafeModelAdmin):
    """Administrators read the messages here; a message is never edited, only marked."""

    list_display = ["subject", "name", "email", "phone", "created_at", "is_handled"]
    list_filter = ["is_handled", "created_at"]
    search_fields = ["name", "email", "phone", "subject", "message"]
    date_hierarchy = "created_at"
    list_select_related = ["handled_by"]
    fields = [
        "name",
        "email",
        "phone",
        "subject",
        "message",
        "created_at",
        "is_handled",
        "handled_by",
        "note",
    ]
    readonly_fields = ["name", "email", "phone", "subject", "message", "created_at", "handled_by"]
    actions = ["mark_handled"]

    def has_add_permission(self, request):
        return False  # messages come from readers only

    def save_model(self, request, obj, form, change):
        if "is_handled" in form.changed_data:
            obj.handled_by = request.user if obj.is_handled else None
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Mark the selected messages as handled"))
    def mark_handled(self, request, queryset):
        count = queryset.filter(is_handled=False).update(is_handled=True, handled_by=request.user)
        self.message_user(
            request, _("%(count)s messages marked as handled.") % {"count": count}, messages.SUCCESS
        )
