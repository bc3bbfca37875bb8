"""The editors' admin: articles (with revisions, conflicts, autosave, trash), taxonomy and
reads per day."""

from . import articles, reads, taxonomy

__all__ = ["articles", "reads", "taxonomy"]
