"""What the newsroom is told: an article sent for review, sent back, published."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class NotificationQuerySet(models.QuerySet):
    def shown_to(self, user):
        """``user``'s own notifications whose time has come (a scheduled publication is told
        when the article goes live)."""
        return self.filter(recipient=user, due_at__lte=timezone.now())

    def unread(self):
        return self.filter(read_at__isnull=True)

    def due_unmailed(self):
        return self.filter(mailed_at__isnull=True, due_at__lte=timezone.now())


class Notification(models.Model):
    class Kind(models.TextChoices):
        SUBMITTED = "submitted", _("Sent for review")
        SENT_BACK = "sent_back", _("Sent back")
        PUBLISHED = "published", _("Published")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    article = models.ForeignKey(
        "news.Article",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    text = models.TextField(_("message"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    # When it is shown and mailed: now, or the time a scheduled article goes live.
    due_at = models.DateTimeField(_("shown from"), default=timezone.now)
    mailed_at = models.DateTimeField(_("mailed at"), null=True, blank=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-due_at", "-id"]
        indexes = [
            models.Index(fields=["recipient", "read_at"], name="notification_unread_idx"),
            models.Index(
                fields=["due_at"],
                condition=models.Q(mailed_at__isnull=True),
                name="notification_unmailed_idx",
            ),
        ]

    def __str__(self):
        return self.text
