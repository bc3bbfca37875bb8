"""Each person's own notifications: an article sent for review, sent back, published."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from portal.admin_tools import SafeModelAdmin

from ..models import Notification


class ReadFilter(admin.SimpleListFilter):
    title = gettext_lazy("read")
    parameter_name = "read"

    def lookups(self, request, model_admin):
        return [("no", _("Unread")), ("yes", _("Read"))]

    def queryset(self, request, queryset):
        if self.value() == "no":
            return queryset.unread()
        if self.value() == "yes":
            return queryset.filter(read_at__isnull=False)
        return queryset


@admin.register(Notification)
class NotificationAdmin(SafeModelAdmin):
    list_display = ["message", "kind", "due_at", "is_read"]
    list_filter = [ReadFilter, "kind"]
    actions = ["mark_read"]
    date_hierarchy = None

    def get_queryset(self, request):
        # One's own, whoever one is: nobody reads another person's notifications.
        return super().get_queryset(request).shown_to(request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        # Marked read, never edited.
        return obj is None and super().has_change_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=gettext_lazy("message"))
    def message(self, obj):
        url = reverse("admin:news_notification_open", args=[obj.pk])
        if obj.read_at is None:
            return format_html('<a href="{}"><strong>{}</strong></a>', url, obj.text)
        return format_html('<a href="{}">{}</a>', url, obj.text)

    @admin.display(description=gettext_lazy("read"), boolean=True)
    def is_read(self, obj):
        return obj.read_at is not None

    def get_urls(self):
        return [
            path(
                "<int:pk>/mo/",
                self.admin_site.admin_view(self.open_view),
                name="news_notification_open",
            ),
            *super().get_urls(),
        ]

    def open_view(self, request, pk):
        """Opening a notification marks it read and leads to its article."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        notification = get_object_or_404(self.get_queryset(request), pk=pk)
        if notification.read_at is None:
            Notification.objects.filter(pk=pk).update(read_at=timezone.now())
        return redirect("admin:news_article_change", notification.article_id)

    @admin.action(description=gettext_lazy("Mark as read"), permissions=["change"])
    def mark_read(self, request, queryset):
        count = queryset.unread().update(read_at=timezone.now())
        self.message_user(
            request,
            ngettext(
                "%(count)d notification marked as read.",
                "%(count)d notifications marked as read.",
                count,
            )
            % {"count": count},
        )
