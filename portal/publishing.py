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
