from .article_queries import NEWEST_FIRST, ArticleQuerySet, SQLConstant
from .articles import Article, ArticleImage
from .editing import ArticleAutosave
from .notifications import Notification, NotificationQuerySet
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
    "Notification",
    "NotificationQuerySet",
    "SQLConstant",
    "Category",
    "CategoryQuerySet",
    "ReadFlush",
    "Source",
    "Tag",
    "month_of",
    "week_of",
]
