from .articles import (
    NEWEST_FIRST,
    Article,
    ArticleImage,
    ArticleQuerySet,
    SQLConstant,
)
from .editing import ArticleAutosave
from .reads import (
    ArticleDailyRead,
    ArticleDailyReadQuerySet,
    ArticlePeriodRead,
    ReadFlush,
    month_of,
    week_of,
)
from .taxonomy import Category, CategoryQuerySet, Source, Tag

__all__ = [
    "Article",
    "ArticleAutosave",
    "ArticleDailyRead",
    "ArticleDailyReadQuerySet",
    "ArticleImage",
    "ArticlePeriodRead",
    "ArticleQuerySet",
    "NEWEST_FIRST",
    "SQLConstant",
    "Category",
    "CategoryQuerySet",
    "ReadFlush",
    "Source",
    "Tag",
    "month_of",
    "week_of",
]
