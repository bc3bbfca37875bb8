"""Messages readers send through the contact form ("Liên hệ")."""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ContactMessageQuerySet(models.QuerySet):
    def recent_from(self, *, sender_key, email, hours=1):
        """Messages of the last ``hours`` from this address (or with this e-mail)."""
        since = timezone.now() - datetime.timedelta(hours=hours)
        same_sender = models.Q(sender_key=sender_key)
        if email:
            same_sender |= models.Q(email__iexact=email)
        return self.filter(same_sender, created_at__gte=since)


class ContactMessage(models.Model):
    name = models.CharField(_("full name"), max_length=150)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    subject = models.CharField(_("subject"), max_length=200)
    message = models.TextField(_("message"), max_length=5000)
    # A keyed hash of the sender's IP address: enough to limit how often one address
    # writes, without storing the address itself.
    sender_key = models.CharField(max_length=64, editable=False, db_index=True)
    is_handled = models.BooleanField(_("handled"), default=False)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handled by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="handled_contact_messages",
    )
    note = models.TextField(
        _("internal note"), blank=True, help_text=_("Seen only in the admin: what was done.")
    )
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True, db_index=True)

    objects = ContactMessageQuerySet.as_manager()

    class Meta:
        verbose_name = _("contact message")
        verbose_name_plural = _("contact messages")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.name}: {self.subject}"
