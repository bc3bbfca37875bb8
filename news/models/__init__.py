from .articles import (
    ARTICLE_LISTS_GENERATION_KEY,
    SEARCH_MAX_CHARS,
    SEARCH_MAX_WORDS,
    Article,
    ArticleImage,
    ArticleQuerySet,
    cached_article_lists_generation,
    forget_cached_article_lists,
    search_words,
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
    "SEARCH_MAX_CHARS",
    "SEARCH_MAX_WORDS",
    "Article",
    "ArticleAutosave",
    "ArticleDailyRead",
    "ArticleDailyReadQuerySet",
    "ArticleImage",
    "ArticlePeriodRead",
    "ArticleQuerySet",
    "Category",
    "CategoryQuerySet",
    "ReadFlush",
    "Source",
    "Tag",
    "cached_article_lists_generation",
    "forget_cached_article_lists",
    "month_of",
    "search_words",
    "week_of",
]
