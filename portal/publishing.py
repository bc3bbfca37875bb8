"""Shared helper: what "published" means for content that an editor may schedule.

Documents, photo albums and videos each have ``is_published`` and ``published_at``; their
querysets inherit this rule rather than each writing it. (Articles have a workflow of their own,
news/models/articles.py; events and static pages have no schedule, only ``is_published``.)
"""

from django.db import models
from django.utils import timezone


class ScheduledQuerySet(models.QuerySet):
    def published(self):
        """Ticked as published, and its publication time has come."""
        return self.filter(is_published=True, published_at__lte=timezone.now())


def visible_to(user, queryset):
    """``queryset`` as ``user`` may see it: whole for those who may change such objects (staff
    preview what readers cannot see yet), its ``published()`` part for everyone else."""
    opts = queryset.model._meta
    if user.has_perm(f"{opts.app_label}.change_{opts.model_name}"):
        return queryset
    return queryset.published()
