"""The editors' admin: articles (with revisions, conflicts, autosave, trash) and taxonomy."""

from . import articles, taxonomy

__all__ = ["articles", "taxonomy"]
