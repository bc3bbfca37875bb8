"""The calendar of the union's activities ("Sự kiện", "Lịch công tác")."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal.text import unique_slug


class EventQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def upcoming(self, now):
        """Events not yet over at ``now``, soonest first."""
        return self.filter(end_at__gte=now).order_by("start_at", "id")

    def overlapping(self, start, end):
        """Events that take place at some time between ``start`` and ``end``."""
        return self.filter(start_at__lt=end, end_at__gte=start).order_by("start_at", "id")

    def for_listing(self):
        return self.select_related("organization")


class Event(models.Model):
    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=255, blank=True)
    start_at = models.DateTimeField(_("starts at"))
    end_at = models.DateTimeField(_("ends at"))
    place = models.CharField(_("place"), max_length=255)
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="events",
    )
    description = models.TextField(_("description"), blank=True)
    is_published = models.BooleanField(
        _("published"), default=True, help_text=_("Unticked, the event is shown to nobody.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="created_events",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed at"), auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["start_at", "id"]
        indexes = [
            models.Index(fields=["start_at"], name="event_start_idx"),
            models.Index(fields=["end_at"], name="event_end_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_at__gte=models.F("start_at")),
                name="event_ends_after_start",
                violation_error_message=_("An event cannot end before it starts."),
            )
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.title, fallback="su-kien")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("events:event_detail", kwargs={"slug": self.slug, "pk": self.pk})
