"""The editors' admin: articles (with revisions, conflicts, autosave, trash, review),
taxonomy, reads per day and each person's notifications."""

from . import articles, notifications, reads, taxonomy

__all__ = ["articles", "notifications", "reads", "taxonomy"]
