from .articles import (
    ARTICLE_LISTS_GENERATION_KEY,
    NEWEST_FIRST,
    Article,
    ArticleImage,
    ArticleQuerySet,
    SQLConstant,
    cached_article_lists_generation,
    forget_cached_article_lists,
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
    "ARTICLE_LISTS_GENERATION_KEY",
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
    "cached_article_lists_generation",
    "forget_cached_article_lists",
    "month_of",
    "week_of",
]
