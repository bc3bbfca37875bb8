"""The editors' admin: articles (with revisions, conflicts, autosave, trash, review),
taxonomy and each person's notifications."""

from . import articles, notifications, taxonomy

__all__ = ["articles", "notifications", "taxonomy"]
